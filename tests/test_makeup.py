"""Page make-up read back: no holes, floats that move forward and never back.

A hole is white space of more than three body lines inside the text block on a page whose
chapter goes on (the design brief). WeasyPrint has no page floats; render/placement.py
moves boxes, figures, tables and the pull quote forward, or sets a chapter a little
tighter or looser, until the pages close.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import BuiltProject, make_project, minimal_files, run_cli
from readback import BookPdf, chapter_spans, holes


@pytest.fixture(scope="module", params=["wij-in-de-wijk", "reeks-klein", "proefreeks"])
def built(request: pytest.FixtureRequest) -> BuiltProject:
    if request.param == "wij-in-de-wijk":
        return BuiltProject(request.getfixturevalue("shipped_build"))
    if request.param == "reeks-klein":
        return request.getfixturevalue("reeks_klein")
    return BuiltProject(request.getfixturevalue("proefbundel_build"))


def test_no_page_but_a_chapters_last_has_a_hole(built: BuiltProject) -> None:
    for path in built.pdfs:
        assert holes(path) == [], path.name


def test_the_measure_finds_a_hole_where_there_is_one(tmp_path: Path) -> None:
    """The check above can fail: a chapter whose second page is forced to start early
    (an explicit page break in the layouts) has one."""
    files = minimal_files()
    files["content/testbundel-1/casus.md"] = files["content/testbundel-1/casus.md"].replace(
        "## Aanpak\n\nTekst.", "## Aanpak\n\n" + "Een zin die de pagina vult. " * 200)
    root = make_project(tmp_path / "gat", files)
    css = root / "layouts" / "css" / "chapter.css"
    css.write_text(css.read_text("utf-8") + "\n.sectie--aanpak > p { break-before: page; }\n", "utf-8")
    assert run_cli(root, "build").returncode == 0
    assert holes(root / "bundel_pdf" / "testbundel-1.pdf") != []


# --- A box that does not fit moves forward --------------------------------------------

BOX_CASE = """\
---
soort: casus
titel: Een kader dat niet past
samenvatting: Een casus om de opmaak mee te proberen.
plaats: Oss
initiatief: Het Initiatief
---

## Aanleiding

{before}

::: kader Wat we leerden
{box}
:::

{after}

## Aanpak

Tekst.

## Successen

Tekst.

## Tegenvallers

Tekst.

## Lessen

Tekst.
"""


VARIANTS = range(1, 9)  # paragraphs before the box: it lands lower on the page each time


@pytest.fixture(scope="module")
def box_build(tmp_path_factory: pytest.TempPathFactory) -> BuiltProject:
    """Eight cases whose box is written after one to eight paragraphs: one paragraph moves
    the box some seven lines down the page, so in some of them it lands where it does not
    fit."""
    sentence = "Bewoners kwamen elke week terug omdat er iets te doen was en iemand hen verwachtte. "
    files = minimal_files()
    bundle = files["content/testbundel-1/bundel.yaml"].replace("  - casus.md\n", "".join(
        f"  - casus-{n}.md\n" for n in VARIANTS))
    files["content/testbundel-1/bundel.yaml"] = bundle
    del files["content/testbundel-1/casus.md"]
    for n in VARIANTS:
        files[f"content/testbundel-1/casus-{n}.md"] = BOX_CASE.format(
            before="\n\n".join(sentence * 6 for _ in range(n)),
            box="\n\n".join(sentence * 3 for _ in range(4)),
            after="\n\n".join(f"Verder {k}. " + sentence * 5 for k in range(1, 7)))
    root = make_project(tmp_path_factory.mktemp("kader"), files)
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stderr
    return BuiltProject(root, result.stdout)


def arrangement_of(built: BuiltProject, name: str) -> dict:
    for meta in (built.root / "build" / "cache").glob("*.json"):
        data = json.loads(meta.read_text("utf-8"))
        if data["name"] == name:
            return data["details"].get("arrangement", {})
    raise AssertionError(f"{name} is not in the store")


def box_steps(built: BuiltProject, n: int) -> int:
    """Past how many paragraphs the page make-up moved the box of case `n`."""
    moved = arrangement_of(built, f"testbundel-1/casus-{n}")
    return max((steps for key, steps in moved.items() if key.startswith(f"casus-{n}-b")), default=0)


def test_a_box_that_does_not_fit_waits_while_the_text_fills_the_page(box_build: BuiltProject) -> None:
    assert holes(box_build.bundle_pdf("testbundel-1")) == []
    moved = {n: box_steps(box_build, n) for n in VARIANTS}
    assert any(moved.values()), "in none of the cases did the box have to move"
    book = BookPdf(box_build.bundle_pdf("testbundel-1"))
    spans = chapter_spans(book)
    for n, steps in moved.items():
        _, first, last = spans[n]  # the introduction comes first
        text = " ".join(book.flat_text(page) for page in range(first, last + 1))
        # Read after the paragraphs it waited for, never before the text written above it.
        box = text.index("Wat we leerden")
        if steps:
            assert text.index(f"Verder {steps}.") < box, n
        assert box < text.index(f"Verder {steps + 1}."), n
        assert text.index("Bewoners kwamen elke week") < box, n


def test_the_whole_bundle_html_holds_each_box_where_the_make_up_put_it(box_build: BuiltProject) -> None:
    """The one-document bundle (the reference for plain WeasyPrint) has the same order."""
    html = (box_build.root / "build" / "testbundel-1" / "index.html").read_text("utf-8")
    for n in VARIANTS:
        steps = box_steps(box_build, n)
        article = html[html.index(f'id="casus-{n}"'):]
        box = article.index("Wat we leerden")
        if steps:
            assert article.index(f"Verder {steps}.") < box, n
        assert box < article.index(f"Verder {steps + 1}."), n
