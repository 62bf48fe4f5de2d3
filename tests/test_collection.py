"""The verzamelbundel read back: its pages, merged contents, links, bookmarks and
metadata, compared with the bundle PDFs it is made of (GitHub issue 5).

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
from pikepdf import Array, Dictionary, Name, String

from conftest import REEKS_KLEIN, BuiltProject, build_project
from readback import BOTTOM, BookPdf, Bookmark


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


def page_count(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return len(pdf.pages)


def bundle_starts(collection: BookPdf, built: BuiltProject) -> dict[str, int]:
    """0-based index of each bundle's first page in the collection, found by its page label."""
    labels = collection.reader.page_labels
    return {bundle.slug: labels.index(f"{bundle.nummer}-1") for bundle in built.series.bundles}


def front_pages(built: BuiltProject) -> int:
    return even(page_count(built.front_matter_pdf))


# --- Pages ---------------------------------------------------------------------------

def test_the_collection_is_the_front_matter_then_every_bundle_each_padded_to_even(
        built: BuiltProject) -> None:
    expected = even(page_count(built.front_matter_pdf)) + sum(
        even(page_count(built.bundle_pdf(bundle.slug))) for bundle in built.series.bundles)
    assert page_count(built.collection_pdf) == expected


def test_every_bundle_starts_on_a_recto_with_its_cover(built: BuiltProject) -> None:
    collection = book(built.collection_pdf)
    starts = bundle_starts(collection, built)
    assert list(starts.values()) == sorted(starts.values())  # in `nummer` order
    for bundle in built.series.bundles:
        page_number = starts[bundle.slug] + 1
        assert page_number % 2 == 1, f"{bundle.slug} starts on page {page_number}, a verso"
        # In reading order (the cover sets the series name, then the large number).
        assert bundle.titel in " ".join(collection.text(starts[bundle.slug]).split())


def test_each_bundle_is_copied_page_for_page(built: BuiltProject) -> None:
    collection = book(built.collection_pdf)
    starts = bundle_starts(collection, built)
    for bundle in built.series.bundles:
        own = book(built.bundle_pdf(bundle.slug))
        start = starts[bundle.slug]
        copied = [collection.flat_text(start + i) for i in range(len(own))]
        assert copied == [own.flat_text(i) for i in range(len(own))], bundle.slug


def roman(number: int) -> str:
    digits = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    text = ""
    for value, letters in digits:
        while number >= value:
            text, number = text + letters, number - value
    return text


def test_front_matter_pages_are_labelled_and_numbered_in_lower_roman(
        built: BuiltProject) -> None:
    collection = book(built.collection_pdf)
    front = front_pages(built)
    assert collection.reader.page_labels[:front] == [roman(n) for n in range(1, front + 1)]
    printed = {}
    for index in range(front):
        width, _ = collection.size(index)
        foot = collection.area_text(index, 0, 0, width, BOTTOM)
        if re.fullmatch(r"[ivx]+", foot):
            printed[index] = foot
    assert printed, "no front-matter page prints its number"  # the contents does
    assert printed == {index: roman(index + 1) for index in printed}


def test_bundle_pages_are_labelled_with_bundle_number_and_folio(built: BuiltProject) -> None:
    collection = book(built.collection_pdf)
    starts = bundle_starts(collection, built)
    labels = collection.reader.page_labels
    for bundle in built.series.bundles:
        pages = page_count(built.bundle_pdf(bundle.slug))
        start = starts[bundle.slug]
        assert labels[start:start + pages] == [f"{bundle.nummer}-{n}" for n in range(1, pages + 1)]


def test_the_collection_is_no_larger_than_its_parts(built: BuiltProject) -> None:
    """Joining adds bookmarks, labels and one structure tree, and saves a cross-reference
    table per part: a reader who downloads the collection pays nothing extra."""
    parts = [built.front_matter_pdf, *(built.bundle_pdf(b.slug) for b in built.series.bundles)]
    assert built.collection_pdf.stat().st_size <= sum(part.stat().st_size for part in parts)


# --- The merged contents -------------------------------------------------------------

def contents_entries(built: BuiltProject) -> list[tuple[str, int]]:
    """(text of the entry, page it leads to) for each link target on the front matter.

    An entry can be several link annotations (one per line or inline box); the entry's
    text is what is printed inside the box around all of them.
    """
    collection = book(built.collection_pdf)
    entries = []
    for page in range(front_pages(built)):
        boxes: dict[int, list[float]] = {}
        for _, link in collection.internal_links(page):
            left, bottom, right, top = link.rect
            box = boxes.setdefault(link.target, [left, bottom, right, top])
            box[:] = [min(box[0], left), min(box[1], bottom), max(box[2], right),
                      max(box[3], top)]
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


def test_every_contents_entry_leads_to_the_page_showing_its_chapter(built: BuiltProject) -> None:
    collection = book(built.collection_pdf)
    starts = set(bundle_starts(collection, built).values())
    chapters = [(text, target) for text, target in contents_entries(built) if target not in starts]
    assert len(chapters) >= 4 * len(built.series.bundles)  # introduction, 2 cases, closing
    for text, target in chapters:
        title, _ = split_entry(text)
        assert title in (collection.flat_text(target)), (title, target)


def test_every_contents_entry_prints_the_folio_and_label_of_its_page(built: BuiltProject) -> None:
    collection = book(built.collection_pdf)
    starts = bundle_starts(collection, built)
    first_pages = {starts[bundle.slug]: bundle.nummer for bundle in built.series.bundles}
    labels = collection.reader.page_labels
    for text, target in contents_entries(built):
        if target in first_pages:
            continue  # a bundle's title, leading to its cover
        title, printed = split_entry(text)
        assert collection.folio(target) == printed, (title, target)
        nummer = first_pages[max(start for start in first_pages if start <= target)]
        assert labels[target] == f"{nummer}-{printed}", (title, target)


def test_every_bundle_title_in_the_contents_leads_to_that_bundles_cover(
        built: BuiltProject) -> None:
    collection = book(built.collection_pdf)
    starts = bundle_starts(collection, built)
    targets = {target for _, target in contents_entries(built)}
    for bundle in built.series.bundles:
        assert starts[bundle.slug] in targets, f"no contents entry leads to {bundle.slug}"


# --- Links ---------------------------------------------------------------------------

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


def test_every_bundle_link_survives_the_merge_and_stays_in_its_bundle(
        built: BuiltProject) -> None:
    """A link from page p to page q of a bundle leads from start+p to start+q."""
    collection = book(built.collection_pdf)
    starts = bundle_starts(collection, built)
    with pikepdf.open(built.collection_pdf) as merged:
        merged_links = [(page, resolve(merged, target))
                        for page, target in link_destinations(merged)]
    total = 0
    for bundle in built.series.bundles:
        with pikepdf.open(built.bundle_pdf(bundle.slug)) as own:
            own_links = sorted((page, resolve(own, target))
                               for page, target in link_destinations(own))
        start, end = starts[bundle.slug], starts[bundle.slug] + page_count(
            built.bundle_pdf(bundle.slug))
        copied = sorted((page - start, target - start) for page, target in merged_links
                        if start <= page < end)
        assert copied == own_links, bundle.slug
        total += len(own_links)
    assert len(merged_links) >= total


# --- Bookmarks -----------------------------------------------------------------------

def shifted(marks: list[Bookmark], offset: int) -> list[tuple]:
    return [(mark.title, mark.page + offset, shifted(mark.children, offset)) for mark in marks]


def test_the_outline_is_the_contents_then_each_bundle_holding_its_own_outline(
        built: BuiltProject) -> None:
    collection = book(built.collection_pdf)
    starts = bundle_starts(collection, built)
    outline = collection.outline
    assert [mark.title for mark in outline] == [
        "Inhoud", *(bundle.titel for bundle in built.series.bundles)]
    assert outline[0].page < front_pages(built)
    for mark, bundle in zip(outline[1:], built.series.bundles, strict=True):
        assert mark.page == starts[bundle.slug]
        own = book(built.bundle_pdf(bundle.slug)).outline
        assert shifted(mark.children, 0) == shifted(own, starts[bundle.slug]), bundle.slug


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


def test_a_new_bundle_folder_joins_the_collection_with_no_code_change(
        reeks_klein: BuiltProject, grown: BuiltProject) -> None:
    assert [b.nummer for b in grown.series.bundles] == [1, 2, 4]
    new_pages = page_count(grown.bundle_pdf("kleine-kernen-4"))
    assert page_count(grown.collection_pdf) == (
        page_count(reeks_klein.collection_pdf) + even(new_pages)
        + front_pages(grown) - front_pages(reeks_klein))
    collection = book(grown.collection_pdf)
    assert [mark.title for mark in collection.outline] == [
        "Inhoud", "Kleine Kernen 1", "Kleine Kernen 2", "Kleine Kernen 4"]
    start = collection.reader.page_labels.index("4-1")
    assert start + even(new_pages) == len(collection)  # the last bundle, after bundle 2
    assert "Kleine Kernen 4" in " ".join(collection.text(start).split())


def test_the_build_reports_how_long_assembly_took(reeks_klein: BuiltProject) -> None:
    assert re.search(r"kleine-kernen-verzamelbundel\.pdf: \d+ pagina's, .*"
                     r"samengevoegd in \d+[.,]\d+ s", reeks_klein.output), reeks_klein.output
