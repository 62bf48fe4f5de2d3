"""The fixture bundle (tests/fixtures/proefreeks), read back as a reader would.

The expectations below are what a reader of the fixture knows from its content
files: the chapters in order, their sections, the cases' places, the footnotes.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, make_project, minimal_files, run_cli
from readback import PACKAGED_FONT, BookPdf

STRAIGHT = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})

CONTENT = FIXTURES / "proefreeks" / "content" / "buurtwerk-2"
TITLE = "Buurtwerk in Beeld 2"
SUBTITLE = "Drie initiatieven om de opmaak aan te toetsen"
AUTHORS = ("Mirjam de Boer", "Kees van Dijk", "Samira Ouali")
PUBLISHED = dt.date(2022, 3, 9)
CASE_SECTIONS = ("Aanleiding", "Aanpak", "Successen", "Tegenvallers", "Lessen")


@dataclass(frozen=True)
class Chapter:
    title: str
    sections: tuple[str, ...]
    source: str
    place: str = ""
    province: str = ""


CHAPTERS = (
    Chapter("Waarom een eigen kring telt", ("Een bundel over bonding", "Leeswijzer"), "inleiding.md"),
    Chapter("Een buurtkamer in de oude bakkerij", CASE_SECTIONS, "casussen/leeuwarden.md",
            "Leeuwarden", "Fryslân"),
    Chapter("Samen de moestuin in", CASE_SECTIONS, "casussen/pijnacker-nootdorp.md",
            "Pijnacker-Nootdorp", "Zuid-Holland"),
    Chapter("Een appgroep voor de hele straat", CASE_SECTIONS, "casussen/online.md", "online"),
    Chapter("Wat we meenemen",
            ("Een plek, een ritme, een open deur", "Voor professionals en gemeenten"), "slot.md"),
)
CASES = [chapter for chapter in CHAPTERS if chapter.place]

# (the words just before the reference, the start of the note's text)
FOOTNOTES = (
    ("want een initiatief heeft ze allebei nodig.", "Over de twee talen van beleid en bewoners"),
    ("de vaste lasten betaalden.", "De huur bedraagt één euro per jaar"),
    ("kwamen daarna niet meer terug.", "In 2020 en 2021 was de buurtkamer in totaal"),
    ("het veld in bruikleen te geven.", "De bruikleenovereenkomst loopt telkens vijf jaar"),
    ("ouderen uit het oude dorp komen weinig.", "Een proef met een verhoogde bak"),
)
# Longer than any column of the five-column table in leeuwarden.md can hold.
NARROW_COLUMN_COMPOUND = "buurtbewonersondersteuningsoverleg"


def front_matter(relative: str) -> dict:  # type: ignore[type-arg]
    return yaml.safe_load((CONTENT / relative).read_text("utf-8").split("---\n")[1])


@pytest.fixture(scope="module")
def book(proefbundel_build: Path) -> BookPdf:
    return BookPdf(proefbundel_build / "bundel_pdf" / "buurtwerk-2.pdf")


@pytest.fixture(scope="module")
def openers(book: BookPdf) -> dict[str, int]:
    """Chapter title -> index of the page where the chapter opens."""
    return {chapter.title: book.title_page(chapter.title) for chapter in CHAPTERS}


def last_page_of_body(book: BookPdf) -> int:
    return len(book) - 2  # the last page is the back cover


# --- contents -------------------------------------------------------------------------


def test_contents_lists_every_chapter_in_reading_order_with_the_place_above_each_case(book):
    assert [(entry.label, entry.title) for entry in book.toc] == [
        (chapter.place.upper(), chapter.title) for chapter in CHAPTERS]


def test_contents_page_numbers_are_the_folios_printed_on_the_chapter_openers(book, openers):
    for entry in book.toc:
        assert entry.printed == book.folio(openers[entry.title]), entry.title


def test_every_contents_link_jumps_to_the_page_where_its_chapter_opens(book, openers):
    assert len(book.toc_links) == len(CHAPTERS)
    for entry, links in zip(book.toc, book.toc_links, strict=True):
        for link in links:
            assert link.target == openers[entry.title], entry.title
            assert entry.title in book.flat_text(link.target)


def test_the_whole_contents_line_is_a_link_including_the_page_number(book):
    for entry, links in zip(book.toc, book.toc_links, strict=True):
        left = min(link.rect[0] for link in links)
        bottom = min(link.rect[1] for link in links)
        right = max(link.rect[2] for link in links)
        top = max(link.rect[3] for link in links)
        linked = book.area_text(links[0].page, left, bottom, right, top)
        assert linked.startswith(entry.label or entry.title)
        assert linked.endswith(str(entry.printed))


# --- bookmarks ------------------------------------------------------------------------


def test_bookmarks_are_the_contents_then_each_chapter_with_its_sections(book):
    assert [(mark.title, [child.title for child in mark.children]) for mark in book.outline] == [
        ("Inhoud", []),
        *((chapter.title, list(chapter.sections)) for chapter in CHAPTERS),
    ]


def test_every_chapter_bookmark_jumps_to_the_chapter_opener(book, openers):
    for mark in book.outline[1:]:
        assert mark.page == openers[mark.title], mark.title


def test_every_section_bookmark_jumps_to_the_page_showing_that_heading(book):
    for mark in book.outline[1:]:
        for child in mark.children:
            assert re.search(rf"^(?:[+–] )?{re.escape(child.title)}$",
                             book.text(child.page), re.MULTILINE), (mark.title, child.title)


def test_contents_bookmark_jumps_to_the_contents_page(book):
    assert book.outline[0].page == book.toc_pages[0]


# --- metadata and fonts ---------------------------------------------------------------


def test_metadata_gives_title_all_authors_summary_and_keywords(book):
    bundle = yaml.safe_load((CONTENT / "bundel.yaml").read_text("utf-8"))
    info = book.reader.metadata
    assert info.title == f"{TITLE}: {SUBTITLE}"
    assert all(author in info.author for author in AUTHORS)
    assert info.subject == bundle["samenvatting"]
    assert [word.strip() for word in info["/Keywords"].split(",")] == bundle["trefwoorden"]


def test_document_language_is_dutch(book):
    assert book.reader.trailer["/Root"]["/Lang"] == "nl"


def test_creation_date_is_the_publication_date_not_the_day_of_the_build(book):
    created = book.reader.metadata.creation_date
    assert created.date() == PUBLISHED
    assert created.date() != dt.date.today()


def test_only_the_packaged_source_fonts_are_embedded(book):
    names = {font["name"] for font in book.fonts}
    assert names and all(PACKAGED_FONT.match(name) for name in names), names
    assert all(font["embedded"] for font in book.fonts if font["subtype"] != "/Type0")


# --- cover ----------------------------------------------------------------------------


def test_cover_shows_the_bundle_number_as_its_largest_text(book):
    assert book.largest_text(0) == "2"


# --- footnotes and hyphenation --------------------------------------------------------


def test_the_fixture_has_exactly_the_footnotes_this_file_checks():
    notes = [line for path in CONTENT.rglob("*.md")
             for line in path.read_text("utf-8").splitlines() if line.startswith("[^")]
    assert len(notes) == len(FOOTNOTES)


@pytest.mark.parametrize(("before", "note"), FOOTNOTES, ids=[n[:24] for _, n in FOOTNOTES])
def test_footnote_text_is_on_the_same_page_as_its_reference(book, before, note):
    found = [(page, match) for page in range(len(book))
             if (match := re.search(re.escape(before) + r" ?(\d+)", book.flat_text(page)))]
    assert len(found) == 1, f"reference after {before!r} found on {len(found)} pages"
    page, match = found[0]
    assert f"{match[1]}. {note}" in book.flat_text(page)


def source_words() -> set[str]:
    text = " ".join(path.read_text("utf-8") for path in CONTENT.rglob("*.md"))
    return {word.lower() for word in re.findall(r"[\w’']+", text)}


def hyphenated_words(book: BookPdf) -> list[tuple[str, str]]:
    """(before, after) for every line that ends in a hyphen inside a source word."""
    words, found = source_words(), []
    for page in range(len(book)):
        lines = book.lines(page)
        for line, following in itertools.pairwise(lines):
            end = re.search(r"(\w+)-$", line)
            start = re.match(r"(\w+)", following)
            if end and start and (end[1] + start[1]).lower() in words:
                found.append((end[1], start[1]))
    return found


def test_justified_body_text_is_hyphenated_at_line_ends(book):
    assert len(hyphenated_words(book)) >= 5


def test_hyphenation_leaves_at_least_three_letters_on_each_side(book):
    short = [pair for pair in hyphenated_words(book) if min(map(len, pair)) < 3]
    assert not short


def test_a_long_compound_in_a_narrow_table_column_is_hyphenated(book):
    pairs = hyphenated_words(book)
    assert any((a + b).lower() == NARROW_COLUMN_COMPOUND for a, b in pairs), pairs


def test_no_text_sticks_out_of_the_text_column(book):
    assert book.text_outside_column() == []


# --- pages, openings and running heads ------------------------------------------------


def test_printed_folios_count_every_page_from_the_cover(book):
    numbered = {page: book.folio(page) for page in range(len(book)) if book.folio(page)}
    assert len(numbered) >= len(book) // 2
    assert all(folio == page + 1 for page, folio in numbered.items())


def test_every_chapter_opens_on_a_recto_with_an_odd_folio(book, openers):
    for title, page in openers.items():
        assert page % 2 == 0, f"{title} opens on page {page + 1}"
        assert book.folio(page) % 2 == 1, title


def test_page_count_is_even_so_the_back_cover_is_a_verso(book):
    assert len(book) % 2 == 0
    assert "Uitgeverij De Proef" in book.text(len(book) - 1)


def test_blank_pages_carry_no_running_head_and_no_folio(book):
    blank = [page for page in range(1, len(book) - 1) if not book.body_text(page)]
    assert len(blank) >= 2  # at least the cover's verso and one before a recto opening
    for page in blank:
        assert book.flat_text(page) == "", f"page {page + 1}"


def test_chapter_openers_carry_no_running_head(book, openers):
    for title, page in openers.items():
        assert book.running_head(page) == "", title


def chapter_pages(book: BookPdf, openers: dict[str, int]) -> list[tuple[int, str]]:
    """(page, title of the chapter it belongs to) for every printed page after an opener."""
    starts = sorted((page, title) for title, page in openers.items())
    pages = []
    for page in range(starts[0][0], last_page_of_body(book) + 1):
        title = [title for start, title in starts if start <= page][-1]
        if page not in openers.values() and book.body_text(page):
            pages.append((page, title))
    return pages


def test_versos_carry_the_bundle_title_as_running_head(book, openers):
    versos = [page for page, _ in chapter_pages(book, openers) if page % 2 == 1]
    assert len(versos) >= 4
    for page in versos:
        assert book.running_head(page) == TITLE.upper(), f"page {page + 1}"


def test_rectos_carry_the_chapter_title_as_running_head(book, openers):
    rectos = [(page, title) for page, title in chapter_pages(book, openers) if page % 2 == 0]
    assert len(rectos) >= 2
    for page, title in rectos:
        assert book.running_head(page) == title.upper(), f"page {page + 1}"


def test_front_matter_pages_carry_no_running_head(book):
    for page in range(book.toc_pages[-1] + 1):
        assert book.running_head(page) == "", f"page {page + 1}"


# --- cases ----------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[case.place for case in CASES])
def test_case_opener_shows_place_and_province_as_overline_above_the_title(book, openers, case):
    overline = ", ".join(filter(None, (case.place, case.province))).upper()
    first, second = book.lines(openers[case.title])[:2]
    assert first == overline or first.endswith(f"· {overline}")
    assert case.title.startswith(second)


@pytest.mark.parametrize("case", CASES, ids=[case.place for case in CASES])
def test_fact_box_is_printed_on_the_case_opener(book, openers, case):
    meta = front_matter(case.source)
    expected = [meta["initiatief"], meta["plaats"], *meta.get("betrokkenen", ()),
                *meta.get("in_het_kort", ())]
    expected += [str(meta[key]) for key in ("wijk", "doelgroep", "gestart") if key in meta]
    if "website" in meta:
        expected.append(meta["website"].split("://", 1)[1].removeprefix("www."))
    # The book prints typographic quotes where the editor typed straight ones.
    opener = book.flat_text(openers[case.title]).translate(STRAIGHT)
    assert [value for value in expected if value not in opener] == []


def test_body_link_is_a_clickable_web_link(book):
    assert "https://www.example.org/moestuin" in book.uri_links()


# --- host fonts never reach the PDF ---------------------------------------------------
#
# Content may ask for a font the project does not ship: an SVG drawn in Arial, a character
# the Source fonts lack. Either the check refuses it, naming the file, or the PDF sets it in
# a packaged font; it never reaches for a font of the machine that happens to build it.

SVG_TEXT = "Schets van de wijk"
MISSING_GLYPH = "★"


def _host_font_build(tmp_path_factory, svg: bool, glyph: bool) -> tuple[int, str, BookPdf | None]:
    files = minimal_files()
    if svg:
        files["content/testbundel-1/beeld/schets.svg"] = (
            '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40" viewBox="0 0 200 40">'
            f'<text x="5" y="25" font-family="Arial, sans-serif">{SVG_TEXT}</text></svg>')
        files["content/testbundel-1/casus.md"] = files["content/testbundel-1/casus.md"].replace(
            "## Aanpak", f"![{SVG_TEXT}](beeld/schets.svg)\n\n## Aanpak")
    if glyph:
        files["content/testbundel-1/inleiding.md"] = files["content/testbundel-1/inleiding.md"].replace(
            "Dit is de inleiding", f"Bewoners gaven de buurt {MISSING_GLYPH * 4}. Dit is de inleiding")
    project = make_project(tmp_path_factory.mktemp("hostfont"), files)
    result = run_cli(project, "build")
    pdf = project / "bundel_pdf" / "testbundel-1.pdf"
    return result.returncode, result.stderr, BookPdf(pdf) if result.returncode == 0 else None


@pytest.fixture(scope="module")
def svg_font_build(tmp_path_factory) -> tuple[int, str, BookPdf | None]:
    return _host_font_build(tmp_path_factory, svg=True, glyph=False)


@pytest.fixture(scope="module")
def missing_glyph_build(tmp_path_factory) -> tuple[int, str, BookPdf | None]:
    return _host_font_build(tmp_path_factory, svg=False, glyph=True)


def test_svg_text_in_an_unpackaged_family_is_never_set_in_a_host_font(svg_font_build):
    code, stderr, book = svg_font_build
    if book is None:
        assert code == 1 and "beeld/schets.svg" in stderr
    else:
        fonts = book.fonts_of(SVG_TEXT)
        assert fonts and all(PACKAGED_FONT.match("/" + name) for name in fonts), fonts


def test_a_character_the_packaged_fonts_lack_is_never_set_in_a_host_font(missing_glyph_build):
    code, stderr, book = missing_glyph_build
    if book is None:
        assert code == 1 and "inleiding.md:" in stderr
    else:
        fonts = book.fonts_of(MISSING_GLYPH)
        assert fonts and all(PACKAGED_FONT.match("/" + name) for name in fonts), fonts
