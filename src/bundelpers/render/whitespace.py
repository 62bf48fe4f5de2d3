"""White space on typeset pages: where each page's text block has nothing printed.

A *hole* is white space of more than three body lines inside the text block, on a page
whose chapter goes on (the design brief's definition). Measured on the typeset PDF: every
object's box (text, drawing, image) is projected on the page's height; the largest
stretch without any, from the first thing printed down to the foot of the text block
(or to the footnotes, which sit at that foot), is the page's largest gap.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

from .weasy import shared_styles

PX = 0.75  # CSS pixels (WeasyPrint's anchor positions) to PDF points
PROBE = ('<!DOCTYPE html><html lang="nl"><body><div id="boven"></div>'
         '<p><span id="regel-1">x</span><br><span id="regel-2">x</span></p>'
         '<div id="onder" style="position: absolute; bottom: 0; left: 0"></div></body></html>')


@dataclass(frozen=True)
class TextBlock:
    top: float  # points from the top of the page
    bottom: float
    leading: float  # the body text's line height, points


@functools.cache
def _probe(stylesheets: tuple[Path, ...], allowed: tuple[Path, ...]) -> TextBlock:
    import weasyprint

    font_config, sheets = shared_styles(stylesheets, allowed)
    document = weasyprint.HTML(string=PROBE).render(  # the probe links to nothing
        stylesheets=sheets, font_config=font_config)
    anchors = document.pages[0].anchors  # id -> (left, top, right, bottom), CSS px
    return TextBlock(anchors["boven"][1] * PX, anchors["onder"][1] * PX,
                     (anchors["regel-2"][1] - anchors["regel-1"][1]) * PX)


def text_block(stylesheets: tuple[Path, ...], allowed: tuple[Path, ...]) -> TextBlock:
    """The text block's top and foot and the body's leading, as the project's own CSS sets
    them (a probe document with an element at the top, two lines of a paragraph, and one
    element absolutely at the bottom of the page area; WeasyPrint's public anchors say
    where they landed)."""
    return _probe(tuple(stylesheets), tuple(allowed))


def page_gaps(pdf: bytes, block: TextBlock) -> list[float]:
    """Per page, its largest stretch of white space inside the text block, in points."""
    document = pdfium.PdfDocument(pdf)
    try:
        return [_largest_gap(document[index], block) for index in range(len(document))]
    finally:
        document.close()


def _largest_gap(page: pdfium.PdfPage, block: TextBlock) -> float:
    _, height = page.get_size()
    boxes = []
    for obj in page.get_objects(max_depth=1):
        _, bottom, _, top = obj.get_bounds()
        top, bottom = height - top, height - bottom
        if bottom <= block.top or top >= block.bottom:
            continue
        boxes.append((max(top, block.top), min(bottom, block.bottom)))
    if not boxes:
        return 0.0
    boxes.sort()
    gap, reach = 0.0, boxes[0][1]
    for top, bottom in boxes[1:]:
        gap = max(gap, top - reach)
        reach = max(reach, bottom)
    return max(gap, block.bottom - reach)


def lines_on_last_page(pdf: bytes, block: TextBlock, leading: float) -> float:
    """How many body lines the last page holds (its content's height in lines)."""
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[len(document) - 1]
        _, height = page.get_size()
        tops, bottoms = [], []
        for obj in page.get_objects(max_depth=1):
            _, bottom, _, top = obj.get_bounds()
            top, bottom = height - top, height - bottom
            if bottom > block.top and top < block.bottom:
                tops.append(top)
                bottoms.append(bottom)
        return (max(bottoms) - min(tops)) / leading if tops else 0.0
    finally:
        document.close()
