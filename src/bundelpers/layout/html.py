"""Layout stage: BookBundle -> HTML (+ generated font CSS) in build/<slug>/.

Templates and CSS live in layouts/; this module only chooses the template,
hands it data, and writes the result.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..files import write_text_atomically
from ..prepare.book import BookBundle, BookChapter
from ..project import Project
from .colours import palette
from .environment import environment as _environment
from .fonts import write_fonts_css as _write_fonts_css
from .frontmatter import front_matter_art, front_matter_context, write_front_matter_art

STYLESHEETS = ("page.css", "typography.css", "frontmatter.css", "chapter.css")
BLOCKS = ("kader", "figuur", "tabel")  # what a pull quote must not stack on


def environment(project: Project):  # type: ignore[no-untyped-def]
    return _environment(project.layouts)


def relative_url(target: Path, from_folder: Path) -> str:
    return Path(os.path.relpath(target, from_folder)).as_posix()


def quote_position(chapter: BookChapter) -> int:
    """1-based index of the section the pull quote precedes: Successen, else the middle.

    Never where it would stack on a box, figure or table: not after a section that ends
    with one, not before one that starts with one, and not after the first section when
    the chapter's own figures follow it. The nearest such boundary wins; 0 if none is.
    """
    sections = chapter.sections
    kinds = [section.kind for section in sections]
    wanted = kinds.index("successen") + 1 if "successen" in kinds else max(1, (len(kinds) + 1) // 2)

    def clear(index: int) -> bool:  # the boundary before section `index` (1-based)
        after, before = sections[index - 1], sections[index - 2] if index > 1 else None
        if index == 1 or after.opens_with in BLOCKS:
            return False
        return before is not None and before.closes_with not in BLOCKS \
            and not (index == 2 and chapter.figures)

    candidates = sorted(range(1, len(sections) + 1), key=lambda index: (abs(index - wanted), -index))
    return next((index for index in candidates if clear(index)), 0)


def bundle_html(
    project: Project,
    book: BookBundle,
    part: str = "bundel",
    chapters: tuple[BookChapter, ...] | None = None,
    footnotes_before: int = 0,
    toc_folios: dict[str, int] | None = None,
    toc_link: str = "",
) -> str:
    """The HTML of the whole book (part "bundel") or of one part of it.

    "voorwerk" is cover to contents, with the contents' folios given in `toc_folios`
    and its links pointing at `toc_link` + anchor; "hoofdstuk" is `chapters` (the last
    one is followed by the back cover when `part` is "slot"), whose footnote numbers
    start after `footnotes_before`.
    """
    folder = project.bundle_build(book.slug)
    env = environment(project)
    case_numbers = {}
    for chapter in book.chapters:
        if chapter.is_case:
            case_numbers[chapter.anchor] = len(case_numbers) + 1
    if chapters is None:
        chapters = book.chapters if part == "bundel" else ()
    colours = palette(book.meta.kleur)
    return env.get_template("bundle.html.j2").render(
        **front_matter_context(_art(book)),
        part=part,
        series=book.series,
        bundle=book.meta,
        chapters=chapters,
        toc_chapters=book.chapters,
        toc_folios=toc_folios,
        toc_link=toc_link,
        footnotes_before=footnotes_before,
        cover=book.cover,
        date=book.date,
        palette=colours,
        case_numbers=case_numbers,
        quote_after=quote_position,
        fonts_css="fonts.css",
        stylesheets=[relative_url(project.layouts / "css" / name, folder) for name in STYLESHEETS],
    )


def part_stylesheets(project: Project, slug: str) -> tuple[Path, ...]:
    """The stylesheets of a part rendered on its own, in the order the whole book links them."""
    css = project.layouts / "css"
    return (project.bundle_build(slug) / "fonts.css", *(css / name for name in STYLESHEETS),
            css / "parts.css")


def part_start_css(project: Project, first_page: int) -> str:
    """The CSS that makes a part's folios start at `first_page`."""
    return environment(project).get_template("css/part-start.css.j2").render(page=first_page)


def write_fonts_css(project: Project, folder: Path) -> Path:
    return _write_fonts_css(project.layouts, folder / "fonts.css")


def _art(book: BookBundle):  # type: ignore[no-untyped-def]
    places = [c.meta.plaats for c in book.chapters if c.is_case and c.meta.plaats] \
        or [c.meta.titel for c in book.chapters]
    return front_matter_art(book.series, book.meta, palette(book.meta.kleur), places)


def write_bundle_html(project: Project, book: BookBundle) -> Path:
    """build/<slug>/index.html: the whole book in one document, for a browser or WeasyPrint;
    beside it the fonts' CSS and the cover's drawings, which every part's HTML uses too."""
    folder = project.bundle_build(book.slug)
    folder.mkdir(parents=True, exist_ok=True)
    write_fonts_css(project, folder)
    write_front_matter_art(project.layouts, folder, _art(book))
    target = folder / "index.html"
    write_text_atomically(target, bundle_html(project, book))
    return target


def image_url_for(project: Project, slug: str):  # type: ignore[no-untyped-def]
    folder = project.bundle_build(slug)
    return lambda path: relative_url(path, folder)
