"""How problems reach the editor: all at once, sorted, located; and none for the shipped content."""

from __future__ import annotations

import re
import time

from conftest import BUNDLE_YAML, CASE_MD, REPO, minimal_files, run_cli

from bundelpers.errors import ContentError, Fix, Problem
from bundelpers.read.yamlload import YamlProblem, load_yaml

LOCATED = re.compile(r"^(content/\S+?):(\d+)(?::\d+)?: (fout|waarschuwing): ")


def _three_problems_in_two_files() -> dict[str, str]:
    files = minimal_files()
    # nummer moves to the bottom, so the order of discovery (field order) differs from line order.
    bundle = BUNDLE_YAML.replace("nummer: 1\n", "").replace('kleur: "#2E6F8E"', 'kleur: "rood"')
    files["content/testbundel-1/bundel.yaml"] = bundle + 'nummer: "1"\n'
    files["content/testbundel-1/casus.md"] = CASE_MD.replace("soort: casus", "soort: verhaal")
    return files


def test_all_problems_of_one_run_are_reported_together_sorted_by_file_and_line(project_factory):
    result = run_cli(project_factory(_three_problems_in_two_files()), "check")

    assert result.returncode == 1
    located = [LOCATED.match(line) for line in result.stderr.splitlines()]
    found = [(m.group(1), int(m.group(2))) for m in located if m]
    assert found == [
        ("content/testbundel-1/bundel.yaml", 9),   # kleur
        ("content/testbundel-1/bundel.yaml", 13),  # nummer
        ("content/testbundel-1/casus.md", 2),      # soort
    ]
    assert "los eerst de 3 fouten hierboven op" in result.stderr


def test_each_problem_has_its_hint_indented_under_it(project_factory):
    result = run_cli(project_factory(_three_problems_in_two_files()), "check")
    lines = result.stderr.splitlines()
    kleur = next(i for i, line in enumerate(lines) if "bundel.yaml:9:" in line)
    assert lines[kleur + 1:kleur + 5] == [
        '    9 | kleur: "rood"',
        "      |        ^^^^^^",
        "    Kleurnamen kent bundelpers niet; zo schrijf je rood als kleurcode:",
        '    Schrijf: `kleur: "#B03A2E"`',
    ]


def test_problems_sort_by_file_then_line_number_and_keep_reading_order_within_a_line():
    problems = [Problem("b.md", 10, "x"), Problem("a.yaml", 12, "y"), Problem("b.md", 9, "z"),
                Problem("a.yaml", 2, "w"), Problem("b.md", 9, "a")]
    error = ContentError(problems)
    assert [(p.file, p.line, p.message) for p in error.problems] == [
        ("a.yaml", 2, "w"), ("a.yaml", 12, "y"), ("b.md", 9, "z"), ("b.md", 9, "a"), ("b.md", 10, "x")]


def test_problem_format_names_file_line_severity_and_hint():
    problem = Problem("content/x/bundel.yaml", 3, "Iets klopt niet.", "Doe dit.")
    assert problem.format() == "content/x/bundel.yaml:3: fout: Iets klopt niet.\n    Doe dit."
    assert Problem("content/oud", 0, "Map.").format() == "content/oud: fout: Map."


def test_problem_format_quotes_the_line_with_a_caret_and_the_fix():
    problem = Problem("content/x/bundel.yaml", 1, "'nummer' moet een heel getal zijn; er staat `drie`.",
                      "Schrijf het getal in cijfers:", column=9, width=4, key="nummer", value="drie",
                      source="nummer: drie", fix=Fix("replace", 1, ("nummer: 3",)))
    assert problem.format().split("\n") == [
        "content/x/bundel.yaml:1:9: fout: 'nummer' moet een heel getal zijn; er staat `drie`.",
        "    1 | nummer: drie",
        "      |         ^^^^",
        "    Schrijf het getal in cijfers:",
        "    Schrijf: `nummer: 3`",
    ]


def test_invisible_characters_are_drawn_in_the_quoted_line():
    problem = Problem("c.yaml", 2, "m", column=8, source="plaats:\u00a0Oss\u200b")
    assert problem.format().split("\n")[1:3] == ["    2 | plaats:␣Oss¦", "      |        ^"]


def test_counts_are_dutch_without_brackets():
    from bundelpers import messages as msg

    assert [msg.errors(1), msg.errors(3), msg.warnings(1), msg.warnings(2)] == [
        "1 fout", "3 fouten", "1 waarschuwing", "2 waarschuwingen"]


def test_shipped_content_checks_clean_without_warnings():
    result = run_cli(REPO, "check")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert "De inhoud is in orde" in result.stdout


def test_alias_bomb_is_refused_in_well_under_a_second():
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 12)]
    started = time.perf_counter()
    try:
        load_yaml("\n".join(lines))
    except YamlProblem as problem:
        assert problem.line == 1
    else:
        raise AssertionError("alias bomb accepted")
    assert time.perf_counter() - started < 1.0


def test_leading_zero_is_a_decimal_number_not_octal():
    assert load_yaml("nummer: 012\n").data == {"nummer": 12}


def test_a_long_line_is_shown_around_the_spot_and_fixed_by_naming_the_changed_words():
    source = "Een lange alinea " * 8 + "met negen initiatieven erin, " + "en nog meer tekst " * 5
    column = source.index("negen") + 1
    fixed = source.replace("negen", "tien")
    problem = Problem("c.md", 7, "m", column=column, width=5, source=source, fix=Fix("replace", 7, (fixed,)))
    lines = problem.format().split("\n")
    assert lines[1].startswith("    7 | …") and lines[1].endswith("…") and len(lines[1]) < 90
    assert lines[1].index("negen") == lines[2].index("^") and lines[2].count("^") == 5
    assert lines[3] == "    Vervang op deze regel `negen` door `tien`."
