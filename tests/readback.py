"""Read a built book PDF back the way a reader does: page text, running heads,
folios, the table of contents, bookmarks, links, metadata and fonts.

pypdf gives the text line by line, the outline, links and metadata. pypdfium2
answers "what is printed in this area of the page" (pypdf gets the position of
text inside SVG drawings wrong), "which font sets this text", and gives the text
to search whole books in (it is some fifty times faster than pypdf).
"""

from __future__ import annotations

import ctypes
import itertools
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw
from pypdf import PdfReader
from pypdf.generic import ArrayObject, IndirectObject

MM = 72 / 25.4
# The page geometry of layouts/css/page.css: 170 x 240 mm, mirrored margins.
TOP, BOTTOM, INNER, OUTER = 20 * MM, 24 * MM, 22 * MM, 38 * MM

BODY_SIZE, LEADING = 10.0, 14.0  # the body text of layouts/css/typography.css, in points
# A full line ends at the column's edge; its last glyph's ink may stop short of its advance
# by a point or so (a comma, a colon). A line that ends short lacks a word: 10 pt and more.
FULL_TOLERANCE = 3.0
INK_OVERHANG = 2.0

TOC_LINE = re.compile(r"^(?P<text>.*?)\s*\.{2,}\s*(?P<folio>\d+)$")
PACKAGED_FONT = re.compile(r"^/[A-Z]{6}\+Source-(?:Serif|Sans)-Pro(?:-[A-Za-z-]+)?$")


def flat(text: str) -> str:
    """Text as one line: hyphenated line ends joined, runs of white space collapsed."""
    text = re.sub(r"(?<=[a-zà-ÿ])-\n(?=[a-zà-ÿ])", "", text)  # hyphenation: ver-\nbouwing
    text = re.sub(r"-\n", "-", text)  # a real hyphen at a line end: Pijnacker-\nNootdorp
    return " ".join(text.split())


@dataclass(frozen=True)
class TextLine:
    """One line of body text (the 10 pt serif) as printed."""

    page: int  # 0-based
    baseline: float  # points from the foot of the page
    left: float
    right: float  # right edge of the last glyph, a footnote call included
    text: str


@dataclass(frozen=True)
class TocEntry:
    label: str  # the place above a case title, "" for other chapters
    title: str
    printed: int  # the page number printed after the leader


@dataclass
class Bookmark:
    title: str
    page: int  # 0-based page index
    children: list[Bookmark] = field(default_factory=list)


@dataclass(frozen=True)
class Link:
    page: int  # 0-based index of the page the link sits on
    target: int  # 0-based index of the page it jumps to
    rect: tuple[float, float, float, float]  # left, bottom, right, top


class BookPdf:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.reader = PdfReader(self.path)
        self._pdfium = pdfium.PdfDocument(self.path)
        self._texts: dict[int, str] = {}
        self._flat: dict[int, str] = {}
        self._page_index = {
            page.indirect_reference.idnum: index for index, page in enumerate(self.reader.pages)
        }

    def __len__(self) -> int:
        return len(self.reader.pages)

    # --- what is printed ----------------------------------------------------------

    def text(self, index: int) -> str:
        """The page's text in reading order, line by line, as pypdf extracts it."""
        if index not in self._texts:
            self._texts[index] = self.reader.pages[index].extract_text()
        return self._texts[index]

    def lines(self, index: int) -> list[str]:
        return [line.strip() for line in self.text(index).splitlines() if line.strip()]

    def flat_text(self, index: int) -> str:
        """The page's text as one line (see flat()), for searching.

        From pdfium: pypdf needs about 0.1 s a page, too slow to search three whole books
        in every test run. pdfium marks a hyphen at a line end as U+FFFE and drops the break.
        """
        if index not in self._flat:
            raw = self._pdfium[index].get_textpage().get_text_range()
            self._flat[index] = flat(raw.replace("\ufffe", "-\n").replace("\r\n", "\n"))
        return self._flat[index]

    def area_text(self, index: int, left: float, bottom: float, right: float, top: float) -> str:
        page = self._pdfium[index]
        return " ".join(page.get_textpage().get_text_bounded(left, bottom, right, top).split())

    def size(self, index: int) -> tuple[float, float]:
        return self._pdfium[index].get_size()

    def running_head(self, index: int) -> str:
        width, height = self.size(index)
        return self.area_text(index, 0, height - TOP, width, height)

    def folio(self, index: int) -> int | None:
        """The page number printed at the foot, or None if there is none."""
        width, _ = self.size(index)
        foot = self.area_text(index, 0, 0, width, BOTTOM)
        return int(foot) if foot.isdigit() else None

    def body_text(self, index: int) -> str:
        width, height = self.size(index)
        return self.area_text(index, 0, BOTTOM, width, height - TOP)

    def column(self, index: int) -> tuple[float, float]:
        """Left and right edge of the text column: rectos (odd pages) have the inner margin left."""
        width, _ = self.size(index)
        if index % 2 == 0:
            return INNER, width - OUTER
        return OUTER, width - INNER

    def text_runs(self, index: int) -> list[tuple[tuple[float, float, float, float], str]]:
        """Every run of text on the page with its box (left, bottom, right, top)."""
        textpage = self._pdfium[index].get_textpage()
        runs = []
        for number in range(textpage.count_rects()):
            box = textpage.get_rect(number)
            runs.append((box, " ".join(textpage.get_text_bounded(*box).split())))
        return runs

    def text_outside_column(self) -> list[tuple[int, str]]:
        """(folio, text) of every run that sticks out of the text column; covers excluded.
        The boxes are the glyphs' ink: an f or an italic letter ending a justified line
        hangs up to 2 pt past its advance, the column's true edge, and counts as inside."""
        outside = []
        for page in range(1, len(self) - 1):  # the covers are full-bleed
            left, right = self.column(page)
            outside += [(page + 1, text) for (x0, _, x1, _), text in self.text_runs(page)
                        if x0 < left - 1 or x1 > right + INK_OVERHANG]
        return outside

    def body_lines(self, index: int) -> list[TextLine]:
        """The lines of body text in the column, top to bottom. Body text is the serif at
        10 pt; a footnote call (a raised sans figure) counts towards the line it ends."""
        textpage = self._pdfium[index].get_textpage()
        x, y, buffer, flags = ctypes.c_double(), ctypes.c_double(), ctypes.create_string_buffer(128), ctypes.c_int()
        body: dict[float, list[tuple[float, float, str]]] = {}
        others: list[tuple[float, float, float]] = []
        previous: tuple[float, float] | None = None  # baseline and right edge of the last body glyph
        for char in range(textpage.count_chars()):
            code = pdfium_raw.FPDFText_GetUnicode(textpage.raw, char)
            if pdfium_raw.FPDFText_IsGenerated(textpage.raw, char):
                # pdfium adds the spaces that a justified line sets as gaps, not as glyphs.
                if code == 32 and previous is not None:
                    body[previous[0]].append((previous[1] + 0.01, previous[1], " "))
                continue
            if code in (10, 13, 0xFFFE):
                continue
            pdfium_raw.FPDFText_GetCharOrigin(textpage.raw, char, ctypes.byref(x), ctypes.byref(y))
            left, _, right, _ = textpage.get_charbox(char)
            size = pdfium_raw.FPDFText_GetFontSize(textpage.raw, char) * 0.75  # px -> pt
            pdfium_raw.FPDFText_GetFontInfo(textpage.raw, char, buffer, len(buffer), ctypes.byref(flags))
            if abs(size - BODY_SIZE) < 0.05 and b"Serif" in buffer.value:
                previous = (round(y.value, 1), right)
                body.setdefault(previous[0], []).append((x.value, right, chr(code)))
            else:
                previous = None
                if code != 32:
                    others.append((y.value, left, right))
        lines = []
        for baseline in sorted(body, reverse=True):
            chars = sorted(body[baseline])
            right = max(r for _, r, c in chars if c != " ")
            # A raised footnote call at the end of the line belongs to it.
            right = max([right, *(r for oy, ol, r in others
                                  if baseline < oy < baseline + 6 and 0 <= ol - right < 2)])
            lines.append(TextLine(index, baseline, chars[0][0], right, "".join(c for _, _, c in chars).strip()))
        return lines

    def justified_lines(self, first: int = 0) -> list[tuple[TextLine, bool]]:
        """(line, is_full) for every line of a justified paragraph that another line of the
        same paragraph follows on the same page: the next body line stands one line lower
        (14 pt) and starts at the column's left edge (a new paragraph is indented 1 em or
        spaced apart). Such a line must be full: it ends at the column's right edge."""
        found = []
        for index in range(first, len(self)):
            left, right = self.column(index)
            lines = self.body_lines(index)
            for line, below in itertools.pairwise(lines):
                starts = abs(line.left - left) < 0.5 or abs(line.left - left - BODY_SIZE) < 0.5
                if starts and abs(line.baseline - below.baseline - LEADING) < 0.3 \
                        and abs(below.left - left) < 0.5:
                    found.append((line, line.right > right - FULL_TOLERANCE))
        return found

    def fonts_of(self, needle: str) -> set[str]:
        """The names of the fonts that set `needle`, wherever it is printed."""
        names = set()
        buffer, flags = ctypes.create_string_buffer(256), ctypes.c_int()
        for index in range(len(self)):
            textpage = self._pdfium[index].get_textpage()
            text = textpage.get_text_range()
            for match in re.finditer(re.escape(needle), text):
                for char in range(match.start(), match.end()):
                    if not text[char].isspace():
                        pdfium_raw.FPDFText_GetFontInfo(
                            textpage.raw, char, buffer, len(buffer), ctypes.byref(flags))
                        names.add(buffer.value.decode())
        return names

    def largest_text(self, index: int) -> str:
        """The text set in the largest size on the page."""
        found: list[tuple[float, str]] = []

        def visit(text, cm, tm, font, size):  # type: ignore[no-untyped-def]
            if text.strip():
                found.append((size * abs(tm[3] * cm[3]), text.strip()))

        self.reader.pages[index].extract_text(visitor_text=visit)
        return max(found)[1]

    def pages_containing(self, needle: str, start: int = 0) -> list[int]:
        return [i for i in range(start, len(self)) if needle in self.flat_text(i)]

    # --- navigation ---------------------------------------------------------------

    def _target_page(self, destination: object) -> int:
        if isinstance(destination, IndirectObject):
            destination = destination.get_object()
        if isinstance(destination, ArrayObject):
            return self._page_index[destination[0].idnum]
        named = self.reader.named_destinations[str(destination)]
        return self._page_index[named.page.idnum]

    def internal_links(self, index: int) -> list[tuple[str, Link]]:
        """(destination, link) for each link on the page that jumps inside the document."""
        links = []
        for annotation in self.reader.pages[index].get("/Annots", []):
            annotation = annotation.get_object()
            destination = annotation.get("/Dest")
            action = annotation.get("/A")
            if destination is None and action is not None and action.get("/S") == "/GoTo":
                destination = action["/D"]
            if annotation.get("/Subtype") != "/Link" or destination is None:
                continue
            x1, y1, x2, y2 = (float(v) for v in annotation["/Rect"])
            rect = (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
            links.append((str(destination), Link(index, self._target_page(destination), rect)))
        return links

    def uri_links(self) -> list[str]:
        uris = []
        for page in self.reader.pages:
            for annotation in page.get("/Annots", []):
                action = annotation.get_object().get("/A")
                if action is not None and action.get("/S") == "/URI":
                    uris.append(str(action["/URI"]))
        return uris

    @cached_property
    def toc_pages(self) -> list[int]:
        """The contents page (the page headed "Inhoud") and any page it runs on to."""
        first = next(i for i in range(len(self)) if self.lines(i)[:1] == ["Inhoud"])
        pages = [first]
        while pages[-1] + 1 < len(self) and self.internal_links(pages[-1] + 1):
            pages.append(pages[-1] + 1)
        return pages

    @cached_property
    def toc(self) -> list[TocEntry]:
        entries, label, pending = [], "", []
        lines = [line for page in self.toc_pages for line in self.lines(page)][1:]
        for line in lines:
            if line.isdigit():  # the contents page's own folio
                continue
            if match := TOC_LINE.match(line):
                title = " ".join([*pending, match["text"]])
                entries.append(TocEntry(label, title, int(match["folio"])))
                label, pending = "", []
            elif line.isupper():
                label = line
            else:
                pending.append(line)
        return entries

    @cached_property
    def toc_links(self) -> list[list[Link]]:
        """The links of the contents, grouped per destination, in reading order."""
        groups: dict[str, list[Link]] = {}
        for page in self.toc_pages:
            for destination, link in self.internal_links(page):
                groups.setdefault(destination, []).append(link)
        return list(groups.values())

    def title_page(self, title: str) -> int:
        """The chapter's opener: the first page after the contents with `title` at its top
        (at most an overline, such as "CASUS 2 · PLAATS, PROVINCIE", above it)."""
        for page in range(self.toc_pages[-1] + 1, len(self)):
            if 0 <= self.flat_text(page).find(title) <= 80:
                return page
        raise AssertionError(f"{title!r} opens no page after the contents")

    @cached_property
    def outline(self) -> list[Bookmark]:
        def build(items: list) -> list[Bookmark]:  # type: ignore[type-arg]
            marks: list[Bookmark] = []
            for item in items:
                if isinstance(item, list):
                    marks[-1].children = build(item)
                else:
                    page = self.reader.get_destination_page_number(item)
                    marks.append(Bookmark(str(item.title), page))
            return marks

        return build(self.reader.outline)

    # --- what the file says about itself ------------------------------------------

    @cached_property
    def fonts(self) -> list[dict[str, object]]:
        """Every font dictionary: subtype, /BaseFont and whether its program is embedded."""
        found = []
        with pikepdf.open(self.path) as pdf:
            for obj in pdf.objects:
                if not (isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/Font"):
                    continue
                descriptor = obj.get("/FontDescriptor")
                embedded = descriptor is not None and any(
                    key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
                found.append({"subtype": str(obj.get("/Subtype")),
                              "name": str(obj.get("/BaseFont")), "embedded": embedded})
        return found


# --- White space ----------------------------------------------------------------------

LINE = 14.0  # the body's leading, in points: a hole is counted in these lines


def content_boxes(pdf: pdfium.PdfDocument, index: int) -> list[tuple[float, float]]:
    """(top, bottom) of everything printed inside the text block's height, measured from
    the top of the page; running heads and folios (in the margins) are left out."""
    page = pdf[index]
    _, height = page.get_size()
    boxes = []
    for obj in page.get_objects(max_depth=1):
        _, bottom, _, top = obj.get_bounds()
        top, bottom = height - top, height - bottom
        if bottom <= TOP or top >= height - BOTTOM:
            continue  # furniture, entirely in the top or bottom margin
        boxes.append((max(top, TOP), min(bottom, height - BOTTOM)))
    return sorted(boxes)


def largest_gap(pdf: pdfium.PdfDocument, index: int) -> float:
    """The tallest stretch of the text block with nothing printed in it, below the page's
    first content: between two things printed, or from the last one to the foot of the
    text block. In body lines."""
    _, height = pdf[index].get_size()
    boxes = content_boxes(pdf, index)
    if not boxes:
        return 0.0
    gap, reach = 0.0, boxes[0][1]
    for top, bottom in boxes[1:]:
        gap = max(gap, top - reach)
        reach = max(reach, bottom)
    gap = max(gap, height - BOTTOM - reach)
    return gap / LINE


def chapter_spans(book: BookPdf) -> list[tuple[str, int, int]]:
    """(title, first page, last page with text) of every chapter, from the bookmarks: a
    top-level bookmark other than "Inhoud" opens a chapter; in the verzamelbundel a part's
    bookmark (whose children have children of their own) holds its chapters."""
    chapters, boundaries = [], {len(book) - 1}  # the back cover ends the last chapter
    for mark in book.outline:
        boundaries.add(mark.page)
        if any(child.children for child in mark.children):
            chapters += [(child.title, child.page) for child in mark.children]
            boundaries |= {child.page for child in mark.children}
        elif mark.title != "Inhoud":
            chapters.append((mark.title, mark.page))
    spans = []
    for title, first in chapters:
        end = min(page for page in boundaries if page > first) - 1
        while end > first and not book.flat_text(end):
            end -= 1
        spans.append((title, first, end))
    return spans


def holes(path: Path, limit: float = 3.0) -> list[tuple[int, str, float]]:
    """(folio, chapter, lines) of every page but a chapter's last whose text block has a
    stretch of white space taller than `limit` body lines."""
    book = BookPdf(path)
    found = []
    for title, first, last in chapter_spans(book):
        for index in range(first, last):
            gap = largest_gap(book._pdfium, index)
            if gap > limit:
                found.append((index + 1, title, round(gap, 1)))
    return found


def stranded_headings(path: Path) -> list[tuple[int, str, int]]:
    """(page, heading, lines under it) of every bookmarked heading left at the foot of a
    page with less than two lines of text under it. Lines are the distinct baselines of
    text set larger than the footnotes (8 pt) below the heading's own line."""
    reader = PdfReader(path)
    document = pdfium.PdfDocument(path)
    found = []

    def visit(items: list) -> None:  # type: ignore[type-arg]
        for item in items:
            if isinstance(item, list):
                visit(item)
                continue
            if item.top is None:
                continue
            index = reader.get_destination_page_number(item)
            textpage = document[index].get_textpage()
            x, y = ctypes.c_double(), ctypes.c_double()
            baselines = set()
            for char in range(textpage.count_chars()):
                if pdfium_raw.FPDFText_IsGenerated(textpage.raw, char) or \
                        pdfium_raw.FPDFText_GetUnicode(textpage.raw, char) in (10, 13, 32):
                    continue
                if pdfium_raw.FPDFText_GetFontSize(textpage.raw, char) * 0.75 <= 8.05:
                    continue  # footnotes and their calls
                pdfium_raw.FPDFText_GetCharOrigin(textpage.raw, char, ctypes.byref(x), ctypes.byref(y))
                baselines.add(round(y.value))
            under = sorted((b for b in baselines if b < float(item.top)), reverse=True)[1:]  # [0]: the heading
            if len(under) < 2:
                found.append((index + 1, str(item.title), len(under)))

    try:
        visit(reader.outline)
    finally:
        document.close()
    return found
