"""A chapter's last arrangement, typeset ahead on a spare core, never changes the chapter:
with the right hint, a wrong one or none, the same PDF and the same make-up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bundelpers.build import Pipeline, check
from bundelpers.project import Project
from bundelpers.render.jobs import Runner
from bundelpers.render.units import UnitJob, typeset_unit
from bundelpers.render.warmup import prepare_renderer


@pytest.fixture(scope="module")
def moved_chapter(shipped_build: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A shipped chapter whose floats the last build moved, ready to typeset again."""
    hints = json.loads((shipped_build / "build" / "state.json").read_text("utf-8"))["hints"]
    moved = {name.removeprefix("plaatsing:"): arrangement for name, arrangement in hints.items()
             if name.startswith("plaatsing:") and arrangement}
    assert moved, "no shipped chapter has moved floats: this test then proves nothing"
    project = Project(shipped_build)
    runner = Runner(workers=1)  # in this process: the forked copy is the only other one
    prepare_renderer(project, runner)
    runner.close()
    pipeline = Pipeline(project, check(project), runner, None)
    docs = pipeline.unit_docs(pipeline.plans(None))
    key, (_, doc, tagged) = next((key, entry) for key, entry in docs.items()
                                 if entry[1].name in moved)

    def typeset(hint: dict | None, store: str):  # type: ignore[no-untyped-def]
        folder = tmp_path_factory.mktemp(store)
        rendered = typeset_unit(UnitJob(doc, key, pipeline.stylesheets(tagged),
                                        pipeline.allowed(doc), folder, tagged, hint))
        return rendered, rendered.pdf.read_bytes()

    return moved[doc.name], typeset


def test_the_right_hint_gives_the_same_chapter(moved_chapter) -> None:  # type: ignore[no-untyped-def]
    arrangement, typeset = moved_chapter
    alone, alone_pdf = typeset(None, "zonder")
    hinted, hinted_pdf = typeset(arrangement, "met")
    assert alone.details["arrangement"] == arrangement
    assert hinted_pdf == alone_pdf
    assert hinted.details["arrangement"] == alone.details["arrangement"]
    assert hinted.details["tries"] == alone.details["tries"]
    assert hinted.details["ahead"] and not alone.details["ahead"]  # the hint was taken


def test_a_wrong_hint_gives_the_same_chapter(moved_chapter) -> None:  # type: ignore[no-untyped-def]
    arrangement, typeset = moved_chapter
    _, alone_pdf = typeset(None, "zonder")
    wrong, wrong_pdf = typeset({"bestaat-niet": 2}, "fout")
    assert wrong_pdf == alone_pdf
    assert wrong.details["arrangement"] == arrangement
    assert not wrong.details["ahead"]  # typeset ahead, never asked for
