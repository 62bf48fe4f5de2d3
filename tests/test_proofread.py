"""`bundelpers check` proofreads: unknown Dutch words and stale case counts, as warnings only."""

from __future__ import annotations

from badinput import run_cli_in_process
from conftest import CASE_MD, INTRO_MD, minimal_files
from printed import follow, parse

INTRO = "content/testbundel-1/inleiding.md"


def _check(project_factory, files):
    root = project_factory(files)
    return root, run_cli_in_process(root, "check")


def test_an_unknown_word_is_a_warning_with_place_and_suggestions_and_the_check_passes(project_factory):
    files = minimal_files()
    files[INTRO] = INTRO_MD.replace("Dit is de inleiding", "Dit is de inlieding")
    _, result = _check(project_factory, files)
    assert result.returncode == 0, result.stderr
    [warning] = parse(result.stderr)
    assert (warning.where, warning.severity) == (f"{INTRO}:7:11", "waarschuwing")
    assert warning.message == "Onbekend woord: `inlieding`."
    assert warning.caret == "          ^^^^^^^^^"
    assert "inleiding" in warning.hints[0] and "content/woordenlijst.txt" in warning.hints[0]


def test_words_in_the_word_list_and_names_in_markup_are_not_warned_about(project_factory):
    files = minimal_files()
    files[INTRO] = INTRO_MD.replace(
        "Dit is de inleiding", "Kloosterbuurtjes schreef [Wiebrenske](https://www.example.org/wbrnsk) "
        "in `kdbrsk` en <!-- ntzkl --> Dit is de inleiding")
    files["content/woordenlijst.txt"] = "# namen\nKloosterbuurtjes\nwiebrenske\n"
    _, result = _check(project_factory, files)
    assert result.returncode == 0 and result.stderr == "", result.stderr


def test_each_unknown_word_is_named_once_per_file(project_factory):
    files = minimal_files()
    files[INTRO] = INTRO_MD.replace("Dit is de inleiding", "Het wijkfeestje van Zwrtsk. Zwrtsk zwrtsk. Dit is de inleiding")
    _, result = _check(project_factory, files)
    assert [p.message for p in parse(result.stderr)] == ["Onbekend woord: `Zwrtsk`."], result.stderr


def test_a_number_word_that_no_longer_matches_the_cases_is_warned_with_a_fix(project_factory):
    files = minimal_files()
    files["content/testbundel-1/bundel.yaml"] = files["content/testbundel-1/bundel.yaml"].replace(
        "  - casus.md\n", "  - casus.md\n  - casus2.md\n")
    files["content/testbundel-1/casus2.md"] = CASE_MD
    files[INTRO] = INTRO_MD.replace("Dit is de inleiding", "Deze drie initiatieven vormen de inleiding")
    root, result = _check(project_factory, files)
    assert result.returncode == 0
    [warning] = parse(result.stderr)
    assert warning.where == f"{INTRO}:7:6"
    assert warning.message == "Hier staat `drie initiatieven`, maar deze bundel heeft 2 casussen."
    assert "Schrijf: `Deze twee initiatieven vormen de inleiding van de testbundel.`" in result.stderr
    follow(root, [warning])
    again = run_cli_in_process(root, "check")
    assert again.returncode == 0 and again.stderr == "", again.stderr


def test_a_small_part_named_once_is_not_taken_for_the_bundle_count(project_factory):
    files = minimal_files()
    files[INTRO] = INTRO_MD.replace("Dit is de inleiding", "Zeven casussen kwamen niet verder dan een plan. Dit is de inleiding")
    _, result = _check(project_factory, files)
    assert result.returncode == 0 and result.stderr == "", result.stderr


def test_without_hunspell_the_check_says_so_once_and_still_passes(project_factory, monkeypatch):
    from bundelpers.proofread import spelling

    monkeypatch.setattr(spelling.shutil, "which", lambda name: None)
    _, result = _check(project_factory, minimal_files())
    assert result.returncode == 0
    assert [p.message for p in parse(result.stderr)] == [(
        "De spellingcontrole is overgeslagen: het programma hunspell of het Nederlandse woordenboek ontbreekt. "
        "Draai 'make' om ze te installeren.")]


def test_a_table_without_a_title_is_warned_and_the_fix_gives_it_one_from_its_column_heads(project_factory):
    files = minimal_files()
    table = "| Jaar | Bezoekers | NS-stations |\n|---|---:|---:|\n| 2022 | 340 | 2 |\n"
    files[INTRO] = INTRO_MD + "\n" + table
    root, result = _check(project_factory, files)
    assert result.returncode == 0, result.stderr
    [warning] = parse(result.stderr)
    assert (warning.where, warning.severity) == (f"{INTRO}:9:1", "waarschuwing")
    assert warning.message.startswith("Deze tabel heeft geen titel.")
    assert warning.caret == "^" * len("| Jaar | Bezoekers | NS-stations |")
    assert "Tabel: Jaar, bezoekers en NS-stations" in result.stderr
    follow(root, [warning])
    assert "\nTabel: Jaar, bezoekers en NS-stations\n\n| Jaar" in (root / INTRO).read_text("utf-8")
    again = run_cli_in_process(root, "check")
    assert again.returncode == 0 and again.stderr == "", again.stderr


def test_a_table_title_over_two_lines_and_a_table_in_a_code_block_are_not_warned_about(project_factory):
    files = minimal_files()
    files[INTRO] = INTRO_MD + ("\nTabel: Wie er kwamen, per jaar\nen per buurt\n\n| Jaar | Buurt |\n|---|---|\n"
                               "| 2022 | Oost |\n\n```\n| a | b |\n|---|---|\n```\n")
    _, result = _check(project_factory, files)
    assert result.returncode == 0 and result.stderr == "", result.stderr


def test_the_texts_of_the_series_file_are_proofread_too_but_not_its_web_addresses(project_factory):
    files = minimal_files()
    files["content/reeks.yaml"] += ("colofon:\n  toelichting: Alle namen zijn verzonen; de adressen wijzen\n"
                                    "    naar example.org/reeks en www.example.org.\n")
    _, result = _check(project_factory, files)
    assert result.returncode == 0, result.stderr
    [warning] = parse(result.stderr)
    assert (warning.where, warning.severity) == ("content/reeks.yaml:9:32", "waarschuwing")
    assert warning.message == "Onbekend woord: `verzonen`."
    assert "verzonnen" in warning.hints[0]
