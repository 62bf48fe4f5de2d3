"""The caps that keep a run bounded: each one holds at its edge and is documented."""

from __future__ import annotations

import re
from pathlib import Path

from badinput import png_header
from conftest import REPO
from PIL import Image

from bundelpers.errors import ProblemLog
from bundelpers.read import content, images, markdown, yamlload
from bundelpers.read.yamlload import YamlProblem, load_yaml

DOCUMENTED = {
    "content.MAX_TEXT_BYTES": f"{content.MAX_TEXT_BYTES // 2**20} MB",
    "content.MAX_CHAPTERS": f"{content.MAX_CHAPTERS}",
    "images.MAX_IMAGE_BYTES": f"{images.MAX_IMAGE_BYTES // 2**20} MB",
    "images.MAX_PIXELS": f"{images.MAX_PIXELS // 1_000_000} megapixel",
    "markdown.MAX_NESTING": f"{markdown.MAX_NESTING} lagen",
    "yamlload.MAX_DEPTH": f"{yamlload.MAX_DEPTH} lagen",
}


def test_every_limit_is_listed_with_its_value_in_docs_grenzen():
    rows = (REPO / "docs" / "grenzen.md").read_text("utf-8").splitlines()
    for name, value in DOCUMENTED.items():
        row = next((row for row in rows if f"`{name}`" in row), None)
        assert row is not None, f"{name} missing from docs/grenzen.md"
        assert f"| {value} |" in row, row


def test_text_file_at_the_limit_is_read_and_one_byte_more_is_refused(tmp_path: Path):
    path = tmp_path / "h.md"
    log = ProblemLog(tmp_path)
    path.write_bytes(b"a" * content.MAX_TEXT_BYTES)
    assert content.read_text(path, log) is not None
    path.write_bytes(b"a" * (content.MAX_TEXT_BYTES + 1))
    assert content.read_text(path, log) is None
    assert "de grens is 10 MB" in log.errors[0].message


def test_image_at_the_pixel_limit_passes_and_one_row_more_is_refused_without_decoding(tmp_path: Path):
    width = 8000
    height = images.MAX_PIXELS // width
    Image.new("L", (width, height)).save(tmp_path / "grens.png")
    (tmp_path / "erover.png").write_bytes(png_header(width, height + 1))  # header only: never decoded
    assert images.check_image(tmp_path, "grens.png") == (tmp_path / "grens.png", [])
    path, problems = images.check_image(tmp_path, "erover.png")
    assert path is None and "de grens is 40 megapixel" in problems[0][0]


def test_pillow_keeps_its_own_bomb_guard_after_an_image_check(tmp_path: Path):
    before = Image.MAX_IMAGE_PIXELS
    (tmp_path / "a.png").write_bytes(png_header(20000, 20000))
    images.check_image(tmp_path, "a.png")
    assert Image.MAX_IMAGE_PIXELS == before is not None


def test_markdown_nesting_at_the_limit_is_accepted_and_one_deeper_is_refused():
    limit = markdown.MAX_NESTING
    for body, refused in [("> " * limit + "tekst", False), ("> " * (limit + 1) + "tekst", True),
                          ("- " * limit + "tekst", False), ("- " * (limit + 1) + "tekst", True),
                          ("*" * limit + "tekst" + "*" * limit, False)]:
        problems = markdown.parse_body(body, 5, "h").problems
        assert bool(problems) == refused, (body, problems)


def test_markdown_at_the_limit_keeps_its_deepest_text():
    html = "".join(s.html for s in markdown.render_sections(
        markdown.parse_body("> " * markdown.MAX_NESTING + "onderin", 5, "h"), str))
    assert "onderin" in html


def test_yaml_nesting_at_the_limit_is_read_and_one_deeper_is_refused():
    def nested(depth: int) -> str:
        return "a: " + "[" * (depth - 1) + "x" + "]" * (depth - 1) + "\n"
    load_yaml(nested(yamlload.MAX_DEPTH))
    try:
        load_yaml(nested(yamlload.MAX_DEPTH + 1))
    except YamlProblem as problem:
        assert re.search(r"meer dan \d+ lagen", problem.message)
    else:
        raise AssertionError("too deep YAML accepted")
