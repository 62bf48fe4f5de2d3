"""The user guide stays true: its table of mistakes comes from real runs, its example works."""

from __future__ import annotations

import re
import sys

from badinput import run_cli_in_process
from conftest import REPO, minimal_files

sys.path.insert(0, str(REPO / "scripts"))
import foutentabel

GUIDE = REPO / "docs" / "handleiding.md"


def _block(after_heading: str, language: str) -> str:
    text = GUIDE.read_text("utf-8")
    section = text[text.index(after_heading):]
    return re.search(rf"```{language}\n(.*?)```", section, re.DOTALL).group(1)


def test_the_table_of_common_mistakes_is_what_check_says_today():
    assert foutentabel.current(GUIDE.read_text("utf-8")) == foutentabel.table(), (
        "docs/handleiding.md is out of date: run `make foutentabel`")


def test_the_guides_example_case_checks_clean_when_copied(project_factory):
    files = minimal_files()
    files["content/testbundel-1/casus.md"] = _block("## Een hoofdstuk", "markdown")
    files["content/woordenlijst.txt"] = "Pauzeknop\nSchadewijk\n"  # names, as the guide says to add
    result = run_cli_in_process(project_factory(files), "check")
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", result.stderr


def test_the_guides_image_recipe_works_when_followed(project_factory):
    files = minimal_files()
    figure = _block("## Recept: een afbeelding toevoegen", "markdown").strip()
    files["content/testbundel-1/inleiding.md"] += f"\n{figure}\n"
    root = project_factory(files)
    (root / "content/testbundel-1/beeld").mkdir()
    from PIL import Image

    Image.new("RGB", (60, 40), "white").save(root / "content/testbundel-1/beeld/buurtkeuken.jpg", "JPEG")
    result = run_cli_in_process(root, "check")
    assert result.returncode == 0 and result.stderr == "", result.stderr


def test_the_readme_opens_with_the_two_commands_and_then_the_guide():
    readme = (REPO / "README.md").read_text("utf-8")
    top = readme[: readme.index("\n## ", readme.index("handleiding"))]
    assert "make        #" in top and "make test   #" in top
    assert "docs/handleiding.md" in top
