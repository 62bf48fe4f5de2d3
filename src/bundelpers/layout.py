"""Layout stage: BookBundle -> HTML (+ generated font CSS) in build/<slug>/.

Templates and CSS live in layouts/; this module only chooses the template,
hands it data, and writes the result.
"""

from __future__ import annotations


import os
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .book import BookBundle, BookChapter
from .colours import palette
from .files import write_text_atomically
from .project import Project, font_file

STYLESHEETS = ("page.css", "typography.css", "frontmatter.css", "chapter.css")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")


@dataclass(frozen=True)
class FontFace:
    family: str
    weight: int
    style: str
    url: str


def font_faces() -> list[FontFace]:
    faces = []
    for family, package, stem in (
        ("Source Serif Pro", "font_source_serif_pro", "SourceSerifPro"),
        ("Source Sans Pro", "font_source_sans_pro", "SourceSansPro"),
    ):
        for weight, name in ((400, "Regular"), (600, "Semibold"), (700, "Bold")):
            italic = "It" if name == "Regular" else f"{name}It"
            faces.append(FontFace(family, weight, "normal", font_file(package, f"{stem}-{name}.ttf").as_uri()))
            faces.append(FontFace(family, weight, "italic", font_file(package, f"{stem}-{italic}.ttf").as_uri()))
    return faces


def environment(project: Project) -> Environment:
    env = Environment(
        loader=FileSystemLoader(project.layouts),
        autoescape=select_autoescape(["html", "j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["datum"] = lambda date: f"{date.day} {MONTHS[date.month - 1]} {date.year}"
    env.filters["isbn"] = lambda d: f"{d[:3]}-{d[3:5]}-{d[5:9]}-{d[9:12]}-{d[12]}"
    env.filters["sans_scheme"] = lambda url: url.split("://", 1)[-1].removeprefix("www.").rstrip("/") \
        if "://" in url else url
    return env


def relative_url(target: Path, from_folder: Path) -> str:
    return Path(os.path.relpath(target, from_folder)).as_posix()


def quote_position(chapter: BookChapter) -> int:
    """1-based index of the section the pull quote precedes: Successen, else the middle."""
    kinds = [section.kind for section in chapter.sections]
    if "successen" in kinds:
        return kinds.index("successen") + 1
    return max(1, (len(kinds) + 1) // 2)


def write_bundle_html(project: Project, book: BookBundle) -> Path:
    folder = project.bundle_build(book.slug)
    folder.mkdir(parents=True, exist_ok=True)
    env = environment(project)
    fonts_css = folder / "fonts.css"
    write_text_atomically(fonts_css, env.get_template("css/fonts.css.j2").render(faces=font_faces()))
    case_numbers = {}
    for chapter in book.chapters:
        if chapter.is_case:
            case_numbers[chapter.anchor] = len(case_numbers) + 1
    html = env.get_template("bundle.html.j2").render(
        series=book.series,
        bundle=book.meta,
        chapters=book.chapters,
        cover=book.cover,
        date=book.date,
        palette=palette(book.meta.kleur),
        case_numbers=case_numbers,
        quote_after=quote_position,
        fonts_css="fonts.css",
        stylesheets=[relative_url(project.layouts / "css" / name, folder) for name in STYLESHEETS],
    )
    target = folder / "index.html"
    write_text_atomically(target, html)
    return target


def image_url_for(project: Project, slug: str):  # type: ignore[no-untyped-def]
    folder = project.bundle_build(slug)
    return lambda path: relative_url(path, folder)



