"""A second, independent PDF/UA opinion (the `pdfua` checker, built on pikepdf),
and the repair it asked for: table header cells with an explicit scope."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest
import weasyprint

from bundelpers.render.tags import repair_tags, scope_table_headers

PDFUA = Path(sys.executable).with_name("pdfua")
TABLE_HTML = """<html lang="nl"><head><title>Tabel</title></head><body>
<table><thead><tr><th scope="col">Jaar</th><th scope="col">Deelnemers</th></tr></thead>
<tbody><tr><td>2020</td><td>12</td></tr><tr><td>2021</td><td>30</td></tr></tbody></table>
</body></html>"""


def _pdfua(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(PDFUA), "check", str(path)], capture_output=True, text=True, timeout=120,
                          check=False)


@pytest.fixture(scope="module")
def table_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("tabel") / "raw.pdf"
    weasyprint.HTML(string=TABLE_HTML).write_pdf(path, pdf_variant="pdf/ua-1")
    return path


def _th_scopes(pdf: pikepdf.Pdf) -> list[str]:
    scopes = []
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == "/TH":
            attributes = obj.get("/A")
            items = list(attributes) if isinstance(attributes, pikepdf.Array) else [attributes]
            scopes += [str(a.Scope) for a in items if isinstance(a, pikepdf.Dictionary) and "/Scope" in a]
    return scopes


def test_weasyprint_alone_leaves_table_headers_without_scope(table_pdf):
    assert _th_scopes(pikepdf.open(table_pdf)) == []
    assert _pdfua(table_pdf).returncode != 0


def test_header_cells_get_column_scope_and_pdfua_passes(table_pdf, tmp_path):
    pdf = pikepdf.open(table_pdf)
    assert scope_table_headers(pdf) == 2
    assert _th_scopes(pdf) == ["/Column", "/Column"]
    repaired = tmp_path / "repaired.pdf"
    pdf.save(repaired)
    result = _pdfua(repaired)
    assert result.returncode == 0, result.stdout


def test_repair_is_idempotent(table_pdf):
    pdf = pikepdf.open(table_pdf)
    repair_tags(pdf, "eenheid")
    assert scope_table_headers(pdf) == 0


def test_table_header_ids_are_registered_in_an_idtree(table_pdf):
    """WeasyPrint gives TH cells an /ID but writes no IDTree; the repair adds one, with
    IDs unique to the unit, so that units assembled into one book never share an ID."""
    pdf = pikepdf.open(table_pdf)
    repair_tags(pdf, "eenheid")
    tree = pikepdf.NameTree(pdf.Root.StructTreeRoot.IDTree)
    ids = [key for key, _ in tree.items()]
    assert len(ids) == 2 and all(key.startswith("eenheid-") for key in ids)
    for key, element in tree.items():
        assert str(element.ID) == key


def test_every_shipped_pdf_passes_pdfua_without_findings(shipped_build):
    pdfs = sorted((shipped_build / "bundel_pdf").glob("*.pdf"))
    assert len(pdfs) >= 4
    for path in pdfs:
        result = _pdfua(path)
        assert result.returncode == 0, f"{path.name}:\n{result.stdout[-2000:]}"
