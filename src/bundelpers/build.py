"""The build script: gather and check all content first, write last.

`check()` reads and validates everything; `build()` does that, then renders
each bundle and assembles the collection. Nothing is written when any content
error exists, so existing PDFs stay as they were.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .book import BookBundle, prepare_series
from .collection import CollectionResult, build_collection
from .content import Series, load_series
from .errors import Problem, ProblemLog
from .files import exclusive, remove_stale_temporaries
from .layout import image_url_for, write_bundle_html
from .project import Project, font_folders
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


def build(project: Project, checked: CheckResult | None = None) -> BuildResult:
    checked = checked or check(project)
    with exclusive(project.build / ".lock"):
        remove_stale_temporaries(project.output, *project.build.glob("*/"))
        return _render_all(project, checked)


def _render_all(project: Project, checked: CheckResult) -> BuildResult:
    result = BuildResult()
    for book in checked.books:
        html = write_bundle_html(project, book)
        allowed = (project.content / book.slug, project.layouts, project.bundle_build(book.slug), *font_folders())
        target = project.bundle_pdf(book.slug)
        rendered = render_pdf(html, target, allowed, book.slug)
        write_page_map(project.bundle_build(book.slug) / "pages.json", rendered)
        result.rendered[book.slug] = rendered
        result.written.append(target)
    if checked.books and checked.series is not None:
        result.collection = build_collection(project, checked.series.meta, checked.books)
        result.written.append(result.collection.path)
    return result
