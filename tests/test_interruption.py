"""A build killed mid-render leaves the previous PDFs whole and nothing half-written
where readers look; the next build recovers. Two builds at once do not race."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import minimal_files, run_cli
from pypdf import PdfReader

LONG_CHAPTER = "---\ntitel: Een lang hoofdstuk\n---\n\n" + "\n\n".join(
    f"## Deel {n}\n\n" + " ".join(["De buurt maakt samen plannen voor het plein."] * 60)
    for n in range(1, 25)
)


def _files() -> dict[str, str]:
    files = minimal_files()
    files["content/testbundel-1/inleiding.md"] = LONG_CHAPTER
    return files


def _start_build(project: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "bundelpers.cli", "build", "--project", str(project)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def test_sigkill_mid_render_leaves_the_previous_pdf_intact_and_no_temporaries(project_factory):
    project = project_factory(_files())
    assert run_cli(project, "build").returncode == 0
    pdf = project / "bundel_pdf" / "testbundel-1.pdf"
    before = pdf.read_bytes()
    published = sorted(p.relative_to(project).as_posix() for p in (project / "bundel_pdf").rglob("*"))

    bundle_yaml = project / "content/testbundel-1/bundel.yaml"
    bundle_yaml.write_text(bundle_yaml.read_text().replace("Testbundel 1", "Testbundel 1 herzien"))
    process = _start_build(project)
    # A build says when it starts typesetting a book (the long chapter takes seconds).
    line = process.stdout.readline().decode()
    assert "delen te zetten" in line, line
    time.sleep(0.3)
    assert process.poll() is None, "build finished before it could be interrupted"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()

    assert pdf.read_bytes() == before
    # The PDFs, the case PDFs and the download page as they were; nothing half-written.
    assert sorted(p.relative_to(project).as_posix()
                  for p in (project / "bundel_pdf").rglob("*")) == published

    again = run_cli(project, "build")
    assert again.returncode == 0, again.stderr
    assert "Testbundel 1 herzien" in PdfReader(pdf).pages[0].extract_text()
    assert not list(project.rglob(".*.tmp"))


def test_two_builds_at_once_both_succeed_with_identical_pdfs(project_factory):
    project = project_factory()
    first, second = _start_build(project), _start_build(project)
    assert first.wait(timeout=300) == 0, first.stderr.read().decode()
    assert second.wait(timeout=300) == 0, second.stderr.read().decode()
    for pdf in (project / "bundel_pdf").glob("*.pdf"):
        assert PdfReader(pdf).pages
    assert not list(project.rglob(".*.tmp"))
