"""The download page: bundel_pdf/index.html, a static page to publish the PDFs with.

The series, then per bundle its cover (a thumbnail rendered from the PDF, a file beside
the page), what it is, its edition, the files with page count, size and SHA-256, each
case on its own, and how to cite it; then the verzamelbundel. No script, no fonts or
styles from elsewhere: it works opened from disk as from any web server.

The page and its thumbnails are build targets like the PDFs: they are made again only
when a PDF (or what the page says about it) changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..digests import digest, file_digest, tool_digest, tree_digest
from ..files import write_bytes_atomically, write_text_atomically
from ..layout.colours import Palette, palette
from ..layout.environment import environment
from ..layout.units import relative_url
from ..prepare.book import BookBundle, BookChapter
from ..prepare.collection import CollectionBook, collection_slug
from ..project import Project
from ..state import BuildState
from .cases import case_file_name, case_folder

PAGE = "index.html"
TEMPLATE = "download/index.html.j2"
THUMBNAILS = "omslagen"
THUMBNAIL_WIDTH = 320  # pixels: sharp at 160 CSS pixels on a high-density screen


@dataclass(frozen=True)
class FileFacts:
    href: str  # relative to the page
    pages: int
    size: str  # "297 kB"
    sha256: str


@dataclass(frozen=True)
class CaseLink:
    number: int
    title: str
    place: str
    file: FileFacts


@dataclass(frozen=True)
class Thumbnail:
    href: str
    width: int
    height: int


@dataclass(frozen=True)
class BundleEntry:
    book: BookBundle
    palette: Palette
    file: FileFacts
    cover: Thumbnail
    cases: tuple[CaseLink, ...]


@dataclass(frozen=True)
class CollectionEntry:
    book: CollectionBook
    file: FileFacts
    cover: Thumbnail


def publish_downloads(project: Project, books: list[BookBundle],
                      collection: CollectionBook | None, state: BuildState) -> bool:
    """Write the download page and its thumbnails if a PDF changed; True when written.

    Lists the PDFs that exist (a build of some bundles leaves the others as they were),
    and removes the case PDFs of cases that are gone, so the folder holds what the page
    lists.
    """
    output = project.output
    planned = {book.slug: _case_targets(project, book) for book in books}
    _remove_stale_cases(project, planned, state)
    wanted = [project.bundle_pdf(book.slug) for book in books]
    wanted += [path for targets in planned.values() for path, _ in targets]
    if collection is not None:
        wanted.append(output / f"{collection_slug(collection.series)}.pdf")
    existing = [path for path in wanted if path.is_file()]
    page = output / PAGE
    inputs = digest(tool_digest(), tree_digest([project.layouts], project.root),
                    _shown(books, collection),
                    *(f"{path.relative_to(output)}:{_sha(project, state, path)}" for path in existing))
    if state.fresh(project.root, page, inputs):
        return False
    bundles = [_bundle_entry(project, state, book, planned[book.slug])
               for book in sorted(books, key=lambda book: book.meta.nummer)
               if project.bundle_pdf(book.slug).is_file()]
    whole = None
    if collection is not None:
        path = output / f"{collection_slug(collection.series)}.pdf"
        if path.is_file():
            whole = CollectionEntry(collection, _facts(output, path),
                                    _thumbnail(project, state, path, collection.slug))
    _remove_stale_thumbnails(project, state, {collection.slug} if collection else set(),
                             {book.slug for book in books})
    series = books[0].series if books else collection.series if collection else None
    html = environment(project.layouts).get_template(TEMPLATE).render(
        series=series, bundles=bundles, collection=whole)
    write_text_atomically(page, html)
    state.record(project.root, page, inputs)
    return True


def _shown(books: list[BookBundle], collection: CollectionBook | None) -> str:
    """What the page tells about the books besides their files."""
    shown = [(book.slug, book.series, book.meta, [chapter.meta for chapter in book.chapters])
             for book in books]
    return repr((shown, collection.front if collection else None))


def _case_targets(project: Project, book: BookBundle) -> list[tuple[Path, BookChapter]]:
    folder = case_folder(project.bundle_pdf(book.slug))
    return [(folder / case_file_name(book.case_numbers[chapter.anchor], chapter), chapter)
            for chapter in book.chapters if chapter.is_case]


def _bundle_entry(project: Project, state: BuildState, book: BookBundle,
                  cases: list[tuple[Path, BookChapter]]) -> BundleEntry:
    output = project.output
    path = project.bundle_pdf(book.slug)
    links = tuple(
        CaseLink(book.case_numbers[chapter.anchor], chapter.meta.titel, chapter.meta.plaats or "",
                 _facts(output, case))
        for case, chapter in cases if case.is_file())
    return BundleEntry(book, palette(book.meta.kleur), _facts(output, path),
                       _thumbnail(project, state, path, book.slug), links)


def _sha(project: Project, state: BuildState, path: Path) -> str:
    """The PDF's SHA-256 as the build recorded it (the build checks it against the file)."""
    entry = state.targets.get(path.relative_to(project.root).as_posix())
    return entry["sha256"] if entry and "sha256" in entry else file_digest(path)


def _facts(output: Path, path: Path) -> FileFacts:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    try:
        pages = len(document)
    finally:
        document.close()
    return FileFacts(relative_url(path, output), pages, file_size(path.stat().st_size),
                     file_digest(path))


def file_size(size: int) -> str:
    """A file size the Dutch way: '297 kB', '1,2 MB'."""
    if size < 1000 * 1000:
        return f"{max(1, round(size / 1000))} kB"
    return f"{size / 1000 / 1000:.1f} MB".replace(".", ",")


def _thumbnail(project: Project, state: BuildState, pdf: Path, slug: str) -> Thumbnail:
    """The PDF's first page as a PNG beside the page, rendered when the PDF changed."""
    import pypdfium2 as pdfium

    target = project.output / THUMBNAILS / f"{slug}.png"
    inputs = digest(tool_digest(), _sha(project, state, pdf), str(THUMBNAIL_WIDTH))
    document = pdfium.PdfDocument(pdf)
    try:
        page = document[0]
        width, height = page.get_size()
        size = (THUMBNAIL_WIDTH, round(THUMBNAIL_WIDTH * height / width))
        if not state.fresh(project.root, target, inputs):
            image = page.render(scale=THUMBNAIL_WIDTH / width).to_pil().convert("RGB")
            image = image.resize(size)
            write_bytes_atomically(target, _png(image), scratch=project.build)
            state.record(project.root, target, inputs)
    finally:
        document.close()
    return Thumbnail(relative_url(target, project.output), *size)


def _png(image) -> bytes:  # type: ignore[no-untyped-def]
    import io

    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _remove_stale_cases(project: Project, planned: dict[str, list[tuple[Path, BookChapter]]],
                        state: BuildState) -> None:
    """Case PDFs of a bundle that no longer has that case (renamed, moved, removed)."""
    for slug, targets in planned.items():
        folder = case_folder(project.bundle_pdf(slug))
        keep = {path for path, _ in targets}
        for path in sorted(folder.glob("*.pdf")) if folder.is_dir() else ():
            if path not in keep:
                path.unlink(missing_ok=True)
                state.targets.pop(path.relative_to(project.root).as_posix(), None)


def _remove_stale_thumbnails(project: Project, state: BuildState, *slug_sets: set[str]) -> None:
    folder = project.output / THUMBNAILS
    keep = set().union(*slug_sets)
    for path in sorted(folder.glob("*.png")) if folder.is_dir() else ():
        if path.stem not in keep:
            path.unlink(missing_ok=True)
            state.targets.pop(path.relative_to(project.root).as_posix(), None)

