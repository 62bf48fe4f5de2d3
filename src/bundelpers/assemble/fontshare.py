"""One font program per typeface in an assembled PDF.

A bundle is assembled from separately rendered parts (and the collection from
bundles), and WeasyPrint embeds a subset of each font per document: the same
typeface ends up stored ten times. WeasyPrint subsets with retained glyph ids
and maps CIDs to glyph ids one to one (/CIDToGIDMap /Identity), so a single
subset holding the union of the glyphs can serve every part: each part keeps
its own widths and ToUnicode map, only the font program is shared.
"""

from __future__ import annotations

import hashlib
import io
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pikepdf
from pikepdf import Dictionary, Name

from ..digests import digest
from ..files import write_bytes_atomically
from ..fonts import font_folders
from ..render.fontuse import cids, postscript_name, type0_fonts
from ..render.store import Store


def shared_programs(glyphs: dict[str, set[int]], store: Store | None) -> dict[str, bytes]:
    """One subset per typeface holding every glyph in `glyphs` (PostScript name -> glyph
    ids, gathered from every unit of a build): every book of the build embeds these. Kept
    in the store: a one-word edit rarely adds a glyph, so the next build subsets nothing."""
    programs = {}
    for name, used in sorted(glyphs.items()):
        original = packaged_font(name)
        if original is None:
            continue
        programs[name] = _subset(original, sorted({0, *used}), store)
    return programs


def share_font_programs(pdf: pikepdf.Pdf, store: Store | None = None,
                        programs: dict[str, bytes] | None = None) -> int:
    """Give each typeface one program; returns the programs removed.

    `programs` (PostScript name -> subset) are used where given; other typefaces get a
    subset of the glyphs this PDF uses, kept in `store`.
    """
    groups: dict[str, list[Dictionary]] = defaultdict(list)
    fonts_of: dict[tuple[int, int], list[Dictionary]] = defaultdict(list)
    grouped: set[tuple[int, int]] = set()
    for font in type0_fonts(pdf):
        descendant = font.DescendantFonts[0]
        descriptor = descendant.get(Name.FontDescriptor)
        if descriptor is None or Name.FontFile2 not in descriptor:
            continue
        if descriptor.objgen not in grouped:
            grouped.add(descriptor.objgen)
            groups[_base_name(descriptor.FontName)].append(descriptor)
        if descendant.get(Name.CIDToGIDMap) == Name.Identity:
            fonts_of[descriptor.objgen].append(font)
    removed = 0
    for base, descriptors in sorted(groups.items()):
        if not all(d.objgen in fonts_of for d in descriptors):
            continue  # only fonts whose glyph ids we can vouch for (Type0, identity map)
        name = postscript_name(descriptors[0].FontFile2.read_bytes())
        if programs and name in programs:
            program = programs[name]
        else:
            original = packaged_font(name)
            if original is None or len(descriptors) < 2:
                continue
            glyphs = {0}
            for descriptor in descriptors:
                for font in fonts_of[descriptor.objgen]:
                    glyphs |= cids(font.DescendantFonts[0].get(Name.W))
            program = _subset(original, sorted(glyphs), store)
        font_name = Name(f"/{_tag(program)}+{base}")
        stream = pdf.make_stream(program)
        stream.Length1 = len(program)
        for descriptor in descriptors:
            descriptor.FontFile2 = stream
            descriptor.FontName = font_name
            for font in fonts_of[descriptor.objgen]:
                font.BaseFont = font_name
                font.DescendantFonts[0].BaseFont = font_name
        removed += len(descriptors) - 1
    return removed


def _base_name(font_name: object) -> str:
    return str(font_name).lstrip("/").split("+", 1)[-1]


@lru_cache(maxsize=1)
def _packaged_fonts() -> dict[str, Path]:
    from fontTools.ttLib import TTFont

    found = {}
    for folder in font_folders():
        for path in sorted(folder.glob("*.ttf")):
            found[TTFont(path, lazy=True)["name"].getDebugName(6)] = path
    return found


def packaged_font(postscript_name: str | None) -> Path | None:
    return _packaged_fonts().get(postscript_name) if postscript_name else None


@lru_cache(maxsize=64)
def _subset_cached(path: Path, glyphs: tuple[int, ...]) -> bytes:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    # The same choices WeasyPrint makes, so the shared program draws what each part drew.
    options = subset.Options(retain_gids=True, passthrough_tables=True, ignore_missing_glyphs=True,
                             hinting=False, desubroutinize=True, notdef_outline=True)
    options.drop_tables += ["GSUB", "GPOS", "SVG", "BASE", "DSIG", "JSTF", "LTSH", "PCLT"]
    font = TTFont(path, recalcTimestamp=False)
    for tag in options.drop_tables:
        if tag in font:
            del font[tag]  # before subsetting: fontTools would parse the big layout tables first
    subsetter = subset.Subsetter(options)
    subsetter.populate(gids=list(glyphs))
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def _subset(path: Path, glyphs: list[int], store: Store | None) -> bytes:
    if store is None:
        return _subset_cached(path, tuple(glyphs))
    stored = store.blob(digest("subset", path.name, str(path.stat().st_size), str(glyphs)), ".ttf")
    if stored.is_file():
        return stored.read_bytes()
    program = _subset_cached(path, tuple(glyphs))
    write_bytes_atomically(stored, program)
    return program


def _tag(program: bytes) -> str:
    """A subset tag (six capitals) derived from the program, so builds stay byte-identical."""
    digest = hashlib.sha256(program).digest()
    return "".join(chr(ord("A") + byte % 26) for byte in digest[:6])
