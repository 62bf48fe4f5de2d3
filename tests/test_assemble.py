"""The assembled PDF, read back the way a reader, a screen reader and a validator see it."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import page
import pikepdf
import pypdf
import pytest
from weasyprint import HTML

from bundelpers.assemble import (
    DocumentInfo,
    MergeError,
    PageLabelRange,
    Part,
    assemble,
    write_pdf_atomically,
)
from bundelpers.tagging import (
    mark_margin_content_as_artifacts,
    nest_link_annotations,
    unreachable_mcids,
)

STYLE = """
@page { size: A6; margin: 18mm 14mm;
  @top-center { content: string(kop); font-size: 8pt }
  @bottom-right { content: counter(page); font-size: 8pt } }
h1 { string-set: kop content(); break-before: page }
.inhoud { list-style: none; padding: 0 }
.inhoud a { display: block }
.plaats { display: block; font-size: 8pt }
"""

# Heading texts by id, per part. Every part has an "inleiding": the ids collide,
# the texts do not, so a link that lands in the wrong part is caught.
HEADINGS = {
    "voorwerk": {"inleiding": "Voorwoord bij de verzameling"},
    "bundel-a": {
        "inleiding": "Inleiding bij de wijk",
        "achtergrond": "Achtergrond van de wijk",
        "verder": "Verder in de wijk",
        "slot": "Slot van de wijk",
    },
    "bundel-b": {"inleiding": "Inleiding op de casus", "casus": "De casus zelf"},
}

BODIES = {
    "voorwerk": """
<h1 id="inleiding">Voorwoord bij de verzameling</h1>
<p>Deze verzameling bundelt de casussen. <a href="#inleiding">Terug naar boven</a>.</p>""",
    "bundel-a": """
<h1 id="inleiding">Inleiding bij de wijk</h1>
<p>Lees <a href="#verder">verder in de wijk</a> of ga naar <a href="#slot">het slot</a>.</p>
<ol class="inhoud"><li><a href="#slot"><span class="plaats">Oss</span>
<span>Het slot</span></a></li></ol>
<h2 id="achtergrond">Achtergrond van de wijk</h2>
<p>De wijk is oud.</p>
<h1 id="verder">Verder in de wijk</h1>
<p>Terug naar <a href="#inleiding">de inleiding</a>.</p>
<table><tr><th>Buurt</th></tr><tr><td>Noord</td></tr></table>
<h1 id="slot">Slot van de wijk</h1>
<p>Tot <a href="#achtergrond">de achtergrond</a>.</p>""",
    "bundel-b": """
<h1 id="inleiding">Inleiding op de casus</h1>
<p>Zie <a href="#casus">de casus</a>.</p>
<table><tr><th>Rol</th></tr><tr><td>Wijkagent</td></tr></table>
<h1 id="casus">De casus zelf</h1>
<p>Terug naar <a href="#inleiding">de inleiding</a>.</p>""",
}

INFO = DocumentInfo(
    title="Verzamelbundel Wij in de Wijk",
    lang="nl",
    authors=("Wij in de Wijk", "Redactie"),
    subject="Casussen uit de wijk",
    keywords=("wijk", "casus"),
    creation_date=datetime(2024, 5, 1, 12, 0, tzinfo=UTC),
)


def html(name: str) -> str:
    return (f'<!doctype html><html lang="nl"><head><meta charset="utf-8">'
            f"<title>{name}</title><style>{STYLE}</style></head>"
            f"<body>{BODIES[name]}</body></html>")


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("rendered")
    paths = {}
    for name in BODIES:
        paths[name] = folder / f"{name}.pdf"
        HTML(string=html(name)).write_pdf(paths[name], pdf_variant="pdf/ua-1")
    paths["untagged"] = folder / "untagged.pdf"
    HTML(string=html("bundel-a")).write_pdf(paths["untagged"])
    return paths


def collection_parts(rendered: dict[str, Path]) -> list[Part]:
    return [
        Part(rendered["voorwerk"], page_labels=(PageLabelRange(0, "r"),), pad_to_even=True),
        Part(rendered["bundel-a"], outline_title="Bundel A", pad_to_even=True),
        Part(rendered["bundel-b"], outline_title="Bundel B",
             page_labels=(PageLabelRange(0, "D", prefix="B-"),)),
    ]


# Which part each merged page comes from: 1 + pad, 3 + pad, 2.
PART_OF_PAGE = ["voorwerk"] * 2 + ["bundel-a"] * 4 + ["bundel-b"] * 2


@pytest.fixture(scope="session")
def merged(rendered: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("merged") / "verzamelbundel.pdf"
    write_pdf_atomically(assemble(collection_parts(rendered), INFO), target)
    return target


def page_texts(path: Path) -> list[str]:
    """The text of each page, with line breaks (headings wrap on A6) as spaces."""
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages]


def test_pages_of_all_parts_follow_in_order_with_blank_padding(merged: Path) -> None:
    texts = page_texts(merged)
    assert len(texts) == 8
    assert "Voorwoord bij de verzameling" in texts[0]
    assert texts[1].strip() == ""
    assert "Inleiding bij de wijk" in texts[2]
    assert "Slot van de wijk" in texts[4]
    assert texts[5].strip() == ""
    assert "Inleiding op de casus" in texts[6]
    assert "De casus zelf" in texts[7]


def outline_titles(items: list) -> list:
    """pypdf's outline as nested titles: [title, [children...]] per item with children."""
    result: list = []
    for item in items:
        if isinstance(item, list):
            result.append(outline_titles(item))
        else:
            result.append(item.title)
    return result


def test_outline_nests_each_bundle_under_its_title(merged: Path) -> None:
    assert outline_titles(pypdf.PdfReader(merged).outline) == [
        "Voorwoord bij de verzameling",
        "Bundel A",
        ["Inleiding bij de wijk", ["Achtergrond van de wijk"], "Verder in de wijk",
         "Slot van de wijk"],
        "Bundel B",
        ["Inleiding op de casus", "De casus zelf"],
    ]


def flatten(items: list) -> list:
    return [leaf for item in items
            for leaf in (flatten(item) if isinstance(item, list) else [item])]


def test_every_bookmark_leads_to_the_page_showing_its_heading(merged: Path) -> None:
    reader = pypdf.PdfReader(merged)
    texts = page_texts(merged)
    for item in flatten(reader.outline):
        number = reader.get_destination_page_number(item)
        if item.title.startswith("Bundel "):
            assert PART_OF_PAGE[number] == "bundel-" + item.title[-1].lower()
            assert number in (2, 6)  # the bundle's first page
        else:
            assert item.title in texts[number], item.title


def test_every_link_leads_to_its_target_heading_in_its_own_part(merged: Path) -> None:
    reader = pypdf.PdfReader(merged)
    texts = page_texts(merged)
    dests = reader.named_destinations
    followed = set()
    for index, pdf_page in enumerate(reader.pages):
        for annotation in pdf_page.get("/Annots", []):
            annotation = annotation.get_object()
            if annotation["/Subtype"] != "/Link":
                continue
            target = reader.get_destination_page_number(dests[annotation["/Dest"]])
            # WeasyPrint writes the href's id as the link's /Contents.
            part, anchor = PART_OF_PAGE[index], str(annotation["/Contents"])
            assert HEADINGS[part][anchor] in texts[target], (index, anchor)
            followed.add((part, anchor))
    assert followed == {
        ("voorwerk", "inleiding"),
        ("bundel-a", "verder"), ("bundel-a", "slot"), ("bundel-a", "inleiding"),
        ("bundel-a", "achtergrond"),
        ("bundel-b", "casus"), ("bundel-b", "inleiding"),
    }


def test_page_labels_restart_per_part_as_asked(merged: Path) -> None:
    assert pypdf.PdfReader(merged).page_labels == [
        "i", "ii", "1", "2", "3", "4", "B-1", "B-2"]


def test_a_parts_own_page_labels_are_kept_and_shifted(
        rendered: dict[str, Path], tmp_path: Path) -> None:
    with pikepdf.open(rendered["bundel-b"]) as pdf:
        pdf.Root.PageLabels = pikepdf.NumberTree.new(pdf).obj
        labels = pikepdf.NumberTree(pdf.Root.PageLabels)
        labels[0] = pikepdf.Dictionary(S=pikepdf.Name.R)
        labels[1] = pikepdf.Dictionary(S=pikepdf.Name.D, St=5)
        pdf.save(tmp_path / "labelled.pdf")
    merged = assemble([Part(rendered["bundel-a"]), Part(tmp_path / "labelled.pdf")], INFO)
    write_pdf_atomically(merged, tmp_path / "out.pdf")
    assert pypdf.PdfReader(tmp_path / "out.pdf").page_labels == ["1", "2", "3", "I", "5"]


def test_chapters_join_into_one_bundle_with_running_page_labels(
        rendered: dict[str, Path], tmp_path: Path) -> None:
    chapters = [Part(rendered["bundel-a"]), Part(rendered["bundel-b"], page_labels=())]
    write_pdf_atomically(assemble(chapters, INFO), tmp_path / "bundel.pdf")
    reader = pypdf.PdfReader(tmp_path / "bundel.pdf")
    assert reader.page_labels == ["1", "2", "3", "4", "5"]
    assert outline_titles(reader.outline) == [
        "Inleiding bij de wijk", ["Achtergrond van de wijk"], "Verder in de wijk",
        "Slot van de wijk", "Inleiding op de casus", "De casus zelf"]


def test_a_link_to_a_missing_destination_is_refused(
        rendered: dict[str, Path], tmp_path: Path) -> None:
    with pikepdf.open(rendered["bundel-b"]) as pdf:
        pdf.pages[0].Annots[0].Dest = pikepdf.String("nergens")
        pdf.save(tmp_path / "broken.pdf")
    with pytest.raises(MergeError, match="p2.nergens"):
        assemble([Part(rendered["bundel-a"]), Part(tmp_path / "broken.pdf")], INFO)


def test_every_tagged_item_is_reachable_in_the_merged_pdf(merged: Path) -> None:
    with pikepdf.open(merged) as pdf:
        assert unreachable_mcids(pdf) == []


def test_the_merged_pdf_has_one_document_element_holding_every_part(merged: Path) -> None:
    with pikepdf.open(merged) as pdf:
        root = pdf.Root.StructTreeRoot
        assert len(root.K) == 1
        document = root.K[0]
        assert document.S == pikepdf.Name.Document
        assert all(kid.P.objgen == document.objgen for kid in document.K)
        headings = [kid for kid in document.K if kid.S == pikepdf.Name.H1]
        assert len(headings) == 1 + 3 + 2
        assert int(root.ParentTreeNextKey) == max(pikepdf.NumberTree(root.ParentTree)) + 1


def test_table_header_ids_stay_unique_and_resolve(merged: Path) -> None:
    with pikepdf.open(merged) as pdf:
        root = pdf.Root.StructTreeRoot
        ids = pikepdf.NameTree(root.IDTree)
        tables = [kid for kid in root.K[0].K if kid.S == pikepdf.Name.Table]
        assert len(tables) == 2
        assert len(ids) == 2
        for table in tables:
            body = table.K[0]
            header, cell = body.K[0].K[0], body.K[1].K[0]
            assert [str(name) for name in cell.A.Headers] == [str(header.ID)]
            assert ids[str(header.ID)].objgen == header.objgen


def test_margin_content_becomes_artifacts_in_a_single_pdf(rendered: dict[str, Path]) -> None:
    with pikepdf.open(rendered["bundel-a"]) as pdf:
        orphans = unreachable_mcids(pdf)
        # Running head and folio on each of the 3 pages (WeasyPrint issue #1836).
        assert len(orphans) == 6
        assert mark_margin_content_as_artifacts(pdf) == 6
        assert unreachable_mcids(pdf) == []
        content = pdf.pages[0].Contents.read_bytes()
        assert content.count(b"/Artifact") == 2
        assert b"/Pagination" in content


def test_a_block_links_span_annotations_move_into_the_link(
        rendered: dict[str, Path], tmp_path: Path) -> None:
    rule = "PDFUA1-LINK-LINK-TAG-001"
    report = page.validate_pdf(rendered["bundel-a"], profile="ua1")
    assert rule in {failure.rule_id for failure in report.failures}  # the contents entry
    with pikepdf.open(rendered["bundel-a"]) as pdf:
        assert nest_link_annotations(pdf) > 0
        assert nest_link_annotations(pdf) == 0
        pdf.save(tmp_path / "fixed.pdf")
    report = page.validate_pdf(tmp_path / "fixed.pdf", profile="ua1")
    assert report.is_compliant, [(f.rule_id, f.message) for f in report.failures]


def test_running_heads_and_folios_still_print(merged: Path) -> None:
    texts = page_texts(merged)
    assert texts[3].count("Verder in de wijk") == 2  # running head and heading
    assert "3" in texts[4].split()  # folio of the third page of bundle A


def test_a_naive_pypdf_merge_loses_the_tags(rendered: dict[str, Path], tmp_path: Path) -> None:
    writer = pypdf.PdfWriter()
    for name in ("bundel-a", "bundel-b"):
        writer.append(rendered[name])
    writer.write(tmp_path / "naive.pdf")
    with pikepdf.open(tmp_path / "naive.pdf") as pdf:
        assert unreachable_mcids(pdf) != []


def test_the_merged_pdf_is_pdfua_compliant(merged: Path) -> None:
    report = page.validate_pdf(merged, profile="ua1")
    assert report.is_compliant, [(f.rule_id, f.message) for f in report.failures]


def test_an_untagged_render_is_not_pdfua_compliant(rendered: dict[str, Path]) -> None:
    report = page.validate_pdf(rendered["untagged"], profile="ua1")
    assert not report.is_compliant
    assert "PDFUA1-STRUCT-TREE-ROOT-001" in {f.rule_id for f in report.failures}


def test_an_untagged_part_is_refused(rendered: dict[str, Path]) -> None:
    with pytest.raises(MergeError, match="no structure tree"):
        assemble([Part(rendered["untagged"])], INFO)


def test_qpdf_finds_no_problems(merged: Path) -> None:
    with pikepdf.open(merged) as pdf:
        assert pdf.check_pdf_syntax() == []
        assert pdf.pdf_version == "1.7"


def test_metadata_describes_the_collection(merged: Path) -> None:
    with pikepdf.open(merged) as pdf:
        assert str(pdf.Root.Lang) == "nl"
        assert pdf.Root.MarkInfo.Marked is True
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        meta = pdf.open_metadata()
        assert meta["dc:title"] == INFO.title
        assert meta["dc:creator"] == ["Wij in de Wijk", "Redactie"]
        assert meta["dc:language"] == {"nl"}
        assert meta["pdfuaid:part"] == "1"
        assert meta["dc:description"] == INFO.subject
        assert meta["pdf:Keywords"] == "wijk, casus"
        assert str(pdf.docinfo.Title) == INFO.title
        assert str(pdf.docinfo.Author) == "Wij in de Wijk; Redactie"
        assert str(pdf.docinfo.CreationDate) == "D:20240501120000+00'00"
        assert str(pdf.docinfo.ModDate) == str(pdf.docinfo.CreationDate)


def test_assembling_twice_gives_identical_bytes(
        rendered: dict[str, Path], merged: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.pdf"
    write_pdf_atomically(assemble(collection_parts(rendered), INFO), again)
    assert again.read_bytes() == merged.read_bytes()


def test_writing_leaves_no_temporary_files(merged: Path) -> None:
    assert [path.name for path in merged.parent.iterdir()] == ["verzamelbundel.pdf"]


def test_each_typeface_is_stored_once_after_assembly(tmp_path):
    """Two parts set in the same face: the joined file holds one font program for it,
    and every page still draws (text extraction goes through the shared program)."""
    import weasyprint
    from collections import Counter

    from bundelpers.assemble import DocumentInfo, Part, assemble
    from bundelpers.fonts import font_file

    face = font_file("font_source_serif_pro", "SourceSerifPro-Regular.ttf").as_uri()
    style = f'<style>@font-face {{ font-family: S; src: url("{face}") }} body {{ font-family: S }}</style>'
    paths = []
    for index, text in enumerate(["Eerste deel over de buurt.", "Tweede deel, andere woorden."]):
        path = tmp_path / f"part{index}.pdf"
        html = (f'<html lang="nl"><head><title>Deel {index}</title>{style}</head><body>'
                f'<p>{text}</p></body></html>')
        weasyprint.HTML(string=html).write_pdf(path, pdf_variant="pdf/ua-1")
        paths.append(path)
    pdf = assemble([Part(path) for path in paths], DocumentInfo("Samen", "nl", ("A",)))
    programs = Counter(
        obj.FontFile2.objgen for obj in pdf.objects
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor"
        and "/FontFile2" in obj)
    faces = Counter(str(obj.FontName).split("+")[-1] for obj in pdf.objects
                    if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor")
    assert list(faces.values()) == [2], faces
    assert len(programs) == 1, programs
    out = tmp_path / "samen.pdf"
    pdf.save(out)
    from pypdf import PdfReader
    texts = [page.extract_text() for page in PdfReader(out).pages]
    assert "Eerste deel over de buurt." in texts[0] and "Tweede deel, andere woorden." in texts[1]
