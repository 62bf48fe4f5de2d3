"""Accessible PDFs (GitHub issue 6): every PDF the build ships is PDF/UA-1, its tags reach
all content, page furniture is an artifact, and the file reads cleanly.

The PDFs checked are the shipped bundles and their verzamelbundel (content/, built once
per session), and the verzamelbundel of tests/fixtures/reeks-klein.
"""

from __future__ import annotations

import io
import logging
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import page
import pikepdf
import pypdf
import pypdfium2 as pdfium
import pytest
import weasyprint
from conftest import REPO, BuiltProject
from contentinfo import read_series, squash
from pikepdf import Array, Dictionary, Name
from readback import BOTTOM, TOP
from tagcheck import is_struct_element, kids, struct_elements, unreachable_mcids

SHIPPED = read_series(REPO / "content")
SHIPPED_BUNDLES = [bundle.slug for bundle in SHIPPED.bundles]
FIXTURE_COLLECTION = "reeks-klein:verzamelbundel"
EVERY_PDF = [*SHIPPED_BUNDLES, SHIPPED.collection_slug, FIXTURE_COLLECTION]
COLLECTIONS = [SHIPPED.collection_slug, FIXTURE_COLLECTION]


Finder = Callable[[str], tuple[BuiltProject, Path]]


@pytest.fixture
def built_for(request: pytest.FixtureRequest) -> Finder:
    """The built project and the PDF that a parameter names; builds only what is asked."""
    def find(name: str) -> tuple[BuiltProject, Path]:
        if name == FIXTURE_COLLECTION:
            built: BuiltProject = request.getfixturevalue("reeks_klein")
            return built, built.collection_pdf
        built = BuiltProject(request.getfixturevalue("shipped_build"))
        return built, built.bundle_pdf(name)
    return find


def expected_title(built: BuiltProject, path: Path) -> str:
    series = built.series
    if path == built.collection_pdf:
        return series.document_title
    return next(b.document_title for b in series.bundles if built.bundle_pdf(b.slug) == path)


def expected_alt_texts(built: BuiltProject, path: Path) -> set[str]:
    series = built.series
    if path == built.collection_pdf:
        return set().union(*(bundle.alt_texts for bundle in series.bundles))
    return set(next(b.alt_texts for b in series.bundles if built.bundle_pdf(b.slug) == path))


def elements(pdf: pikepdf.Pdf) -> list[Dictionary]:
    return list(struct_elements(kids(pdf.Root.StructTreeRoot)))


# --- The validator -------------------------------------------------------------------

@pytest.mark.parametrize("name", EVERY_PDF)
def test_every_pdf_is_pdf_ua_1_compliant(name: str, built_for: Finder) -> None:
    _, path = built_for(name)
    report = page.validate_pdf(path, profile="ua1")
    assert report.is_compliant, [(f.rule_id, f.message) for f in report.failures]


def test_an_untagged_pdf_is_not_compliant(tmp_path: Path) -> None:
    """The check above can fail: WeasyPrint without pdf/ua-1 writes no tags."""
    path = tmp_path / "untagged.pdf"
    weasyprint.HTML(string='<html lang="nl"><title>Los</title><h1>Kop</h1><p>Tekst.</p>'
                    ).write_pdf(path)
    report = page.validate_pdf(path, profile="ua1")
    assert not report.is_compliant
    assert "PDFUA1-STRUCT-TREE-ROOT-001" in {failure.rule_id for failure in report.failures}


# --- Tags ----------------------------------------------------------------------------

@pytest.mark.parametrize("name", EVERY_PDF)
def test_every_marked_content_item_is_reachable_from_the_structure_tree(
        name: str, built_for: Finder) -> None:
    _, path = built_for(name)
    with pikepdf.open(path) as pdf:
        assert unreachable_mcids(pdf) == []


DRAWING = {"Tj", "TJ", "'", '"', "Do"}


def keep_text(path: Path, artifacts: bool) -> pdfium.PdfDocument:
    """The PDF with only the artifact text (artifacts=True) or only the tagged text left."""
    with pikepdf.open(path) as pdf:
        for pdf_page in pdf.pages:
            kept, open_tags = [], []
            for instruction in pikepdf.parse_content_stream(pdf_page):
                operator = str(instruction.operator)
                if operator in ("BDC", "BMC"):
                    open_tags.append(instruction.operands[0])
                elif operator == "EMC" and open_tags:
                    open_tags.pop()
                # Stamped furniture is a form XObject painted inside its artifact sequence.
                elif operator in DRAWING and (Name.Artifact in open_tags) != artifacts:
                    continue
                kept.append(instruction)
            pdf_page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(kept))
        stream = io.BytesIO()
        pdf.save(stream)
    return pdfium.PdfDocument(stream.getvalue())


def margins(doc: pdfium.PdfDocument, index: int) -> tuple[str, str]:
    """What is printed in the top margin (running head) and bottom margin (folio)."""
    textpage = doc[index].get_textpage()
    width, height = doc[index].get_size()
    return (squash(textpage.get_text_bounded(0, height - TOP, width, height)),
            squash(textpage.get_text_bounded(0, 0, width, BOTTOM)))


def is_folio(text: str) -> bool:
    return text.isdigit() or (text != "" and set(text) <= set("ivxlc"))


@pytest.mark.parametrize("name", EVERY_PDF)
def test_running_heads_and_folios_are_artifacts_not_tagged_text(
        name: str, built_for: Finder) -> None:
    _, path = built_for(name)
    original = pdfium.PdfDocument(path)
    artifacts_only = keep_text(path, artifacts=True)
    tagged_only = keep_text(path, artifacts=False)
    numbered = [i for i in range(len(original)) if is_folio(margins(original, i)[1])]
    heads = [i for i in numbered if margins(original, i)[0]]
    assert numbered and heads, "no page with a folio and a running head to check"
    for index in numbered:
        assert margins(artifacts_only, index) == margins(original, index), index
        assert margins(tagged_only, index) == ("", ""), index


def first_page(element: Dictionary, pages: dict[tuple[int, int], int]) -> int | None:
    """The page of an element: its own /Pg or the first one found below it."""
    for node in struct_elements([element]):
        if Name.Pg in node:
            return pages[node.Pg.objgen]
    return None


def top_level(pdf: pikepdf.Pdf, offset: int = 0) -> list[tuple[str, int | None]]:
    """(type, page + offset) of the elements under the Document element (or the root)."""
    pages = {pdf_page.objgen: i + offset for i, pdf_page in enumerate(pdf.pages)}
    tops = kids(pdf.Root.StructTreeRoot)
    if len(tops) == 1 and tops[0].S == Name.Document:
        tops = kids(tops[0])
    return [(str(top.S), first_page(top, pages)) for top in tops if is_struct_element(top)]


@pytest.mark.parametrize("name", COLLECTIONS)
def test_the_collection_has_one_document_holding_its_parts_in_reading_order(
        name: str, built_for: Finder) -> None:
    """One Document element: the collection's own front matter, a Part per bundle, the
    back cover; every element in the order of the pages it starts on."""
    built, path = built_for(name)
    with pikepdf.open(path) as pdf:
        root = pdf.Root.StructTreeRoot
        assert len(kids(root)) == 1
        document = kids(root)[0]
        assert document.S == Name.Document
        assert document.P.objgen == root.objgen
        assert all(kid.P.objgen == document.objgen for kid in kids(document))
        tops = top_level(pdf)
        assert [kind for kind, _ in tops].count("/Part") == len(built.series.bundles)
        pages = [page for _, page in tops if page is not None]
        assert pages == sorted(pages)


@pytest.mark.parametrize("name", COLLECTIONS)
def test_the_collections_struct_parents_keys_are_unique_and_in_the_parent_tree(
        name: str, built_for: Finder) -> None:
    _, path = built_for(name)
    with pikepdf.open(path) as pdf:
        keys = []
        for pdf_page in pdf.pages:
            if Name.StructParents in pdf_page.obj:
                keys.append(int(pdf_page.obj.StructParents))
            keys += [int(annotation.StructParent)
                     for annotation in pdf_page.obj.get(Name.Annots, Array())
                     if Name.StructParent in annotation]
        root = pdf.Root.StructTreeRoot
        tree = pikepdf.NumberTree(root.ParentTree)
        assert len(keys) == len(set(keys))
        assert [key for key in keys if key not in tree] == []
        assert int(root.ParentTreeNextKey) > max(keys)


# --- What the document says about itself ---------------------------------------------

@pytest.mark.parametrize("name", EVERY_PDF)
def test_catalog_declares_a_tagged_dutch_pdf_ua_document_with_its_title(
        name: str, built_for: Finder) -> None:
    built, path = built_for(name)
    with pikepdf.open(path) as pdf:
        assert pdf.Root.MarkInfo.Marked is True
        assert str(pdf.Root.Lang) == "nl"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        meta = pdf.open_metadata()
        assert meta["pdfuaid:part"] == "1"
        assert meta["dc:title"] == expected_title(built, path)


@pytest.mark.parametrize("name", EVERY_PDF)
def test_every_image_carries_the_alt_text_the_editor_wrote(
        name: str, built_for: Finder) -> None:
    built, path = built_for(name)
    with pikepdf.open(path) as pdf:
        figures = [element for element in elements(pdf) if element.S == Name.Figure]
        alts = [squash(str(figure.get(Name.Alt, ""))) for figure in figures]
    assert "" not in alts
    assert set(alts) == expected_alt_texts(built, path)


def table_cells(pdf: pikepdf.Pdf) -> list[tuple[list[Dictionary], list[Dictionary]]]:
    """(header cells, data cells) of every table."""
    tables = []
    for table in (e for e in elements(pdf) if e.S == Name.Table):
        cells = list(struct_elements(kids(table)))
        tables.append(([c for c in cells if c.S == Name.TH], [c for c in cells if c.S == Name.TD]))
    return tables


def attributes_with(element: Dictionary, key: Name) -> Dictionary | None:
    """The attribute dictionary of `element` (/A: one, or an array of them) holding `key`."""
    attributes = element.get(Name.A)
    for entry in (attributes if isinstance(attributes, Array) else [attributes]):
        if isinstance(entry, Dictionary) and key in entry:
            return entry
    return None


@pytest.mark.parametrize("name", EVERY_PDF)
def test_table_header_cells_head_their_columns(
        name: str, built_for: Finder) -> None:
    """A Markdown table has one header row: each TH says /Scope /Column (a Table attribute;
    WeasyPrint leaves it out, tabletags.py adds it), and each TD names its TH in /Headers."""
    _, path = built_for(name)
    with pikepdf.open(path) as pdf:
        tables = table_cells(pdf)
        assert tables, "no table to check"
        for headers, data in tables:
            assert headers, "a table without header cells"
            for header in headers:
                scope = attributes_with(header, Name.Scope)
                assert scope is not None and scope.get(Name.O) == Name.Table
                assert scope.Scope == Name.Column
            ids = {str(header.ID) for header in headers if Name.ID in header}
            for cell in data:
                named = attributes_with(cell, Name.Headers)
                assert named is not None and {str(n) for n in named.Headers} <= ids


@pytest.mark.parametrize("name", EVERY_PDF)
def test_table_header_ids_are_listed_in_the_id_tree(
        name: str, built_for: Finder) -> None:
    """ISO 32000-1 14.7.2: the IDTree is required as soon as any element has an /ID;
    a reader finds the header cell a TD names through it."""
    _, path = built_for(name)
    with pikepdf.open(path) as pdf:
        root = pdf.Root.StructTreeRoot
        assert Name.IDTree in root
        tree = pikepdf.NameTree(root.IDTree)
        for element in elements(pdf):
            if Name.ID in element:
                assert tree[str(element.ID)].objgen == element.objgen


@pytest.mark.parametrize("name", COLLECTIONS)
def test_contents_links_are_not_described_by_a_placeholder_address(
        name: str, built_for: Finder) -> None:
    """PDF/UA-1 7.18.5: a link's /Contents is its description for assistive technology."""
    _, path = built_for(name)
    with pikepdf.open(path) as pdf:
        described = [str(annotation.get(Name.Contents, ""))
                     for pdf_page in pdf.pages
                     for annotation in pdf_page.obj.get(Name.Annots, Array())]
    assert [text for text in described if "verzamelbundel.invalid" in text] == []
    assert any(", pagina " in text for text in described)


# --- The file itself -----------------------------------------------------------------

@pytest.mark.parametrize("name", EVERY_PDF)
def test_qpdf_finds_no_syntax_problems(name: str, built_for: Finder) -> None:
    _, path = built_for(name)
    with pikepdf.open(path) as pdf:
        assert pdf.check_pdf_syntax() == []


def embedded_faces(pdf: pikepdf.Pdf) -> Counter[str]:
    """How many font programs are stored per typeface (name without the subset tag).

    Every part keeps its own font dictionaries (widths, ToUnicode); what must not be
    repeated is the font program itself."""
    programs = {(str(descriptor.FontName).split("+", 1)[-1], descriptor.FontFile2.objgen)
                for descriptor in pdf.objects
                if isinstance(descriptor, Dictionary)
                and descriptor.get(Name.Type) == Name.FontDescriptor and Name.FontFile2 in descriptor}
    return Counter(face for face, _ in programs)


@pytest.mark.parametrize("name", SHIPPED_BUNDLES)
def test_each_typeface_is_embedded_once_per_bundle(
        name: str, built_for: Finder) -> None:
    _, path = built_for(name)
    with pikepdf.open(path) as pdf:
        faces = embedded_faces(pdf)
    assert faces and {face: n for face, n in faces.items() if n > 1} == {}


@pytest.mark.parametrize("name", EVERY_PDF)
def test_a_strict_reader_reads_every_page_without_a_warning(
        name: str, built_for: Finder, caplog: pytest.LogCaptureFixture) -> None:
    """A collection's bundle pages are the bundle files' pages, copied (test_collection.py
    compares their text page for page), so in a collection only the pages it made itself
    are read for text: pypdf needs about a tenth of a second a page."""
    built, path = built_for(name)
    with caplog.at_level(logging.WARNING, logger="pypdf"):
        reader = pypdf.PdfReader(path, strict=True)
        assert reader.outline and reader.page_labels and reader.metadata
        assert reader.named_destinations
        pages = list(reader.pages)
        if path == built.collection_pdf:
            pages = [pages[i] for i, label in enumerate(reader.page_labels) if "-" not in label]
        texts = [pdf_page.extract_text() for pdf_page in pages]
    assert sum(1 for text in texts if text.strip()) > len(texts) / 2
    assert [r.getMessage() for r in caplog.records if r.name.startswith("pypdf")] == []


def test_bundle_contents_links_are_described_by_the_chapter_title(shipped_build) -> None:
    """The contents of a bundle link to chapters; a screen reader reads the title, not a
    placeholder address or an id."""
    with pikepdf.open(shipped_build / "bundel_pdf" / "wij-in-de-wijk-3.pdf") as pdf:
        described = [str(annotation.get(Name.Contents, "")) for annotation in
                     pdf.pages[4].obj.get(Name.Annots, Array())]
    assert described and not [text for text in described if ".invalid" in text]
    assert "Vijf lessen" in described
