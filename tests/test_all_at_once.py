"""All problems at once: a broken file never hides the problems of the files under it."""

from __future__ import annotations

from badinput import run_cli_in_process
from conftest import BUNDLE_YAML, CASE_MD, minimal_files
from printed import parse

BUNDLE = "content/testbundel-1/bundel.yaml"
CASE = "content/testbundel-1/casus.md"

BROKEN_BODY = CASE_MD.replace("## Aanpak\n\nTekst.", (
    "# Aanpak\n\n"                           # a '#' heading (line 13)
    "![](beeld/foto.png)\n\n"                # no alt text (line 15)
    "![Een plein](beeld/plein.png)\n"        # a missing image (line 17)
))


def _located(output: str) -> set[tuple[str, int]]:
    return {(p.file, p.line) for p in parse(output) if p.severity == "fout"}


def test_one_run_reports_bundle_front_matter_and_body_problems_together(project_factory):
    files = minimal_files()
    files[BUNDLE] = BUNDLE_YAML.replace("verschenen: 2021-11-18", "verschenen: 2021-02-30")
    files[CASE] = BROKEN_BODY.replace("plaats: Oss", "plaats: Oss\nnummer: 3")
    result = run_cli_in_process(project_factory(files), "check")
    assert result.returncode == 1
    assert _located(result.stderr) == {
        (BUNDLE, 6),   # the impossible date
        (CASE, 6),     # an unknown key in the front matter
        (CASE, 14),    # the '#' heading
        (CASE, 16),    # the image without alt text (and missing)
        (CASE, 18),    # the missing image
    }, result.stderr
    assert "los eerst de 6 fouten hierboven op" in result.stderr  # foto.png is missing too


def test_a_bundle_file_that_is_not_yaml_does_not_hide_its_chapters(project_factory):
    files = minimal_files()
    files[BUNDLE] = BUNDLE_YAML.replace("titel: Testbundel 1", 'titel: "Testbundel 1')
    files[CASE] = BROKEN_BODY
    result = run_cli_in_process(project_factory(files), "check")
    assert _located(result.stderr) == {(BUNDLE, 2), (CASE, 13), (CASE, 15), (CASE, 17)}, result.stderr


def test_a_front_matter_that_is_not_yaml_does_not_hide_the_body(project_factory):
    files = minimal_files()
    files[CASE] = BROKEN_BODY.replace("titel: Een casus", "titel: Een casus: met dubbele punt")
    result = run_cli_in_process(project_factory(files), "check")
    assert _located(result.stderr) == {(CASE, 3), (CASE, 13), (CASE, 15), (CASE, 17)}, result.stderr


def test_every_character_the_fonts_cannot_set_is_reported_not_only_the_first_of_a_line(project_factory):
    files = minimal_files()
    files[CASE] = CASE_MD.replace("## Aanpak\n\nTekst.", "## Aanpak\n\nFeest 🎉 en 🎈 en ☕.")
    result = run_cli_in_process(project_factory(files), "check")
    found = [(p.line, p.column) for p in parse(result.stderr) if p.severity == "fout"]
    assert found == [(15, 7), (15, 12), (15, 17)], result.stderr


def test_word_habits_on_many_lines_are_all_reported_and_the_rest_of_the_file_still_checked(project_factory):
    files = minimal_files()
    files[BUNDLE] = (BUNDLE_YAML.replace("titel: Testbundel 1", "titel:\u00a0Testbundel 1")
                     .replace("focus: bridging", "focus: “bridging”").replace("jaar: 2021", "jaar: twintig"))
    result = run_cli_in_process(project_factory(files), "check")
    assert _located(result.stderr) == {(BUNDLE, 2), (BUNDLE, 4), (BUNDLE, 5)}, result.stderr
