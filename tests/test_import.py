"""`bundelpers importeer`: a case written in Word becomes a case that checks and renders."""

from __future__ import annotations

import pikepdf
import pypdf
from badinput import run_cli_in_process
from conftest import minimal_files, run_cli
from docxbuild import case_document

CASE_FILE = "content/testbundel-1/soep.md"  # beside the bundle's other case


def _imported(project_factory, tmp_path, **options):
    root = project_factory(minimal_files())
    docx = case_document(tmp_path / "Soep.docx", **options)
    result = run_cli_in_process(root, "importeer", str(docx), "--bundel", "testbundel-1")
    return root, result


def test_word_structure_becomes_the_contract_markdown(project_factory, tmp_path):
    root, result = _imported(project_factory, tmp_path)
    assert result.returncode == 0, result.stderr
    assert CASE_FILE in result.stdout
    text = (root / CASE_FILE).read_text()
    front, body = text.split("\n---\n", 2)[0], text.split("\n---\n", 2)[1]
    assert "\ntitel: Soep voor de hele straat\n" in front
    assert "samenvatting: >-\n  Elke donderdag kookt een groep buren soep voor wie maar wil aanschuiven.\n" in front
    assert "## Aanleiding\n\nHet begon met **één** grote pan en *veel* buren die elkaar nog niet kenden." in body
    assert "- boodschappen halen op woensdag\n- koken op donderdag\n- samen afwassen" in body
    assert "### Wie doet wat" in body
    assert "Tabel: Taken in de groep\n\n| Wie | Taak |\n|---|---|\n| Fatma | recepten |\n| Henk | sleutel van de zaal |" in body
    assert "Tabel: Eters per week\n\n| Jaar | Eters |\n|---|---|\n| 2020 | 12 |\n| 2021 | 40 |" in body
    assert "Tabel 1" not in body and "Tabel 2" not in body, "the book numbers its tables itself"
    assert "![Een pan soep op een lange tafel in het buurthuis](beeld/soep-1.png)" in body
    assert "elke week veertig buren aan.[^1]" in body
    assert body.rstrip().endswith("[^1]: Telling van de vrijwilligers, voorjaar 2021.")
    assert (root / "content/testbundel-1/beeld/soep-1.png").is_file()
    assert "  - soep.md\n" in (root / "content/testbundel-1/bundel.yaml").read_text()


def test_the_imported_case_checks_clean_and_renders_headings_list_table_footnote_and_image(project_factory, tmp_path):
    root, result = _imported(project_factory, tmp_path)
    assert result.returncode == 0, result.stderr
    check = run_cli_in_process(root, "check")
    assert check.returncode == 0, check.stderr
    assert "`Plaatsnaam`" in check.stderr  # the one thing the report asks to fill in
    case = root / CASE_FILE
    case.write_text(case.read_text().replace("plaats: Plaatsnaam", "plaats: Oss"))
    check = run_cli_in_process(root, "check")
    assert check.returncode == 0 and check.stderr == "", check.stderr
    build = run_cli(root, "build")
    assert build.returncode == 0, build.stderr
    pdf_path = root / "bundel_pdf/testbundel-1.pdf"
    text = " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(pdf_path).pages)
    for expected in ("Soep voor de hele straat", "Aanleiding", "Wie doet wat", "koken op donderdag",
                     "Tabel 3.1 Taken in de groep", "Tabel 3.2 Eters per week",
                     "sleutel van de zaal", "Telling van de vrijwilligers, voorjaar 2021."):
        assert expected in text, expected
    with pikepdf.open(pdf_path) as pdf:
        images = [name for page in pdf.pages for name in page.get_images()]
        alts = [str(element.get("/Alt")) for element in _structure(pdf.Root.StructTreeRoot)
                if element.get("/S") == "/Figure" and element.get("/Alt") is not None]
    assert images, "the Word picture is in the PDF"
    assert "Een pan soep op een lange tafel in het buurthuis" in alts


def test_what_could_not_be_converted_is_listed(project_factory, tmp_path):
    root, result = _imported(project_factory, tmp_path, alt="")
    assert result.returncode == 0
    assert "Niet (helemaal) overgenomen" in result.stdout
    assert "soep-1.png heeft in Word geen alternatieve tekst" in result.stdout
    check = run_cli_in_process(root, "check")
    assert check.returncode == 1 and "heeft geen alt-tekst" in check.stderr


def test_a_file_that_is_not_a_word_document_is_refused_in_dutch(project_factory, tmp_path):
    root = project_factory(minimal_files())
    (tmp_path / "brief.txt").write_text("geen Word")
    result = run_cli_in_process(root, "importeer", str(tmp_path / "brief.txt"), "--bundel", "1")
    assert result.returncode == 1 and "geen Word-bestand (.docx)" in result.stderr


def _structure(node, depth: int = 0):  # type: ignore[no-untyped-def]
    if depth > 60 or not isinstance(node, pikepdf.Dictionary):
        return
    yield node
    kids = node.get("/K")
    for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
        yield from _structure(kid, depth + 1)
