"""The verzamelbundel read back as one book: its own front matter, a part per bundle with
the bundle's chapters, continuous folios equal to the page labels, one contents, one
back cover, and the outline and structure of a book in parts.

Most checks run on two collections: tests/fixtures/reeks-klein (two small bundles)
and the shipped content (three bundles, a contents that runs over several pages).
"""

from __future__ import annotations

import functools
import re
import shutil
from pathlib import Path

import pikepdf
import pytest
from conftest import REEKS_KLEIN, BuiltProject, build_project
from pikepdf import Array, Dictionary, Name, String
from readback import BOTTOM, TOP, Bookmark, BookPdf
from tagcheck import kids


@pytest.fixture(scope="module", params=["reeks-klein", "wij-in-de-wijk"])
def built(request: pytest.FixtureRequest) -> BuiltProject:
    if request.param == "reeks-klein":
        return request.getfixturevalue("reeks_klein")
    return BuiltProject(request.getfixturevalue("shipped_build"))


@functools.cache
def book(path: Path) -> BookPdf:
    """One reader per file, so that the text of a page is extracted once per session."""
    return BookPdf(path)


def even(pages: int) -> int:
    return pages + pages % 2


def chapter_pages(bundle: BookPdf) -> tuple[int, int]:
    """First and last page (0-based, inclusive) of a bundle's chapters: from the page the
    first chapter bookmark after "Inhoud" leads to, to the last page with text before the
    back cover."""
    marks = bundle.outline
    first = marks[[mark.title for mark in marks].index("Inhoud") + 1].page
    last = len(bundle) - 2
    while not bundle.flat_text(last):
        last -= 1
    return first, last


def front_matter(collection: BookPdf) -> int:
    """The collection's own front matter: the pages labelled in roman numerals."""
    return sum(1 for label in collection.reader.page_labels if re.fullmatch(r"[ivxlc]+", label))


def part_starts(collection: BookPdf, built: BuiltProject) -> list[int]:
    """The page each part title is on: the outline's part bookmarks."""
    return [mark.page for mark in collection.outline[1:]]


def body(pdf: BookPdf, index: int) -> str:
    """What is printed inside the text block: no running head, no folio."""
    width, height = pdf.size(index)
    return pdf.area_text(index, 0, BOTTOM, width, height - TOP)


# --- Pages ---------------------------------------------------------------------------

def test_the_collection_is_its_front_matter_then_each_part_then_one_back_cover(
        built: BuiltProject) -> None:
    collection = book(built.collection_pdf)
    counts = []
    for info in built.series.bundles:
        first, last = chapter_pages(book(built.bundle_pdf(info.slug)))
        counts.append(last - first + 1)
    # Each part: its title page, a blank verso, its chapters, padded to end on a verso.
    # The back cover is a verso: after a part that ends on a recto it takes the verso,
    # otherwise a blank recto comes first.
    expected = front_matter(collection) + sum(2 + even(count) for count in counts)
    expected += 0 if counts[-1] % 2 else 2
    assert len(collection) == expected


def test_each_part_opens_with_its_title_on_a_recto_and_a_blank_verso(built: BuiltProject) -> None:
    collection = book(built.collection_pdf)
    starts = part_starts(collection, built)
    assert len(starts) == len(built.series.bundles)
    for start, info in zip(starts, built.series.bundles, strict=True):
        assert start % 2 == 0, f"part {info.nummer} opens on a verso"
        assert info.titel in collection.flat_text(start)
        assert collection.flat_text(start + 1) == ""


def test_each_part_holds_its_bundles_chapter_pages_as_they_are(built: BuiltProject) -> None:
    collection = book(built.collection_pdf)
    for start, info in zip(part_starts(collection, built), built.series.bundles, strict=True):
        bundle = book(built.bundle_pdf(info.slug))
        first, last = chapter_pages(bundle)
        for offset in range(last - first + 1):
            assert body(collection, start + 2 + offset) == body(bundle, first + offset), \
                (info.slug, first + offset + 1)


def test_no_page_shows_a_bundles_cover_title_page_colophon_contents_or_back_cover(
        built: BuiltProject) -> None:
    collection = book(built.collection_pdf)
    collected = {collection.flat_text(index) for index in range(len(collection))}
    for info in built.series.bundles:
        bundle = book(built.bundle_pdf(info.slug))
        first, _ = chapter_pages(bundle)
        for index in [*range(first), len(bundle) - 1]:
            text = bundle.flat_text(index)
            assert not text or text not in collected, (info.slug, index + 1)


def test_the_book_ends_on_its_own_back_cover(built: BuiltProject) -> None:
    collection = book(built.collection_pdf)
    last = len(collection) - 1
    assert last % 2 == 1
    summary = " ".join(built.series_yaml["verzamelbundel"]["samenvatting"].split())
    assert summary[:60] in collection.flat_text(last)


# --- Folios and labels ------------------------------------------------------------------

def test_printed_folios_equal_the_page_labels_and_run_on_without_restart(
        built: BuiltProject) -> None:
    collection = book(built.collection_pdf)
    labels = collection.reader.page_labels
    front = front_matter(collection)
    assert labels[front:] == [str(n) for n in range(1, len(collection) - front + 1)]
    printed = 0
    for index in range(len(collection)):
        width, _ = collection.size(index)
        foot = collection.area_text(index, 0, 0, width, BOTTOM)
        if re.fullmatch(r"\d+|[ivxlc]+", foot):  # a cover's foot holds the publisher
            assert foot == labels[index], f"page {index + 1}"
            printed += 1
    assert printed > len(collection) // 2
    assert any(re.fullmatch(r"[ivx]+", labels[i]) and collection.area_text(
        i, 0, 0, collection.size(i)[0], BOTTOM) == labels[i] for i in range(front)), \
        "the contents prints its roman folios"


def test_running_heads_show_the_part_on_versos_and_the_chapter_on_rectos(
        built: BuiltProject) -> None:
    collection = book(built.collection_pdf)
    starts = part_starts(collection, built)
    checked = 0
    for number, (start, info) in enumerate(zip(starts, built.series.bundles, strict=True)):
        end = starts[number + 1] if number + 1 < len(starts) else len(collection) - 1
        for index in range(start + 2, end):
            head = collection.running_head(index)
            if head and index % 2 == 1:
                assert head == info.titel.upper(), (index + 1, head)
                checked += 1
    assert checked >= 2 * len(starts)


# --- The contents -----------------------------------------------------------------------

def contents_entries(collection: BookPdf) -> list[tuple[str, int]]:
    """(text of the entry, page it leads to) for each link target on the front matter.

    An entry can be several link annotations (one per line or inline box); the entry's
    text is what is printed inside the box around all of them.
    """
    entries = []
    for page in range(front_matter(collection)):
        boxes: dict[int, list[float]] = {}
        for _, link in collection.internal_links(page):
            left, bottom, right, top = link.rect
            box = boxes.setdefault(link.target, [left, bottom, right, top])
            box[:] = [min(box[0], left), min(box[1], bottom), max(box[2], right), max(box[3], top)]
        entries += [(collection.area_text(page, *box), target) for target, box in boxes.items()]
    return entries


ENTRY = re.compile(r"^(?P<text>.*?)\s*\.{2,}\s*(?P<number>\d+)$")


def split_entry(text: str) -> tuple[str, int]:
    """The chapter title and printed page number of a contents entry; a case's place,
    printed in capitals above its title, is dropped."""
    match = ENTRY.match(text)
    assert match, f"not a contents entry with a page number: {text!r}"
    words = match["text"].split()
    while words and words[0].isupper():
        words.pop(0)
    return " ".join(words), int(match["number"])


def test_every_contents_entry_prints_the_folio_of_the_page_it_leads_to_which_shows_it(
        built: BuiltProject) -> None:
    collection = book(built.collection_pdf)
    starts = set(part_starts(collection, built))
    chapters = [(text, target) for text, target in contents_entries(collection) if target not in starts]
    assert len(chapters) >= 4 * len(built.series.bundles)  # introduction, 2 cases, closing
    for text, target in chapters:
        title, printed = split_entry(text)
        assert collection.folio(target) == printed, (title, target)
        assert title in collection.flat_text(target), (title, target)


def test_every_part_in_the_contents_leads_to_its_part_title(built: BuiltProject) -> None:
    collection = book(built.collection_pdf)
    targets = {target for _, target in contents_entries(collection)}
    assert set(part_starts(collection, built)) <= targets


# --- Links, bookmarks, structure --------------------------------------------------------

def link_destinations(pdf: pikepdf.Pdf) -> list[tuple[int, object]]:
    """(page index, destination) of every link annotation that jumps inside the document."""
    found = []
    for index, page in enumerate(pdf.pages):
        for annotation in page.obj.get(Name.Annots, Array()):
            action = annotation.get(Name.A)
            if Name.Dest in annotation:
                found.append((index, annotation.Dest))
            elif isinstance(action, Dictionary) and action.get(Name.S) == Name.GoTo:
                found.append((index, action.D))
    return found


def resolve(pdf: pikepdf.Pdf, destination: object) -> int | None:
    """The 0-based page a destination leads to in `pdf`; None if it leads nowhere."""
    if isinstance(destination, String | Name):
        names = pdf.Root.get(Name.Names)
        tree = names.get(Name.Dests) if isinstance(names, Dictionary) else None
        key = str(destination).removeprefix("/") if isinstance(destination, Name) \
            else str(destination)
        if not isinstance(tree, Dictionary) or key not in pikepdf.NameTree(tree):
            return None
        destination = pikepdf.NameTree(tree)[key]
    if isinstance(destination, Dictionary):
        destination = destination.get(Name.D)
    if not isinstance(destination, Array) or not isinstance(destination[0], Dictionary):
        return None
    pages = {page.objgen: index for index, page in enumerate(pdf.pages)}
    return pages.get(destination[0].objgen)


def test_no_link_in_the_collection_leads_nowhere(built: BuiltProject) -> None:
    with pikepdf.open(built.collection_pdf) as pdf:
        links = link_destinations(pdf)
        dangling = [(page, str(target)) for page, target in links if resolve(pdf, target) is None]
    assert links
    assert dangling == []


def shifted(marks: list[Bookmark], offset: int) -> list[tuple]:
    return [(mark.title, mark.page + offset, shifted(mark.children, offset)) for mark in marks]


def test_the_outline_is_the_contents_then_each_part_holding_its_chapters_and_sections(
        built: BuiltProject) -> None:
    collection = book(built.collection_pdf)
    outline = collection.outline
    assert [mark.title for mark in outline] == [
        "Inhoud", *(f"{info.titel}: {info.ondertitel}" for info in built.series.bundles)]
    assert outline[0].page < front_matter(collection)
    for mark, info in zip(outline[1:], built.series.bundles, strict=True):
        bundle = book(built.bundle_pdf(info.slug))
        own = bundle.outline
        chapters = own[[m.title for m in own].index("Inhoud") + 1:]
        first, _ = chapter_pages(bundle)
        assert shifted(mark.children, 0) == shifted(chapters, mark.page + 2 - first), info.slug


def test_the_structure_tree_has_a_part_element_per_bundle(built: BuiltProject) -> None:
    with pikepdf.open(built.collection_pdf) as pdf:
        document = kids(pdf.Root.StructTreeRoot)[0]
        parts = [kid for kid in kids(document) if kid.get(Name.S) == Name.Part]
        assert [str(part.T) for part in parts] == [
            f"{info.titel}: {info.ondertitel}" for info in built.series.bundles]
        assert all(len(kids(part)) > 3 for part in parts)


# --- Metadata ------------------------------------------------------------------------

def test_metadata_names_the_collection_its_language_and_every_author(
        built: BuiltProject) -> None:
    series = built.series
    authors = list(dict.fromkeys(a for bundle in series.bundles for a in bundle.auteurs))
    with pikepdf.open(built.collection_pdf) as pdf:
        meta = pdf.open_metadata()
        assert meta["dc:title"] == series.document_title
        assert str(pdf.docinfo.Title) == series.document_title
        assert str(pdf.Root.Lang) == series.taal
        assert meta["dc:creator"] == authors
        for author in authors:
            assert author in str(pdf.docinfo.Author)


# --- A new bundle --------------------------------------------------------------------

@pytest.fixture(scope="module")
def grown(reeks_klein: BuiltProject, tmp_path_factory: pytest.TempPathFactory) -> BuiltProject:
    """reeks-klein as built, then a copy of its bundle 2 added as bundle 4 and built again:
    what an editor does to start a new bundle."""
    root = tmp_path_factory.mktemp("grown") / "project"
    shutil.copytree(reeks_klein.root, root)
    folder = root / "content" / "kleine-kernen-4"
    shutil.copytree(REEKS_KLEIN / "content" / "kleine-kernen-2", folder)
    meta = (folder / "bundel.yaml").read_text("utf-8")
    meta = meta.replace("nummer: 2", "nummer: 4").replace("titel: Kleine Kernen 2",
                                                          "titel: Kleine Kernen 4")
    (folder / "bundel.yaml").write_text(meta, "utf-8")
    return build_project(root)


def test_a_new_bundle_folder_becomes_a_new_part_with_no_code_change(
        reeks_klein: BuiltProject, grown: BuiltProject) -> None:
    assert [b.nummer for b in grown.series.bundles] == [1, 2, 4]
    collection = book(grown.collection_pdf)
    assert [mark.title.split(":")[0] for mark in collection.outline] == [
        "Inhoud", "Kleine Kernen 1", "Kleine Kernen 2", "Kleine Kernen 4"]
    start = collection.outline[-1].page
    assert "Kleine Kernen 4" in collection.flat_text(start)
    first, last = chapter_pages(book(grown.bundle_pdf("kleine-kernen-4")))
    assert len(collection) > len(book(reeks_klein.collection_pdf)) + (last - first)


def test_the_build_reports_each_pdf_in_its_closing_table(reeks_klein: BuiltProject) -> None:
    assert re.search(r"kleine-kernen-verzamelbundel\.pdf +\d+ +\d+ +\d+[.,]\d+ s +opnieuw gemaakt",
                     reeks_klein.output), reeks_klein.output
