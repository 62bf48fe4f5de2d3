"""The build script: gather and check all content first, write last.

`check()` reads and validates everything; `build()` does that, then renders each
bundle and assembles the collection. Nothing is written when any content error
exists, so existing PDFs stay as they were.

A bundle is rendered in parts (front matter, chapters) side by side and joined
(parts.py, chapters.py, bundlepdf.py); parts whose content and first page did not
change come from the cache in build/<slug>/chapters/, and the collection is only
joined again when a bundle changed. `whole=True` renders each bundle as one
WeasyPrint document instead, the reference the parts must be indistinguishable from.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .assemble import write_pdf_atomically
from .prepare.book import BookBundle, prepare_series
from .cache import (
    CachedPart,
    build_mode,
    digest,
    file_digest,
    inputs_digest,
    load_state,
    save_state,
    tool_digest,
    tree_digest,
)
from .collection import CollectionResult, build_collection, collection_slug
from .read.content import Series, load_series
from .errors import Problem, ProblemLog
from .files import exclusive, remove_stale_temporaries
from .fonts import font_folders
from .layout.fonts import write_fontconfig
from .layout.html import image_url_for, write_bundle_html
from .project import Project
from .render import RenderResult, render_pdf, write_page_map


@dataclass
class CheckResult:
    series: Series | None
    books: list[BookBundle]
    warnings: list[Problem]


@dataclass
class BuildResult:
    rendered: dict[str, RenderResult] = field(default_factory=dict)
    written: list[Path] = field(default_factory=list)
    collection: CollectionResult | None = None


def check(project: Project) -> CheckResult:
    """Validate all content; raise ContentError listing every problem."""
    log = ProblemLog(project.root)
    series = load_series(project.content, log)
    books: list[BookBundle] = []
    if series is not None:
        books = prepare_series(series, log, lambda bundle: image_url_for(project, bundle.slug))
    log.raise_if_errors()
    return CheckResult(series, books, log.warnings)


def build(project: Project, checked: CheckResult | None = None, whole: bool = False,
          inputs: str | None = None) -> BuildResult:
    """Make every bundle PDF and the collection; `inputs` is the digest of what was checked."""
    mode = build_mode(whole)
    inputs = inputs or inputs_digest(project, mode)
    checked = checked or check(project)
    # Before any render, in this process and the pool's: the packaged fonts only.
    os.environ["FONTCONFIG_FILE"] = str(write_fontconfig(project.layouts, project.build / "fontconfig"))
    with exclusive(project.build / ".lock"):
        remove_stale_temporaries(project.output, project.build)
        return _build_locked(project, checked, whole, inputs)


def _build_locked(project: Project, checked: CheckResult, whole: bool, inputs: str) -> BuildResult:
    result = BuildResult()
    state = load_state(project)
    joined: dict[str, str] = {}
    for book in checked.books:
        write_bundle_html(project, book)  # the whole book, for a browser or plain WeasyPrint
    if whole:
        for book in checked.books:
            _render_whole(project, book, result)
    elif checked.books:
        from .parts import render_in_parts

        tools = digest(tool_digest(), tree_digest([project.layouts], project.root))

        def finish(book: BookBundle, front: CachedPart, chapters: list[CachedPart]) -> None:
            joined[book.slug] = digest(*(part.pdf.name for part in (front, *chapters)))
            if joined[book.slug] != state.get("bundles", {}).get(book.slug) or not _unchanged(
                    project, project.bundle_pdf(book.slug), state):
                _join(project, book, front, chapters, result)

        render_in_parts(project, checked.books, tools, finish)
    collection_key = None
    if checked.books and checked.series is not None:
        collection_key = _collection_key(project, checked.books)
        target = project.output / f"{collection_slug(checked.series.meta)}.pdf"
        if collection_key != state.get("collection") or not _unchanged(project, target, state):
            result.collection = build_collection(project, checked.series.meta, checked.books)
            result.written.append(result.collection.path)
    outputs = [project.bundle_pdf(book.slug) for book in checked.books]
    if checked.series is not None and checked.books:
        outputs.append(project.output / f"{collection_slug(checked.series.meta)}.pdf")
    save_state(project, {
        "inputs": inputs,
        "collection": collection_key,
        "bundles": joined,
        "outputs": {path.relative_to(project.root).as_posix(): file_digest(path)
                    for path in outputs},
    })
    return result


def _render_whole(project: Project, book: BookBundle, result: BuildResult) -> None:
    html = project.bundle_build(book.slug) / "index.html"
    allowed = (project.content / book.slug, project.layouts, project.bundle_build(book.slug),
               *font_folders())
    target = project.bundle_pdf(book.slug)
    rendered = render_pdf(html, target, allowed, book.slug)
    write_page_map(project.bundle_build(book.slug) / "pages.json", rendered)
    result.rendered[book.slug] = rendered
    result.written.append(target)


def _join(project: Project, book: BookBundle, front: CachedPart, chapters: list[CachedPart],
          result: BuildResult) -> None:
    from .bundlepdf import join_bundle

    pdf, rendered = join_bundle(book, front, chapters, font_cache=project.build / "fonts")
    target = project.bundle_pdf(book.slug)
    write_pdf_atomically(pdf, target, scratch=project.bundle_build(book.slug))
    write_page_map(project.bundle_build(book.slug) / "pages.json", rendered)
    result.rendered[book.slug] = rendered
    result.written.append(target)


def _collection_key(project: Project, books: list[BookBundle]) -> str:
    """What the collection shows: the series, and each bundle's PDF and page map."""
    series = tree_digest([project.layouts, project.content / "reeks.yaml"], project.root)
    parts = [tool_digest(), series]
    for book in sorted(books, key=lambda book: book.meta.nummer):
        parts += [book.slug, file_digest(project.bundle_pdf(book.slug)),
                  file_digest(project.bundle_build(book.slug) / "pages.json")]
    return digest(*parts)


def _unchanged(project: Project, path: Path, state: dict) -> bool:
    expected = state.get("outputs", {}).get(path.relative_to(project.root).as_posix())
    try:
        return expected is not None and file_digest(path) == expected
    except OSError:
        return False
