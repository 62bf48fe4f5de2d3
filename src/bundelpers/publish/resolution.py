"""Images sharp enough for print: at least 300 ppi at the size they are printed.

Read from the typeset units, where each image sits at its final size: pdfium reports
the pixels and the resolution of every image on a page. An image WeasyPrint embedded at
its own pixel size is matched to its file by that size; one it scaled down was sharper
than 300 ppi to begin with. SVG drawings are vectors and never too coarse.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .. import messages as msg
from ..errors import Problem
from ..layout.units import UnitDoc
from ..prepare.book import BookBundle

MIN_PPI = 300
RASTER = (".png", ".jpg", ".jpeg")
MM = 72 / 25.4


@dataclass(frozen=True)
class Placed:
    """A raster image as printed."""

    image: Path
    pixels: int  # across
    width_mm: float
    ppi: float


def low_resolution(doc: UnitDoc, pdf: Path) -> list[Placed]:
    """The images of a typeset unit printed below MIN_PPI."""
    from PIL import Image

    raster = [path for path in doc.images if path.suffix.lower() in RASTER]
    if not raster:
        return []
    sizes = {}
    for path in raster:
        with Image.open(path) as image:
            sizes[path] = image.size
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_raw

    found: list[Placed] = []
    document = pdfium.PdfDocument(pdf)
    try:
        for page in document:
            for image in page.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_IMAGE]):
                meta = image.get_metadata()
                ppi = min(meta.horizontal_dpi, meta.vertical_dpi)
                if round(ppi) >= MIN_PPI:
                    continue
                left, _, right, _ = image.get_bounds()
                pixels = (meta.width, meta.height)
                for path, size in sizes.items():
                    # An image turned by its EXIF orientation has its sides swapped.
                    if pixels in (size, size[::-1]):
                        found.append(Placed(path, meta.width, (right - left) / MM, ppi))
    finally:
        document.close()
    return found


def resolution_warnings(root: Path, units: Iterable[tuple[UnitDoc, Path]],
                        books: list[BookBundle]) -> list[Problem]:
    """A warning per place in content/ that puts a too coarse image in print."""
    where = image_references(root, books)
    problems: set[Problem] = set()
    for doc, pdf in units:
        for placed in low_resolution(doc, pdf):
            needed = -(-placed.pixels * MIN_PPI // max(1, round(placed.ppi)))
            for file, line, written in where.get(placed.image.resolve(), []):
                problems.add(Problem(
                    file, line,
                    msg.IMAGE_LOW_RESOLUTION.format(
                        image=written, pixels=placed.pixels, width=placed.width_mm,
                        ppi=placed.ppi, minimum=MIN_PPI),
                    msg.IMAGE_LOW_RESOLUTION_HINT.format(needed=needed),
                    severity="waarschuwing"))
    return sorted(problems, key=Problem.location)


def image_references(root: Path, books: list[BookBundle]) -> dict[Path, list[tuple[str, int, str]]]:
    """image file -> (content file, line, the name as written) wherever it is used."""
    found: dict[Path, list[tuple[str, int, str]]] = {}
    for book in books:
        folder = root / "content" / book.slug
        if book.cover is not None and book.cover.source is not None:
            _refer(found, root, folder / "bundel.yaml", book.cover.source, folder)
        for chapter in book.chapters:
            for image in chapter.images:
                _refer(found, root, chapter.source, image, folder)
    return found


def _refer(found: dict, root: Path, file: Path, image: Path, folder: Path) -> None:  # type: ignore[type-arg]
    written = image.relative_to(folder).as_posix() if image.is_relative_to(folder) else image.name
    try:
        lines = file.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    number = next((n for n, text in enumerate(lines, start=1) if image.name in text), 0)
    name = file.relative_to(root).as_posix() if file.is_relative_to(root) else str(file)
    entry = (name, number, written)
    if entry not in found.setdefault(image.resolve(), []):
        found[image.resolve()].append(entry)
