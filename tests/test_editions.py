"""Two editions of a bundle can be told apart (issue 13): `druk` and `bijgewerkt` reach
the PDF's metadata (ModDate, XMP ModifyDate and VersionID), the per-case PDFs made from
it, and the download page; the date of first publication stays."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from conftest import build_project, make_project, minimal_files


def metadata(path: Path) -> dict[str, str]:
    with pikepdf.open(path) as pdf:
        info = {"CreationDate": str(pdf.docinfo.get("/CreationDate", "")),
                "ModDate": str(pdf.docinfo.get("/ModDate", ""))}
        # Read only: leaving the block must not write the XMP back into the Info dictionary.
        meta = pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False)
        return {**info, **{key: str(meta.get(key, "")) for key in
                           ("xmp:CreateDate", "xmp:ModifyDate", "xmpMM:VersionID")}}


@pytest.fixture(scope="module")
def editions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:
    root = make_project(tmp_path_factory.mktemp("druk") / "project", minimal_files())
    output = root / "bundel_pdf"
    files = {"bundel": output / "testbundel-1.pdf",
             "casus": output / "testbundel-1" / "01-oss-een-casus.pdf",
             "verzamelbundel": output / "testreeks-verzamelbundel.pdf"}
    build_project(root)
    first = {name: metadata(path) for name, path in files.items()}
    first["pagina"] = (output / "index.html").read_text("utf-8")
    bundle = root / "content" / "testbundel-1" / "bundel.yaml"
    bundle.write_text(bundle.read_text("utf-8") + "druk: 2\nbijgewerkt: 2024-03-05\n", "utf-8")
    build_project(root)
    second = {name: metadata(path) for name, path in files.items()}
    second["pagina"] = (output / "index.html").read_text("utf-8")
    return {"first": first, "second": second}


@pytest.mark.parametrize("name", ["bundel", "casus"])
def test_a_new_edition_changes_the_modification_date_and_version_not_the_creation(editions, name):
    first, second = editions["first"][name], editions["second"][name]
    assert first["CreationDate"] == second["CreationDate"] == "D:20211118000000Z"
    assert first["ModDate"] == "D:20211118000000Z"
    assert second["ModDate"] == "D:20240305000000Z"
    assert second["xmp:CreateDate"].startswith("2021-11-18")
    assert second["xmp:ModifyDate"].startswith("2024-03-05")
    assert first["xmpMM:VersionID"] == ""
    assert second["xmpMM:VersionID"] == "Tweede druk"


def test_the_verzamelbundel_is_as_new_as_its_newest_part(editions):
    assert editions["second"]["verzamelbundel"]["ModDate"] == "D:20240305000000Z"
    assert editions["first"]["verzamelbundel"]["ModDate"] == "D:20211118000000Z"


def test_the_download_page_shows_the_edition(editions):
    assert "Eerste druk, verschenen 18 november 2021" in editions["first"]["pagina"]
    assert "Tweede druk, verschenen 18 november 2021, bijgewerkt 5 maart 2024" \
        in editions["second"]["pagina"]
    # Citing the second edition: its year and its name.
    assert "(2024)" in editions["second"]["pagina"] and "(tweede druk)" in editions["second"]["pagina"]
