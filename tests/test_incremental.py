"""Fast builds: a bundle rendered chapter by chapter and joined must be the book a reader
would get from rendering it whole, and a build must redo only what an edit touched.

`bundelpers build` renders the parts of each bundle (front matter, chapters) side by side
and keeps them in build/<slug>/chapters/; `bundelpers build --hele-bundel` renders each
bundle as one document, the reference here.
"""

from __future__ import annotations

import hashlib
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


def built(root: Path, *args: str) -> BuiltProject:
    result = run_cli(root, "build", *args)
    assert result.returncode == 0, result.stderr
    return BuiltProject(root, result.stdout)


def outline(bookmarks: list[Bookmark]) -> list[tuple]:
    return [(mark.title, mark.page, outline(mark.children)) for mark in bookmarks]


def snapshot(root: Path) -> dict[str, tuple[str, int]]:
    """Digest and mtime of every cached part and every PDF, by path."""
    files = [*(root / "build").glob("*/chapters/*"), *(root / "bundel_pdf").glob("*.pdf")]
    return {path.relative_to(root).as_posix(): (hashlib.sha256(path.read_bytes()).hexdigest(),
                                                path.stat().st_mtime_ns) for path in files}


def changed(before: dict, after: dict) -> set[str]:
    return {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}


def pixels(path: Path) -> list[bytes]:
    """Every page as a 72 dpi bitmap."""
    document = pdfium.PdfDocument(path)
    try:
        return [document[index].render(scale=1).to_pil().tobytes()
                for index in range(len(document))]
    finally:
        document.close()


def assert_same_book(whole: Path, parts: Path) -> None:
    a, b = BookPdf(whole), BookPdf(parts)
    assert len(b) == len(a)
    for index in range(len(a)):
        assert b.text(index) == a.text(index), f"page {index + 1} differs"
    assert outline(b.outline) == outline(a.outline)
    assert b.toc == a.toc
    assert [[link.target for link in entry] for entry in b.toc_links] == [
        [link.target for link in entry] for entry in a.toc_links]
    assert pixels(parts) == pixels(whole)


# --- One bundle, rendered both ways -------------------------------------------------

@pytest.fixture(scope="module")
def both_ways(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuiltProject, BuiltProject]:
    whole = built(copy_project(PROEF, tmp_path_factory.mktemp("heel")), "--hele-bundel")
    parts = built(copy_project(PROEF, tmp_path_factory.mktemp("delen")))
    return whole, parts


def test_parts_give_the_same_pages_with_the_same_text_as_the_whole_bundle(both_ways) -> None:
    whole, parts = both_ways
    a, b = BookPdf(whole.bundle_pdf(SLUG)), BookPdf(parts.bundle_pdf(SLUG))
    assert len(b) == len(a)
    for index in range(len(a)):
        assert b.text(index) == a.text(index), f"page {index + 1} differs"


def test_parts_give_the_same_bookmarks_pointing_at_the_same_pages(both_ways) -> None:
    whole, parts = both_ways
    expected = outline(BookPdf(whole.bundle_pdf(SLUG)).outline)
    assert outline(BookPdf(parts.bundle_pdf(SLUG)).outline) == expected
    assert len(expected) >= 5  # the contents and every chapter, with their sections


def test_parts_give_the_same_contents_numbers_and_link_targets(both_ways) -> None:
    whole, parts = both_ways
    a, b = BookPdf(whole.bundle_pdf(SLUG)), BookPdf(parts.bundle_pdf(SLUG))
    assert b.toc == a.toc
    assert [[link.target for link in entry] for entry in b.toc_links] == [
        [link.target for link in entry] for entry in a.toc_links]


def test_parts_give_pages_that_look_the_same_pixel_for_pixel(both_ways) -> None:
    whole, parts = both_ways
    a, b = pixels(whole.bundle_pdf(SLUG)), pixels(parts.bundle_pdf(SLUG))
    assert [index + 1 for index, (x, y) in enumerate(zip(a, b, strict=True)) if x != y] == []


def test_footnote_numbers_run_on_across_chapters_rendered_apart(both_ways) -> None:
    whole, parts = both_ways
    a, b = BookPdf(whole.bundle_pdf(SLUG)), BookPdf(parts.bundle_pdf(SLUG))
    notes = [i for i in range(len(a)) if "\n2. " in a.text(i)]
    assert notes, "the fixture has at least two footnotes"
    assert all("\n2. " in b.text(i) for i in notes)


def test_the_joined_bundle_keeps_every_tag_reachable_and_passes_pdf_ua(both_ways) -> None:
    _, parts = both_ways
    path = parts.bundle_pdf(SLUG)
    with pikepdf.open(path) as pdf:
        assert unreachable_mcids(pdf) == []
    assert validate_pdf(str(path), profile="ua1").is_compliant


def test_the_page_map_for_the_collection_is_the_same_both_ways(both_ways) -> None:
    whole, parts = both_ways
    page_map = Path("build") / SLUG / "pages.json"
    assert (parts.root / page_map).read_text("utf-8") == (whole.root / page_map).read_text("utf-8")


# --- What a build redoes ------------------------------------------------------------

@pytest.fixture()
def series(tmp_path: Path) -> BuiltProject:
    """reeks-klein (two bundles and their collection), built from scratch."""
    return built(copy_project(REEKS_KLEIN, tmp_path / "reeks"))


def test_a_build_with_nothing_changed_touches_nothing(series: BuiltProject) -> None:
    before = snapshot(series.root)
    again = built(series.root)
    assert "Alles is bij" in again.output
    assert snapshot(series.root) == before


def test_a_typo_in_one_case_renders_only_that_chapter_again(series: BuiltProject) -> None:
    case = series.root / "content" / "kleine-kernen-2" / "casussen" / "heerlen.md"
    case.write_text(case.read_text("utf-8").replace("jarenlang", "jarelang", 1), "utf-8")
    before = snapshot(series.root)
    built(series.root)
    touched = changed(before, snapshot(series.root))
    cache = {name for name in touched if "/chapters/" in name}
    assert cache and all("-heerlen." in name for name in cache), touched
    assert touched - cache == {"bundel_pdf/kleine-kernen-2.pdf",
                               "bundel_pdf/kleine-kernen-verzamelbundel.pdf"}


def test_a_page_more_in_the_first_chapter_moves_the_folios_of_the_chapters_after_it(
        series: BuiltProject, tmp_path: Path) -> None:
    intro = series.root / "content" / "kleine-kernen-1" / "inleiding.md"
    paragraph = "\n\nWie een buurt wil leren kennen, begint bij de mensen die er wonen. " * 40
    intro.write_text(intro.read_text("utf-8") + paragraph, "utf-8")
    before = snapshot(series.root)
    pages_before = len(BookPdf(series.bundle_pdf("kleine-kernen-1")))
    built(series.root)
    touched = changed(before, snapshot(series.root))
    bundle = BookPdf(series.bundle_pdf("kleine-kernen-1"))
    assert len(bundle) > pages_before
    for name in ("inleiding", "zwolle", "assen", "slot", "voorwerk"):
        assert any("kleine-kernen-1/chapters/" in t and name in t for t in touched), name
    assert not any("kleine-kernen-2/chapters/" in name for name in touched)
    for index in range(len(bundle)):
        assert bundle.folio(index) in (None, index + 1)
    reference = built(copy_project(series.root, tmp_path / "heel"), "--hele-bundel")
    assert_same_book(reference.bundle_pdf("kleine-kernen-1"), series.bundle_pdf("kleine-kernen-1"))
