"""The shipped series (content/), built once per session, read back as a reader would."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from conftest import REPO
from readback import PACKAGED_FONT, BookPdf

NUMBERS = (1, 2, 3)
CASE_COUNTS = {1: 7, 2: 7, 3: 9}
PLACES = {
    1: ["'s-Hertogenbosch", "Amstelveen", "Utrecht", "Súdwest-Fryslân", "Amsterdam Zuidoost",
        "Noardeast-Fryslân", "Hilversum"],
    2: ["Zutphen", "Voorst"],  # among the seven
    3: ["Groningen", "Den Haag", "Oss", "Ede", "Utrecht", "Wageningen", "Pijnacker-Nootdorp",
        "Cranendonck", "online"],
}
QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def chapters(number: int) -> list[dict]:  # type: ignore[type-arg]
    """The front matter of each chapter of bundle `number`, in the order of bundel.yaml."""
    folder = REPO / "content" / f"wij-in-de-wijk-{number}"
    listed = yaml.safe_load((folder / "bundel.yaml").read_text("utf-8"))["inhoud"]
    return [yaml.safe_load((folder / item).read_text("utf-8").split("---\n")[1]) for item in listed]


def footnotes() -> list[tuple[int, str, str, str]]:
    """(bundle, file, last words before the reference, first words of the note) per footnote."""
    def plain(markdown: str) -> str:
        return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", re.sub(r"[*_`]", "", markdown))

    found = []
    for number in NUMBERS:
        folder = REPO / "content" / f"wij-in-de-wijk-{number}"
        for item in yaml.safe_load((folder / "bundel.yaml").read_text("utf-8"))["inhoud"]:
            body = (folder / item).read_text("utf-8").split("---\n", 2)[2]
            notes = dict(re.findall(r"^\[\^([^\]]+)\]:\s*(.+)$", body, re.MULTILINE))
            text = re.sub(r"^\[\^[^\]]+\]:.*$", "", body, flags=re.MULTILINE)
            for reference in re.finditer(r"\[\^([^\]]+)\]", text):
                before = " ".join(plain(text[: reference.start()]).split()[-3:])
                note = " ".join(plain(notes[reference[1]]).split()[:5])
                found.append((number, item, before, note))
    return found


FOOTNOTES = [pytest.param(*note, id=f"{note[0]}-{note[1]}") for note in footnotes()]


@pytest.fixture(scope="module")
def books(shipped_build: Path) -> dict[int, BookPdf]:
    return {n: BookPdf(shipped_build / "bundel_pdf" / f"wij-in-de-wijk-{n}.pdf") for n in NUMBERS}


# --- the series as a whole ------------------------------------------------------------


def test_the_series_is_three_bundle_pdfs(shipped_build):
    names = sorted(path.name for path in (shipped_build / "bundel_pdf").glob("*.pdf")
                   if not path.name.endswith("-verzamelbundel.pdf"))
    assert names == ["wij-in-de-wijk-1.pdf", "wij-in-de-wijk-2.pdf", "wij-in-de-wijk-3.pdf"]


@pytest.mark.parametrize("number", NUMBERS)
def test_cover_shows_the_bundle_number_as_its_largest_text(books, number):
    assert books[number].largest_text(0) == str(number)


def test_bundles_hold_seven_seven_and_nine_cases(books):
    counts = {n: sum(1 for entry in books[n].toc if entry.label) for n in NUMBERS}
    assert counts == CASE_COUNTS


@pytest.mark.parametrize("number", NUMBERS)
def test_contents_lists_every_chapter_in_content_order_with_places_above_cases(books, number):
    expected = [((meta.get("plaats") or "").upper(), meta["titel"]) for meta in chapters(number)]
    printed = [(entry.label.translate(QUOTES), entry.title.translate(QUOTES)) for entry in books[number].toc]
    assert printed == expected


@pytest.mark.parametrize("number", NUMBERS)
def test_bookmarks_are_the_contents_then_every_chapter_in_content_order(books, number):
    expected = ["Inhoud", *(meta["titel"] for meta in chapters(number))]
    assert [mark.title for mark in books[number].outline] == expected


@pytest.mark.parametrize("number", NUMBERS)
def test_case_openers_show_the_places_of_the_series(books, number):
    book = books[number]
    overlines = [book.lines(book.title_page(entry.title))[0] for entry in book.toc if entry.label]
    places = [re.split(r" · ", line, maxsplit=1)[-1].split(", ")[0].translate(QUOTES) for line in overlines]
    expected = [place.upper() for place in PLACES[number]]
    if len(expected) == CASE_COUNTS[number]:
        assert sorted(places) == sorted(expected)
    else:
        assert set(expected) <= set(places), places


@pytest.mark.parametrize("number", NUMBERS)
def test_colophon_says_the_initiatives_and_people_are_fictional(books, number):
    book = books[number]
    colophon = [page for page in range(len(book))
                if f"Reeks Wij in de Wijk, deel {number}" in book.flat_text(page)]
    assert colophon == [3]  # the verso of the title page
    assert "personen in deze uitgave zijn verzonnen" in book.flat_text(3)


# --- each bundle read back ------------------------------------------------------------


@pytest.mark.parametrize("number", NUMBERS)
def test_only_the_packaged_source_fonts_are_embedded(books, number):
    names = {font["name"] for font in books[number].fonts}
    assert names and all(PACKAGED_FONT.match(name) for name in names), names
    assert all(font["embedded"] for font in books[number].fonts if font["subtype"] != "/Type0")


@pytest.mark.parametrize("number", NUMBERS)
def test_contents_page_numbers_are_the_folios_on_the_chapter_openers(books, number):
    book = books[number]
    for entry in book.toc:
        assert entry.printed == book.folio(book.title_page(entry.title)), entry.title


@pytest.mark.parametrize("number", NUMBERS)
def test_contents_links_and_bookmarks_jump_to_the_chapter_openers(books, number):
    book = books[number]
    openers = [book.title_page(entry.title) for entry in book.toc]
    assert [{link.target for link in links} for links in book.toc_links] == [{p} for p in openers]
    assert [mark.page for mark in book.outline[1:]] == openers


@pytest.mark.parametrize("number", NUMBERS)
def test_chapters_open_on_rectos_and_the_back_cover_is_a_verso(books, number):
    book = books[number]
    assert all(book.title_page(entry.title) % 2 == 0 for entry in book.toc)
    assert len(book) % 2 == 0


@pytest.mark.parametrize("number", NUMBERS)
def test_blank_pages_carry_no_running_head_and_no_folio(books, number):
    book = books[number]
    blank = [page for page in range(1, len(book) - 1) if not book.body_text(page)]
    assert blank
    assert [page + 1 for page in blank if book.flat_text(page)] == []


@pytest.mark.parametrize("number", NUMBERS)
def test_no_text_sticks_out_of_the_text_column(books, number):
    assert books[number].text_outside_column() == []


@pytest.mark.parametrize(("number", "source", "before", "note"), FOOTNOTES)
def test_footnote_text_is_on_the_same_page_as_its_reference(books, number, source, before, note):
    book = books[number]
    pattern = re.escape(before.translate(QUOTES)) + r" ?(\d+)"
    found = [(page, match) for page in range(len(book))
             if (match := re.search(pattern, book.flat_text(page).translate(QUOTES)))]
    assert len(found) == 1, f"reference after {before!r} found on {len(found)} pages"
    page, match = found[0]
    assert f"{match[1]}. {note.translate(QUOTES)}" in book.flat_text(page).translate(QUOTES)
