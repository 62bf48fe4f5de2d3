"""One typesetting, many books: a bundle assembled from units typeset on their own, with
its running heads and folios stamped afterwards, must be the book a reader gets from
rendering the whole bundle at once; and a build must redo only what an edit touched.

The reference is the plain WeasyPrint render (public API, PDF/UA) of build/<slug>/index.html,
the whole bundle in one document, which the build writes beside the units.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from conftest import FIXTURES, REEKS_KLEIN, BuiltProject, copy_project, run_cli
from page import validate_pdf
from readback import Bookmark, BookPdf
from tagcheck import unreachable_mcids

PROEF = FIXTURES / "proefreeks"
SLUG = "buurtwerk-2"


def built(root: Path) -> BuiltProject:
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stderr
    return BuiltProject(root, result.stdout)


def whole_render(project: Path, slug: str, target: Path) -> Path:
    """The whole bundle in one WeasyPrint document, with the project's own fonts."""
    import weasyprint

    os.environ["FONTCONFIG_FILE"] = str(project / "build" / "fontconfig" / "fonts.conf")
    weasyprint.HTML(filename=str(project / "build" / slug / "index.html")).write_pdf(
        target, pdf_variant="pdf/ua-1")
    return target


def outline(bookmarks: list[Bookmark]) -> list[tuple]:
    return [(mark.title, mark.page, outline(mark.children)) for mark in bookmarks]


def pixels(path: Path) -> list[bytes]:
    """Every page as a 72 dpi bitmap."""
    document = pdfium.PdfDocument(path)
    try:
        return [document[index].render(scale=1).to_pil().tobytes() for index in range(len(document))]
    finally:
        document.close()


def lines(book: BookPdf, index: int) -> list[str]:
    """A page's lines as a set to compare: the stamped furniture is drawn after the page's
    own content, WeasyPrint draws its margin boxes before it, so the order of extraction
    may differ while what is printed is the same."""
    return sorted(book.lines(index))


def assert_same_book(whole: Path, assembled: Path) -> None:
    a, b = BookPdf(whole), BookPdf(assembled)
    assert len(b) == len(a)
    assert [index + 1 for index in range(len(a)) if lines(a, index) != lines(b, index)] == []
    assert outline(b.outline) == outline(a.outline)
    assert b.toc == a.toc
    assert [[link.target for link in entry] for entry in b.toc_links] == [
        [link.target for link in entry] for entry in a.toc_links]
    # Identical pixels: the furniture is typeset by the same margin boxes, with the same
    # fonts and page geometry, and stamped unscaled at the same place.
    pa, pb = pixels(whole), pixels(assembled)
    assert [index + 1 for index, (x, y) in enumerate(zip(pa, pb, strict=True)) if x != y] == []


# --- One bundle, assembled and whole ------------------------------------------------------

@pytest.fixture(scope="module")
def proef(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltProject, Path]:
    project = built(copy_project(PROEF, tmp_path_factory.mktemp("proef")))
    return project, whole_render(project.root, SLUG, project.root / "heel.pdf")


def test_the_assembled_bundle_has_the_pages_text_and_furniture_of_the_whole_render(proef) -> None:
    project, whole = proef
    a, b = BookPdf(whole), BookPdf(project.bundle_pdf(SLUG))
    assert len(b) == len(a) >= 16
    for index in range(len(a)):
        assert lines(b, index) == lines(a, index), f"page {index + 1} differs"
    heads = [b.running_head(index) for index in range(len(b))]
    assert sum(1 for head in heads if head) >= 4, "the fixture has running heads to compare"


def test_the_assembled_bundle_has_the_same_bookmarks_contents_and_links(proef) -> None:
    project, whole = proef
    a, b = BookPdf(whole), BookPdf(project.bundle_pdf(SLUG))
    assert outline(b.outline) == outline(a.outline)
    assert len(outline(a.outline)) >= 5
    assert b.toc == a.toc
    assert [[link.target for link in entry] for entry in b.toc_links] == [
        [link.target for link in entry] for entry in a.toc_links]


def test_the_assembled_bundle_looks_the_same_pixel_for_pixel(proef) -> None:
    project, whole = proef
    a, b = pixels(whole), pixels(project.bundle_pdf(SLUG))
    assert [index + 1 for index, (x, y) in enumerate(zip(a, b, strict=True)) if x != y] == []


def test_the_assembled_bundle_keeps_every_tag_reachable_and_passes_pdf_ua(proef) -> None:
    project, _ = proef
    path = project.bundle_pdf(SLUG)
    with pikepdf.open(path) as pdf:
        assert unreachable_mcids(pdf) == []
    assert validate_pdf(str(path), profile="ua1").is_compliant


# --- What a build redoes -------------------------------------------------------------------

def store(root: Path) -> dict[str, str]:
    """The typeset units in build/cache: key -> unit name."""
    return {path.stem: json.loads(path.read_text("utf-8"))["name"]
            for path in (root / "build" / "cache").glob("*.json")}


def pdf_digests(root: Path) -> dict[str, str]:
    return {path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in (root / "bundel_pdf").rglob("*.pdf")}


def changed(before: dict, after: dict) -> set[str]:
    return {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}


@pytest.fixture()
def series(tmp_path: Path) -> BuiltProject:
    """reeks-klein (two bundles and their collection), built from scratch."""
    return built(copy_project(REEKS_KLEIN, tmp_path / "reeks"))


def test_a_build_with_nothing_changed_touches_nothing(series: BuiltProject) -> None:
    units, pdfs = store(series.root), pdf_digests(series.root)
    mtimes = {path: path.stat().st_mtime_ns for path in (series.root / "bundel_pdf").rglob("*.pdf")}
    again = built(series.root)
    assert "Alles is bij" in again.output
    assert store(series.root) == units and pdf_digests(series.root) == pdfs
    assert {path: path.stat().st_mtime_ns for path in mtimes} == mtimes


def test_a_typo_in_one_case_typesets_only_that_case_again(series: BuiltProject) -> None:
    case = series.root / "content" / "kleine-kernen-2" / "casussen" / "heerlen.md"
    case.write_text(case.read_text("utf-8").replace("jarenlang", "jarelang", 1), "utf-8")
    units, pdfs = store(series.root), pdf_digests(series.root)
    built(series.root)
    after = store(series.root)
    assert {after[key] for key in after.keys() - units.keys()} == {"kleine-kernen-2/heerlen"}
    assert {units[key] for key in units.keys() - after.keys()} == {"kleine-kernen-2/heerlen"}
    assert {name for name in changed(pdfs, pdf_digests(series.root)) if "/" not in name.split("bundel_pdf/")[1]} \
        == {"bundel_pdf/kleine-kernen-2.pdf", "bundel_pdf/kleine-kernen-verzamelbundel.pdf"}


def test_a_chapter_that_gains_pages_typesets_itself_and_the_contents_and_nothing_else(
        series: BuiltProject, tmp_path: Path) -> None:
    intro = series.root / "content" / "kleine-kernen-1" / "inleiding.md"
    paragraph = "\n\nWie een buurt wil leren kennen, begint bij de mensen die er wonen. " * 40
    intro.write_text(intro.read_text("utf-8") + paragraph, "utf-8")
    pages_before = len(BookPdf(series.bundle_pdf("kleine-kernen-1")))
    units = store(series.root)
    built(series.root)
    after = store(series.root)
    # Besides the chapter itself: the contents, and the first page of each single case's
    # PDF after it, which names the case's pages in the bundle ("pagina 11-14"): they
    # print the folios that moved. No other chapter, cover or furniture sheet.
    assert {after[key] for key in after.keys() - units.keys()} == {
        "kleine-kernen-1/inleiding", "kleine-kernen-1/inhoud", "kleine-kernen-verzamelbundel/inhoud",
        "kleine-kernen-1/zwolle-bron", "kleine-kernen-1/assen-bron"}
    bundle = BookPdf(series.bundle_pdf("kleine-kernen-1"))
    assert len(bundle) > pages_before
    for index in range(len(bundle)):
        assert bundle.folio(index) in (None, index + 1)
    for entry in bundle.toc:
        assert bundle.folio(bundle.title_page(entry.title)) == entry.printed
    reference = whole_render(series.root, "kleine-kernen-1", tmp_path / "heel.pdf")
    assert_same_book(reference, series.bundle_pdf("kleine-kernen-1"))
