"""Assembly on its own: small typeset units joined into one book, read back the way a
reader, a screen reader and a validator see it.

The units are real WeasyPrint documents typeset through bundelpers' render stage (tags
repaired, stored in a unit store); the furniture sheets come from the real layouts/.
Three pieces of front matter-like text and two parts, whose ids collide on purpose
("inleiding" in every unit): a link that lands in the wrong unit is caught.
"""

from __future__ import annotations

import datetime as dt
import os
import zlib
from pathlib import Path

import page
import pikepdf
import pypdf
import pytest
from conftest import REPO
from readback import BookPdf
from tagcheck import kids, struct_elements, unreachable_mcids

from bundelpers.assemble.book import BookSpec, Group, assemble_book, save
from bundelpers.assemble.document import DocumentInfo
from bundelpers.assemble.furniture import FOLIO_SHEET_SIZE, ROMAN_SHEET_SIZE, SheetRef, head_pairs
from bundelpers.assemble.pagination import Furniture, Piece, paginate
from bundelpers.errors import MergeError
from bundelpers.fonts import font_folders
from bundelpers.layout.fonts import write_fontconfig, write_fonts_css
from bundelpers.layout.stylesheets import stamp_stylesheets, unit_stylesheets
from bundelpers.layout.units import FolioSheet, HeadSheet, Layout, UnitDoc
from bundelpers.render.store import Store
from bundelpers.render.units import UnitJob, typeset_unit

BODIES = {
    "voorwerk": """<h1 id="inleiding" style="bookmark-level: 1">Voorwoord bij de verzameling</h1>
<p>Deze verzameling bundelt de casussen. <a href="#inleiding">Terug naar boven</a>.</p>""",
    "a1": """<h1 id="inleiding" style="bookmark-level: 1">Inleiding bij de wijk</h1>
<p>Lees <a href="#achtergrond">de achtergrond</a>.</p>
<h2 id="achtergrond" style="break-before: page">Achtergrond van de wijk</h2>
<p>De wijk is oud. Terug naar <a href="#inleiding">de inleiding</a>.</p>
<table><thead><tr><th scope="col">Buurt</th></tr></thead><tbody><tr><td>Noord</td></tr></tbody></table>""",
    "a2": """<h1 id="inleiding" style="bookmark-level: 1">Slot van de wijk</h1>
<p>Een slot van één pagina.</p>""",
    "b1": """<h1 id="inleiding" style="bookmark-level: 1">Inleiding op de casus</h1>
<p>Zie <a href="#inleiding">het begin</a>.</p>
<table><thead><tr><th scope="col">Rol</th></tr></thead><tbody><tr><td>Wijkagent</td></tr></tbody></table>""",
}
HEADS = {"a1": ("Deel A", "Inleiding bij de wijk"), "a2": ("Deel A", "Slot van de wijk"),
         "b1": ("Deel B", "Inleiding op de casus")}
INFO = DocumentInfo(title="Verzamelbundel Wij in de Wijk", lang="nl",
                    authors=("Anna Auteur", "Bert Redacteur"), subject="Casussen uit de wijk",
                    keywords=("wijk", "casus"), created=dt.date(2024, 5, 1),
                    modified=dt.date(2024, 6, 2), edition="Tweede druk")


def html(body: str) -> str:
    return f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Deel</title></head><body>{body}</body></html>'


class Workshop:
    """A build folder with the real layouts: typesets units and furniture sheets."""

    def __init__(self, root: Path) -> None:
        self.build = root / "build"
        os.environ["FONTCONFIG_FILE"] = str(write_fontconfig(REPO / "layouts", self.build / "fc"))
        write_fonts_css(REPO / "layouts", self.build / "fonts.css")
        self.layout = Layout(REPO / "layouts", self.build)
        self.store = Store(self.build / "cache")
        self.allowed = (REPO / "layouts", self.build, *font_folders())

    def unit(self, name: str, text: str, tagged: bool = True):  # type: ignore[no-untyped-def]
        doc = UnitDoc(name, text, self.build)
        sheets = (unit_stylesheets if tagged else stamp_stylesheets)(REPO / "layouts", self.build)
        return typeset_unit(UnitJob(doc, f"{name}-{tagged}-{len(text)}", sheets, self.allowed,
                                    self.store.folder, tagged))

    def sheets(self, pagination) -> dict[SheetRef, Path]:  # type: ignore[no-untyped-def]
        series = type("Series", (), {"taal": "nl"})()
        docs = {
            SheetRef("folio", 1): FolioSheet(1, FOLIO_SHEET_SIZE),
            SheetRef("romeins", 1): FolioSheet(1, ROMAN_SHEET_SIZE, "romeins"),
            SheetRef("kop"): HeadSheet(tuple(head_pairs(pagination))),
        }
        return {ref: self.unit(f"sheet-{ref.kind}", self.layout.stamps(sheet, series, "s").html,
                               tagged=False).pdf for ref, sheet in docs.items()}


@pytest.fixture(scope="module")
def workshop(tmp_path_factory: pytest.TempPathFactory) -> Workshop:
    return Workshop(tmp_path_factory.mktemp("werkplaats"))


def pieces(workshop: Workshop) -> tuple[list[Piece], list[Path]]:
    units = {name: workshop.unit(name, html(body)) for name, body in BODIES.items()}
    found = [Piece("voorwerk", units["voorwerk"].pages, units["voorwerk"].anchors, Furniture.FOLIOS,
                   front_matter=True)]
    found += [Piece(name, units[name].pages, units[name].anchors, Furniture.CHAPTER, heads=HEADS[name])
              for name in ("a1", "a2", "b1")]
    return found, [units[name].pdf for name in ("voorwerk", "a1", "a2", "b1")]


@pytest.fixture(scope="module")
def book(workshop: Workshop, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    found, pdfs = pieces(workshop)
    pagination = paginate(found)
    spec = BookSpec(pagination, tuple(pdfs), INFO,
                    (Group("Deel A", 1, 2), Group("Deel B", 3, 3)), prefix_names=True)
    path = tmp_path_factory.mktemp("boek") / "boek.pdf"
    path.write_bytes(save(assemble_book(spec, workshop.sheets(pagination), workshop.store)))
    return path, pagination, spec


def test_pages_follow_in_order_and_every_unit_starts_on_a_recto(book) -> None:
    path, pagination, _ = book
    reader = BookPdf(path)
    # voorwerk 1 p. + blank, a1 2 p., a2 1 p. + blank, b1 1 p. + blank: the book ends on a verso.
    assert len(reader) == pagination.page_count == 8
    assert pagination.starts == (0, 2, 4, 6)
    assert "Voorwoord bij de verzameling" in reader.flat_text(0)
    assert reader.flat_text(1) == ""
    assert "Slot van de wijk" in reader.flat_text(4)
    assert reader.flat_text(5) == "" and reader.flat_text(7) == ""


def test_page_labels_equal_the_printed_folios(book) -> None:
    path, pagination, _ = book
    reader = pypdf.PdfReader(path)
    assert reader.page_labels == ["i", "ii", "1", "2", "3", "4", "5", "6"]
    printed = BookPdf(path)
    for index, plan in enumerate(pagination.pages):
        if plan.shows_folio:
            foot = printed.area_text(index, 0, 0, printed.size(index)[0], 24 * 72 / 25.4)
            assert foot == reader.page_labels[index], f"page {index + 1}"


def test_running_heads_show_the_part_on_versos_and_the_chapter_on_rectos(book) -> None:
    path, _, _ = book
    printed = BookPdf(path)
    assert printed.running_head(2) == ""  # a1 opens here
    assert printed.running_head(3) == "DEEL A"  # a1's second page, a verso
    assert printed.running_head(6) == ""  # b1 opens here
    assert printed.running_head(0) == ""  # the front matter has folios but no heads


def test_outline_nests_each_part_under_its_title(book) -> None:
    path, _, _ = book
    outline = BookPdf(path).outline
    assert [mark.title for mark in outline] == ["Voorwoord bij de verzameling", "Deel A", "Deel B"]
    assert [mark.title for mark in outline[1].children] == ["Inleiding bij de wijk", "Slot van de wijk"]
    assert [(mark.title, mark.page) for mark in outline[2].children] == [("Inleiding op de casus", 6)]


def test_every_link_leads_to_its_target_in_its_own_unit(book) -> None:
    path, _, _ = book
    reader = BookPdf(path)
    targets = {page: {link.target for _, link in reader.internal_links(page)} for page in range(8)}
    assert targets[0] == {0}  # the front matter's own "inleiding", not a part's
    assert targets[2] == {3} and targets[3] == {2}  # a1 links to its own pages
    assert targets[6] == {6}


def test_every_tagged_item_is_reachable_and_each_part_is_a_part_element(book) -> None:
    path, _, _ = book
    with pikepdf.open(path) as pdf:
        assert unreachable_mcids(pdf) == []
        document = kids(pdf.Root.StructTreeRoot)[0]
        parts = [kid for kid in kids(document) if kid.get("/S") == "/Part"]
        assert [str(part.T) for part in parts] == ["Deel A", "Deel B"]


def test_table_header_ids_are_unique_and_resolve(book) -> None:
    path, _, _ = book
    with pikepdf.open(path) as pdf:
        ids = [str(element.ID) for element in struct_elements(kids(pdf.Root.StructTreeRoot))
               if "/ID" in element]
        tree = dict(pikepdf.NameTree(pdf.Root.StructTreeRoot.IDTree).items())
        assert len(ids) == 2 and len(set(ids)) == 2
        assert sorted(tree) == sorted(ids)


def test_the_book_is_pdf_ua_compliant_and_qpdf_finds_no_problem(book) -> None:
    path, _, _ = book
    report = page.validate_pdf(path, profile="ua1")
    assert report.is_compliant, [(f.rule_id, f.message) for f in report.failures]
    with pikepdf.open(path) as pdf:
        assert pdf.check_pdf_syntax() == []


def test_every_compressed_stream_inflates(book) -> None:
    path, _, _ = book
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream) and obj.get("/Filter") == "/FlateDecode":
                zlib.decompress(obj.read_raw_bytes())


def test_furniture_is_a_pagination_artifact(book) -> None:
    path, _, _ = book
    with pikepdf.open(path) as pdf:
        data = pdf.pages[3].Contents
        streams = list(data) if isinstance(data, pikepdf.Array) else [data]
        text = b"".join(stream.read_bytes() for stream in streams)
        assert b"/Artifact <</Type /Pagination>> BDC" in text


def test_a_naive_merge_loses_the_tags_so_the_check_above_can_fail(workshop, tmp_path) -> None:
    _, pdfs = pieces(workshop)
    writer = pypdf.PdfWriter()
    for path in pdfs:
        writer.append(str(path))
    merged = tmp_path / "naief.pdf"
    writer.write(merged)
    with pikepdf.open(merged) as pdf:
        assert unreachable_mcids(pdf) != []


def test_an_untagged_unit_is_refused(workshop, tmp_path) -> None:
    untagged = workshop.unit("los", html(BODIES["a2"]), tagged=False)
    found, _pdfs = pieces(workshop)
    pagination = paginate(found[:1])
    spec = BookSpec(pagination, (untagged.pdf,), INFO)
    with pytest.raises(MergeError):
        assemble_book(spec, workshop.sheets(pagination), workshop.store)


def test_metadata_describes_the_book_with_both_dates_and_the_edition(book) -> None:
    path, _, _ = book
    with pikepdf.open(path) as pdf:
        meta = pdf.open_metadata()
        assert meta["dc:title"] == INFO.title
        assert meta["dc:creator"] == list(INFO.authors)
        assert meta["xmp:CreateDate"].startswith("2024-05-01")
        assert meta["xmp:ModifyDate"].startswith("2024-06-02")
        assert meta["xmpMM:VersionID"] == "Tweede druk"
        assert str(pdf.docinfo["/ModDate"]).startswith("D:20240602")
        assert str(pdf.Root.Lang) == "nl"


def test_assembling_twice_gives_identical_bytes(book, workshop) -> None:
    path, pagination, spec = book
    again = save(assemble_book(spec, workshop.sheets(pagination), workshop.store))
    assert again == path.read_bytes()


def test_each_typeface_is_stored_once(book) -> None:
    path, _, _ = book
    with pikepdf.open(path) as pdf:
        programs = {descriptor.FontFile2.objgen for descriptor in pdf.objects
                    if isinstance(descriptor, pikepdf.Dictionary)
                    and descriptor.get("/Type") == "/FontDescriptor" and "/FontFile2" in descriptor}
        names = {str(descriptor.FontName).split("+")[-1] for descriptor in pdf.objects
                 if isinstance(descriptor, pikepdf.Dictionary)
                 and descriptor.get("/Type") == "/FontDescriptor" and "/FontFile2" in descriptor}
        assert len(programs) == len(names)
