"""Which glyphs of which packaged typeface a typeset document uses.

WeasyPrint embeds a subset of each font per document, with retained glyph ids and an
identity CID-to-glyph map. Recording, per unit, the glyphs each typeface draws lets the
assembly give every book one shared subset per typeface (assemble/fontshare.py) without
opening the units again to find out.
"""

from __future__ import annotations

import io
from collections import defaultdict

import pikepdf
from pikepdf import Dictionary, Name


def type0_fonts(pdf: pikepdf.Pdf) -> list[Dictionary]:
    """Every Type0 font the pages use, in their own resources or their forms' (the
    stamped furniture). Walking the pages is far quicker than every object of the file."""
    found: dict[tuple[int, int], Dictionary] = {}
    seen: set[tuple[int, int]] = set()
    stack = [page.obj.get(Name.Resources) for page in pdf.pages]
    while stack:
        resources = stack.pop()
        if not isinstance(resources, Dictionary):
            continue
        if resources.is_indirect:
            if resources.objgen in seen:
                continue
            seen.add(resources.objgen)
        fonts = resources.get(Name.Font)
        if isinstance(fonts, Dictionary):
            for name in fonts:
                font = fonts[name]
                if (isinstance(font, Dictionary) and font.get(Name.Subtype) == Name.Type0
                        and Name.DescendantFonts in font):
                    found.setdefault(font.objgen, font)
        xobjects = resources.get(Name.XObject)
        if isinstance(xobjects, Dictionary):
            for name in xobjects:
                form = xobjects[name]
                if form.get(Name.Subtype) == Name.Form and form.objgen not in seen:
                    seen.add(form.objgen)
                    stack.append(form.get(Name.Resources))
    return [found[key] for key in sorted(found)]


def cids(widths: object) -> set[int]:
    """The CIDs a /W array gives widths for: `c [w ...]` and `first last w` forms."""
    found: set[int] = set()
    items = list(widths) if widths is not None else []
    index = 0
    while index < len(items):
        first = int(items[index])
        following = items[index + 1]
        if isinstance(following, pikepdf.Array):
            found.update(range(first, first + len(following)))
            index += 2
        else:
            found.update(range(first, int(following) + 1))
            index += 3
    return found


def postscript_name(program: bytes) -> str | None:
    from fontTools.ttLib import TTFont

    try:
        return TTFont(io.BytesIO(program), lazy=True)["name"].getDebugName(6)
    except Exception:  # noqa: BLE001 - an unreadable program is simply not shared
        return None


def glyphs_used(pdf: pikepdf.Pdf) -> dict[str, list[int]]:
    """PostScript name of each embedded TrueType program -> the glyph ids drawn with it."""
    used: dict[str, set[int]] = defaultdict(set)
    names: dict[tuple[int, int], str | None] = {}
    for font in type0_fonts(pdf):
        descendant = font.DescendantFonts[0]
        descriptor = descendant.get(Name.FontDescriptor)
        if descriptor is None or Name.FontFile2 not in descriptor \
                or descendant.get(Name.CIDToGIDMap) != Name.Identity:
            continue
        if descriptor.objgen not in names:
            names[descriptor.objgen] = postscript_name(descriptor.FontFile2.read_bytes())
        name = names[descriptor.objgen]
        if name is not None:
            used[name] |= cids(descendant.get(Name.W))
    return {name: sorted(glyphs) for name, glyphs in sorted(used.items())}
