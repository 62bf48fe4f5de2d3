"""Every stream of every PDF decodes, the way a strict reader (MuPDF) reads it: a blank
page with a zero-length stream marked FlateDecode is reported as "premature end of data
in flate filter", which plain WeasyPrint output never has."""

from __future__ import annotations

import shutil
import subprocess
import zlib
from pathlib import Path

import pikepdf
import pytest
from conftest import BuiltProject


@pytest.fixture(scope="module")
def pdfs(shipped_build: Path) -> list[Path]:
    found = BuiltProject(shipped_build).pdfs
    assert len(found) == 4
    return found


def test_every_flate_stream_of_every_pdf_inflates(pdfs: list[Path]) -> None:
    broken = []
    for path in pdfs:
        with pikepdf.open(path) as pdf:
            for obj in pdf.objects:
                if isinstance(obj, pikepdf.Stream) and obj.get("/Filter") == "/FlateDecode":
                    raw = obj.read_raw_bytes()
                    try:
                        zlib.decompress(raw)
                    except zlib.error:
                        broken.append((path.name, obj.objgen, len(raw)))
    assert broken == []


def test_a_zero_length_flate_stream_would_be_caught(tmp_path: Path) -> None:
    """The check above can fail: this is the stream the old blank pages carried."""
    with pytest.raises(zlib.error):
        zlib.decompress(b"")


@pytest.mark.skipif(shutil.which("mutool") is None, reason="mupdf-tools is installed by `make test`")
def test_mupdf_draws_every_page_without_a_warning(pdfs: list[Path], tmp_path: Path) -> None:
    for path in pdfs:
        result = subprocess.run(["mutool", "draw", "-q", "-o", str(tmp_path / "p%d.png"), "-r", "20",
                                 str(path)], capture_output=True, text=True, timeout=600, check=False)
        assert result.returncode == 0, result.stderr
        # Debian's mutool is built without colour management and says so for any PDF with
        # an output intent, plain WeasyPrint output included: not a finding about the file.
        warnings = [line for line in result.stderr.splitlines()
                    if line.strip() and "ICC support is not available" not in line]
        assert warnings == [], f"{path.name}: {warnings[:5]}"
