"""Pages as pictures, for the live preview: a book page drawn from its unit's page and the
stamps of its running head and folio, without assembling the book.

Each page gets an identity: the unit it comes from (its key), the page in the unit and
the furniture stamped on it. A page whose identity did not change looks the same, so
after an edit only the pages of the units typeset again, or whose folio or running head
moved, are drawn again.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from ..assemble.furniture import SheetRef, folio_sheet_for, head_page
from ..assemble.pagination import Pagination
from ..digests import digest
from ..render.store import Rendered

SCALE = 1.25  # about 600 pixels wide for a 170 mm page: sharp on screen, quick to draw


@dataclass(frozen=True)
class PagePicture:
    """What one book page looks like: which unit page, which stamps."""

    source: tuple[Path, int] | None  # unit PDF and page index; None: a blank page
    stamps: tuple[tuple[Path, int], ...]
    identity: str


def page_pictures(pagination: Pagination, rendered: list[Rendered],
                  sheets: dict[SheetRef, Path], head_pairs: tuple[tuple[str, str], ...]
                  ) -> list[PagePicture]:
    pairs = {pair: index for index, pair in enumerate(head_pairs)}
    pictures = []
    for plan in pagination.pages:
        if plan.piece is None:
            pictures.append(PagePicture(None, (), digest("leeg")))
            continue
        unit = rendered[plan.piece]
        stamps = []
        if plan.shows_folio:
            ref, index = folio_sheet_for(plan.folio, plan.roman)
            stamps.append((sheets[ref], index))
        if plan.head:
            heads = pagination.pieces[plan.piece].heads
            stamps.append((sheets[SheetRef("kop")], head_page(pairs[heads], plan.recto)))
        drawings = unit.details.get("drawings") or []
        drawing = drawings[plan.page] if plan.page < len(drawings) else f"{unit.key}:{plan.page}"
        identity = digest(drawing, *(f"{path.name}:{index}" for path, index in stamps))
        pictures.append(PagePicture((unit.pdf, plan.page), tuple(stamps), identity))
    return pictures


class Painter:
    """Draws page pictures, keeping the PDFs it opened (units are read-only files)."""

    def __init__(self) -> None:
        self._documents: dict[Path, pdfium.PdfDocument] = {}

    def _page(self, path: Path, index: int, transparent: bool) -> Image.Image:
        if path not in self._documents:
            self._documents[path] = pdfium.PdfDocument(path.read_bytes())
        fill = (255, 255, 255, 0) if transparent else (255, 255, 255, 255)
        return self._documents[path][index].render(scale=SCALE, fill_color=fill).to_pil()

    def png(self, picture: PagePicture, size: tuple[int, int]) -> bytes:
        if picture.source is None:
            image = Image.new("RGB", size, "white")
        else:
            image = self._page(*picture.source, transparent=False).convert("RGBA")
            for path, index in picture.stamps:
                stamp = self._page(path, index, transparent=True).convert("RGBA")
                image.alpha_composite(stamp.resize(image.size) if stamp.size != image.size else stamp)
            image = image.convert("RGB")
        buffer = io.BytesIO()
        image.save(buffer, "PNG", optimize=False, compress_level=3)
        return buffer.getvalue()

    def forget(self, keep: set[Path]) -> None:
        for path in list(self._documents):
            if path not in keep:
                self._documents.pop(path).close()
