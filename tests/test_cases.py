"""Each case of every bundle as a PDF of its own (issue 13): bundel_pdf/<bundle>/<nn>-...

Read back against the content and against the bundle the case comes from: one file per
case, PDF/UA-1 and every tag reachable, the case's pages equal to its pages in the
bundle, its own metadata and outline, a first page that names series and bundle and
links to the whole bundle.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import page
import pikepdf
import pypdfium2 as pdfium
import pytest
import yaml
from conftest import BuiltProject, build_project, make_project, minimal_files
from contentinfo import squash, straight
from pypdf import PdfReader
from tagcheck import unreachable_mcids

ASCII_NAME = re.compile(r"^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.pdf$")


@dataclass(frozen=True)
class Case:
    bundle: str  # slug
    bundle_title: str
    number: int
    titel: str
    plaats: str
    samenvatting: str


def cases_of(content: Path) -> list[Case]:
    """The cases as the editor wrote them, numbered in reading order per bundle."""
    found = []
    for folder in sorted(path for path in content.iterdir() if (path / "bundel.yaml").is_file()):
        meta = yaml.safe_load((folder / "bundel.yaml").read_text("utf-8-sig"))
        number = 0
        for chapter in meta["inhoud"]:
            text = (folder / chapter).read_text("utf-8-sig").replace("\r\n", "\n")
            front = yaml.safe_load(text.split("---\n", 2)[1])
            if front.get("soort") == "casus":
                number += 1
                found.append(Case(folder.name, meta["titel"], number, front["titel"],
                                  front["plaats"], squash(front["samenvatting"])))
    return found


@pytest.fixture(scope="module", params=["reeks-klein", "wij-in-de-wijk"])
def built(request: pytest.FixtureRequest) -> BuiltProject:
    if request.param == "reeks-klein":
        return request.getfixturevalue("reeks_klein")
    return BuiltProject(request.getfixturevalue("shipped_build"))


def case_pdfs(built: BuiltProject) -> dict[str, list[Path]]:
    return {bundle.slug: sorted((built.root / "bundel_pdf" / bundle.slug).glob("*.pdf"))
            for bundle in built.series.bundles}


@functools.cache
def page_texts(path: Path) -> tuple[str, ...]:
    document = pdfium.PdfDocument(path)
    try:
        return tuple(squash(page_.get_textpage().get_text_range()) for page_ in document)
    finally:
        document.close()


def labels(path: Path) -> list[str]:
    return list(PdfReader(path).page_labels)


# --- One file per case ---------------------------------------------------------------

def test_every_case_of_every_bundle_has_one_pdf_named_by_number_place_and_title(built):
    cases = cases_of(built.root / "content")
    assert cases, "the fixture has cases"
    pdfs = case_pdfs(built)
    for bundle in built.series.bundles:
        mine = [case for case in cases if case.bundle == bundle.slug]
        names = [path.name for path in pdfs[bundle.slug]]
        assert len(names) == len(mine), names
        for case, name in zip(mine, names, strict=True):
            assert ASCII_NAME.match(name), name
            assert name.startswith(f"{case.number:02d}-")


def test_every_case_pdf_is_pdf_ua_1_and_every_tag_is_reachable(built):
    for path in (path for paths in case_pdfs(built).values() for path in paths):
        report = page.validate_pdf(path, profile="ua1")
        assert report.is_compliant, (path.name, [(f.rule_id, f.message) for f in report.failures])
        with pikepdf.open(path) as pdf:
            assert unreachable_mcids(pdf) == [], path.name


# --- The case's pages are the bundle's ------------------------------------------------

def test_a_case_pdf_holds_exactly_the_cases_pages_of_the_bundle_with_their_folios(built):
    for slug, paths in case_pdfs(built).items():
        bundle = built.bundle_pdf(slug)
        bundle_labels = labels(bundle)
        for path in paths:
            case_labels = labels(path)
            # The first page is the case's own (roman i); the rest keep the bundle's folios.
            assert case_labels[0] == "i"
            start = bundle_labels.index(case_labels[1])
            pages = len(case_labels) - 1
            assert case_labels[1:] == bundle_labels[start:start + pages]
            assert page_texts(path)[1:] == page_texts(bundle)[start:start + pages], path.name
            # The case ends where the bundle's next chapter (or a blank verso) begins.
            following = page_texts(bundle)[start + pages]
            assert following == "" or following not in page_texts(path)


def test_the_case_opens_on_the_page_after_the_first_with_its_title(built):
    cases = {(case.bundle, case.number): case for case in cases_of(built.root / "content")}
    for slug, paths in case_pdfs(built).items():
        for path in paths:
            case = cases[(slug, int(path.name[:2]))]
            assert squash(case.titel) in page_texts(path)[1]


# --- Its own first page, metadata and outline -------------------------------------------

def test_the_first_page_names_series_bundle_case_pages_and_citation(built):
    series = yaml.safe_load((built.root / "content" / "reeks.yaml").read_text("utf-8"))
    cases = {(case.bundle, case.number): case for case in cases_of(built.root / "content")}
    for slug, paths in case_pdfs(built).items():
        for path in paths:
            case = cases[(slug, int(path.name[:2]))]
            first = page_texts(path)[0]
            folios = labels(path)[1:]
            assert series["titel"] in first and case.bundle_title in first
            assert squash(case.titel) in first
            pages = f"{folios[0]}–{folios[-1]}" if len(folios) > 1 else folios[0]
            assert f"pagina's {pages};" in first if len(folios) > 1 else f"pagina {pages};" in first
            assert f"p. {pages}." in first
            assert "Citeren als" in first and series["uitgever"] in first
            if series.get("colofon", {}).get("licentie"):
                assert squash(series["colofon"]["licentie"])[:40] in first


def test_a_case_of_one_page_gives_one_page_number_not_a_range(tmp_path):
    built = build_project(make_project(tmp_path / "kort", minimal_files()))
    [path] = (built.root / "bundel_pdf" / "testbundel-1").glob("*.pdf")
    [folio] = labels(path)[1:]
    first = page_texts(path)[0]
    assert f"In de bundel op pagina {folio}; de paginanummers" in first
    assert f", p. {folio}. " in first
    assert f"{folio}–{folio}" not in first


def test_the_first_page_links_to_the_whole_bundle_beside_the_case_folder(built):
    for slug, paths in case_pdfs(built).items():
        for path in paths:
            with pikepdf.open(path) as pdf:
                uris = [str(annotation.A.URI) for annotation in pdf.pages[0].Annots
                        if "/A" in annotation and "/URI" in annotation.A]
                described = [str(annotation.get("/Contents", ""))
                             for annotation in pdf.pages[0].Annots]
            assert f"../{slug}.pdf" in uris
            assert (path.parent / f"../{slug}.pdf").resolve() == built.bundle_pdf(slug).resolve()
            assert not any("bundelpers.invalid" in uri for uri in uris)
            assert any(text.startswith("De hele bundel") for text in described)


def test_metadata_names_the_case_and_the_bundle_and_keeps_the_bundles_edition(built):
    cases = {(case.bundle, case.number): case for case in cases_of(built.root / "content")}
    for slug, paths in case_pdfs(built).items():
        with pikepdf.open(built.bundle_pdf(slug)) as whole:
            bundle_dates = (whole.docinfo.get("/CreationDate"), whole.docinfo.get("/ModDate"))
        for path in paths:
            case = cases[(slug, int(path.name[:2]))]
            with pikepdf.open(path) as pdf:
                title = str(pdf.docinfo["/Title"])
                assert squash(case.titel) in title and case.bundle_title in title
                assert straight(squash(str(pdf.docinfo["/Subject"]))) == straight(case.samenvatting)
                assert (pdf.docinfo.get("/CreationDate"), pdf.docinfo.get("/ModDate")) == bundle_dates
                with pdf.open_metadata() as meta:
                    assert squash(case.titel) in meta["dc:title"]
                assert str(pdf.Root.Lang) == built.series.taal


def test_the_outline_is_the_first_page_then_the_case_with_its_sections(built):
    cases = {(case.bundle, case.number): case for case in cases_of(built.root / "content")}
    for slug, paths in case_pdfs(built).items():
        for path in paths:
            case = cases[(slug, int(path.name[:2]))]
            with pikepdf.open(path) as pdf, pdf.open_outline() as outline:
                top = [item.title for item in outline.root]
                assert top[0] == "Over deze overdruk"
                assert squash(top[1]) == squash(case.titel)
                assert outline.root[1].children, "the case's sections are bookmarked"


def test_a_case_pdf_adds_no_blank_page(built):
    for paths in case_pdfs(built).values():
        for path in paths:
            assert "" not in page_texts(path), path.name


# --- When a case changes its name --------------------------------------------------------

def test_a_renamed_case_leaves_no_stale_pdf_and_make_stays_quiet(tmp_path):
    root = make_project(tmp_path / "project", minimal_files())
    build_project(root)
    folder = root / "bundel_pdf" / "testbundel-1"
    assert [path.name for path in folder.glob("*.pdf")] == ["01-oss-een-casus.pdf"]
    case = root / "content" / "testbundel-1" / "casus.md"
    case.write_text(case.read_text("utf-8").replace("titel: Een casus", "titel: Een andere casus"),
                    "utf-8")
    build_project(root)
    assert [path.name for path in folder.glob("*.pdf")] == ["01-oss-een-andere-casus.pdf"]
    again = build_project(root)
    assert "Alles is bij" in again.output
