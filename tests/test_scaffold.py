"""`bundelpers nieuw`: a new case or bundle in one command, valid from the start."""

from __future__ import annotations

import pypdf
from badinput import run_cli_in_process
from conftest import BUNDLE_YAML, minimal_files, run_cli

COMMENTED_BUNDLE = BUNDLE_YAML.replace("nummer: 1\n", "# Onze eerste bundel.\nnummer: 1   # niet veranderen\n") \
    .replace("  - casus.md\n", "  - casus.md\n  - slot.md   # het slot blijft achteraan\n") + "# einde\n"


def _files() -> dict[str, str]:
    files = minimal_files()
    files["content/testbundel-1/bundel.yaml"] = COMMENTED_BUNDLE
    files["content/testbundel-1/slot.md"] = "---\ntitel: Slot\n---\n\nTot slot.\n"
    return files


def test_new_case_is_written_beside_the_other_cases_listed_after_the_last_and_the_file_kept(project_factory):
    root = project_factory(_files())
    result = run_cli_in_process(root, "nieuw", "casus", "1", "Buurtkeuken", "'s-Hertogenbosch")
    assert result.returncode == 0, result.stderr
    assert "content/testbundel-1/buurtkeuken-s-hertogenbosch.md" in result.stdout
    assert "Open dit bestand" in result.stdout
    after = (root / "content/testbundel-1/bundel.yaml").read_text()
    assert after == COMMENTED_BUNDLE.replace(
        "  - casus.md\n", "  - casus.md\n  - buurtkeuken-s-hertogenbosch.md\n")
    case = (root / "content/testbundel-1/buurtkeuken-s-hertogenbosch.md").read_text()
    assert "\ntitel: Buurtkeuken 's-Hertogenbosch\n" in case
    assert case.count("\n# ") > 20  # every field is explained


def _only_sample_text_warnings(stderr: str, files: int) -> bool:
    """The one warning a fresh skeleton should give: its sample text is still there."""
    warnings = [line for line in stderr.split("\n") if ": waarschuwing: " in line]
    return len(warnings) == files and all("voorbeeldtekst uit het sjabloon" in w for w in warnings)


def test_a_new_case_checks_with_only_the_sample_text_warning_and_builds(project_factory):
    root = project_factory(_files())
    assert run_cli_in_process(root, "nieuw", "casus", "testbundel-1", "De Moestuin").returncode == 0
    check = run_cli_in_process(root, "check")
    assert check.returncode == 0 and _only_sample_text_warnings(check.stderr, 1), check.stderr
    build = run_cli(root, "build")
    assert build.returncode == 0, build.stderr
    text = "".join(page.extract_text() for page in pypdf.PdfReader(root / "bundel_pdf/testbundel-1.pdf").pages)
    assert "De Moestuin" in text and "Aanleiding" in text


def test_new_case_refuses_an_unknown_bundle_with_a_suggestion_and_an_existing_file(project_factory):
    root = project_factory(_files())
    unknown = run_cli_in_process(root, "nieuw", "casus", "testbundel-2", "X")
    assert unknown.returncode == 1
    assert "Er is geen bundel 'testbundel-2'" in unknown.stderr and "'testbundel-1'" in unknown.stderr
    assert run_cli_in_process(root, "nieuw", "casus", "1", "X").returncode == 0
    again = run_cli_in_process(root, "nieuw", "casus", "1", "X")
    assert again.returncode == 1 and "bestaat al" in again.stderr


def test_new_bundle_gets_the_next_number_and_checks_with_only_sample_text_warnings(project_factory):
    root = project_factory(_files())
    result = run_cli_in_process(root, "nieuw", "bundel")
    assert result.returncode == 0, result.stderr
    assert "content/testreeks-2/bundel.yaml" in result.stdout
    bundle = (root / "content/testreeks-2/bundel.yaml").read_text()
    assert "nummer: 2\n" in bundle and "titel: Testreeks 2\n" in bundle
    assert run_cli_in_process(root, "nieuw", "casus", "2", "Eerste casus").returncode == 0
    check = run_cli_in_process(root, "check")
    assert check.returncode == 0 and _only_sample_text_warnings(check.stderr, 3), check.stderr


def test_sample_text_left_from_the_skeleton_is_a_warning_once_per_file(project_factory):
    root = project_factory(_files())
    assert run_cli_in_process(root, "nieuw", "casus", "1", "Het Buurtpunt").returncode == 0
    case = root / "content/testbundel-1/het-buurtpunt.md"
    text = case.read_text()
    case.write_text(text.replace("Wat ging goed, en waaraan zag je dat?", "Veel ging goed."))
    result = run_cli_in_process(root, "check")
    assert result.returncode == 0
    [line] = [line for line in result.stderr.split("\n") if "waarschuwing" in line]
    assert "het-buurtpunt.md:" in line and "voorbeeldtekst uit het sjabloon" in line and "(en ook op regel" in line
