"""Whatever an editor types, reading content ends in a model or in located problems.

Arbitrary text goes into front matter values, whole front matter blocks and
chapter bodies; the loading and checking stages (no rendering) must never raise,
and every problem must name the chapter file and a line inside it.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from conftest import BUNDLE_YAML, SERIES_YAML, make_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bundelpers.errors import ProblemLog
from bundelpers.prepare.book import prepare_series
from bundelpers.read.content import load_series

CHAPTER = "content/testbundel-1/inleiding.md"
BUNDLE = BUNDLE_YAML.replace("  - casus.md\n", "")
LIMITS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that reaches the interesting corners: YAML and Markdown syntax, URLs, HTML, control characters.
PIECES = st.sampled_from([
    "#", "##", "####", ">", "- ", "* ", "1. ", "**", "_", "`", "```", "[", "]", "(", ")", "!", "[^1]",
    "::: kader ", ":::", "<!--", "-->", "<b>", "</b>", "<div>", "javascript:", "http://x.nl", "mailto:a@b.nl",
    "beeld/a.png", "../", "/etc/", ": ", "---", "...", "&a", "*a", "!!python/object", '"', "'", "|", "{", "}",
    "\t", "\r", "\n", "\n\n", "\x00", "\x07", "\ufeff", "é", "ĳ", "  ", "titel", "2021-02-30", "0x1F", "~",
])
TEXT = st.one_of(st.text(max_size=200), st.lists(PIECES | st.text(max_size=5), max_size=40).map("".join))


def _check(chapter_text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = make_project(Path(folder), {
            "content/reeks.yaml": SERIES_YAML,
            "content/testbundel-1/bundel.yaml": BUNDLE,
            CHAPTER: chapter_text,
        })
        log = ProblemLog(root)
        series = load_series(root / "content", log)
        if series is not None:
            prepare_series(series, log, lambda bundle: lambda path: path.as_uri())
        line_count = chapter_text.count("\n") + chapter_text.count("\r") + 1
        for problem in log.problems:
            assert problem.file == CHAPTER, problem
            assert 1 <= problem.line <= line_count + 1, (problem, line_count)
            assert problem.message.strip(), problem


@LIMITS
@given(TEXT)
def test_any_title_text_gives_a_chapter_or_located_problems(value: str):
    _check(f"---\ntitel: {value}\n---\n\nTekst.\n")


@LIMITS
@given(TEXT)
def test_any_quoted_title_gives_a_chapter_or_located_problems(value: str):
    _check(f"---\ntitel: {json.dumps(value)}\n---\n\nTekst.\n")


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_front_matter_block_gives_a_chapter_or_located_problems(front: str):
    _check(f"---\n{front}\n---\n\nTekst.\n")


@LIMITS
@given(TEXT)
def test_any_markdown_body_gives_a_chapter_or_located_problems(body: str):
    _check(f"---\ntitel: Inleiding\n---\n\n{body}\n")
