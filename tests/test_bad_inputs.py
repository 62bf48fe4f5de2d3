"""Every refusal of the content contract, proved through the command line.

Each case in tests/bad_inputs/ is one defect on top of the minimal project (see
tests/badinput.py for the format). A refused case must name file and line, say
what is wrong in the expected words, print no traceback, and leave the existing
PDF untouched; an accepted case must build.

Refused cases call the CLI's `main()` in this process: interpreter start-up and
imports cost about a second per subprocess, which for a hundred cases is most of
the run. Accepted cases go through a real `bundelpers` subprocess (`run_cli`),
end to end, because they render anyway.
"""

from __future__ import annotations

import time

import pytest
from badinput import Case, build_case, load_cases, run_cli_in_process
from conftest import run_cli

CASES = load_cases()
SENTINEL = b"%PDF-1.7\n% sentinel: a refused build must not touch this file\n"


def test_corpus_is_large_enough():
    assert len(CASES) >= 45
    assert len({case.name.split("-", 1)[0] for case in CASES}) == len(CASES), "case numbers repeat"


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input(case: Case, tmp_path):
    project = build_case(tmp_path / "project", case)
    pdf = project / "bundel_pdf" / "testbundel-1.pdf"
    pdf.parent.mkdir()
    pdf.write_bytes(SENTINEL)

    started = time.perf_counter()
    result = (run_cli if case.exit == 0 else run_cli_in_process)(project, case.command)
    seconds = time.perf_counter() - started
    output = result.stdout + result.stderr

    assert "Traceback" not in output, output
    assert result.returncode == case.exit, f"{case.description}\n{output}"
    if case.where is not None:
        assert case.where.search(result.stderr), f"expected '{case.where.pattern}' in:\n{result.stderr}"
    for word in case.words:
        assert word.casefold() in output.casefold(), f"expected '{word}' in:\n{output}"
    for word in case.absent:
        assert word.casefold() not in output.casefold(), f"did not expect '{word}' in:\n{output}"
    if case.exit == 0 and case.file is None:
        assert "fout" not in result.stderr and "waarschuwing" not in result.stderr, result.stderr
    if case.exit != 0:
        assert pdf.read_bytes() == SENTINEL, "a refused build changed the existing PDF"
        assert "Er is niets gebouwd" in result.stderr
    assert seconds < case.max_seconds, f"took {seconds:.1f} s"


@pytest.mark.parametrize("name", ["001-yaml-tab-indentation", "059-not-utf8", "089-yaml-python-tag"])
def test_refusals_read_the_same_from_a_real_subprocess(name: str, tmp_path):
    case = next(case for case in CASES if case.name == name)
    project = build_case(tmp_path / "project", case)
    in_process = run_cli_in_process(project, "build")
    real = run_cli(project, "build")
    assert (real.returncode, real.stdout, real.stderr) == (
        in_process.returncode, in_process.stdout, in_process.stderr)
