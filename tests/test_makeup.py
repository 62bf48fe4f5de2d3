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
from readback import BookPdf, chapter_spans, holes, stranded_headings


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


def test_no_heading_is_left_at_the_foot_of_a_page_with_one_line(built: BuiltProject) -> None:
    for path in built.pdfs:
        assert stranded_headings(path) == [], path.name


def test_the_make_up_counts_a_heading_with_one_line_under_it_as_stranded() -> None:
    """The search's own measure (render/placement.py), on a chapter's anchors: a heading
    at a page's foot with one line under it is stranded; with two it is not, nor when the
    next section starts on the same page, nor on the chapter's last page."""
    from bundelpers.layout.flow import Item, SectionFlow
    from bundelpers.read.markdown import Heading, Section
    from bundelpers.render.placement import _stranded_headings
    from bundelpers.render.weasy import Typeset

    leading = 14.0
    flows = [SectionFlow(Section(Heading(2, "Successen", "h"), "", "successen"),
                         items=[Item("p1", "tekst"), Item("t1", "tabel"), Item("p2", "tekst")])]

    def typeset(lines_on_page: int, table_page: int) -> Typeset:
        height = lines_on_page * leading / 0.75  # points to CSS px
        return Typeset(b"", 2, {"h": 0, "p1": 0, "t1": table_page, "p2": 1}, (),
                       {"p1": (900.0, 900.0 + height), "t1": (40.0, 140.0), "p2": (150.0, 300.0)})

    assert _stranded_headings(typeset(1, 1), flows, leading) == ("h",)
    assert _stranded_headings(typeset(2, 1), flows, leading) == ()
    # A list of which only the first item fits: one block, its first line on the page.
    one_list = [SectionFlow(flows[0].section, items=[Item("p1", "tekst")])]
    assert _stranded_headings(typeset(1, 1), one_list, leading) == ("h",)
    next_here = [*one_list, SectionFlow(Section(Heading(2, "Lessen", "h2"), "", "lessen"),
                                        items=[Item("p2", "tekst")])]
    following = typeset(1, 1)
    following.anchors.update({"h2": 0, "p2": 0})
    assert _stranded_headings(following, next_here, leading) == ()
    last_page = Typeset(b"", 1, {"h": 0, "p1": 0}, (), {"p1": (900.0, 918.7)})
    assert _stranded_headings(last_page, one_list, leading) == ()


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


def test_what_the_make_up_could_not_close_is_a_warning_naming_file_heading_and_folio(tmp_path: Path) -> None:
    """publish/holes.py on a chapter whose second page kept a hole and whose third page
    ends on a heading with one line under it (as the make-up records them)."""
    from types import SimpleNamespace as Made

    from bundelpers.project import Project
    from bundelpers.publish.holes import holes_left
    from bundelpers.read.markdown import Heading

    project = Project(make_project(tmp_path / "project", minimal_files()))
    source = project.root / "content" / "testbundel-1" / "casus.md"
    lines = source.read_text("utf-8").split("\n")
    chapter = Made(anchor="casus", source=source, sections=[
        Made(heading=Heading(2, "Aanleiding", "casus--aanleiding")),
        Made(heading=Heading(2, "Aanpak", "casus--aanpak"))])
    plan = Made(bundle=Made(chapters=[chapter], meta=Made(titel="Testbundel 1")),
                slots=[Made(kind="hoofdstuk", anchor="casus")])
    unit = Made(details={"holes": [0.0, 5.0, 0.0], "stranded": ["casus--aanpak"]},
                anchors={"casus--aanleiding": 0, "casus--aanpak": 2})
    laid = Made(rendered=[unit], pagination=Made(pages=[Made(label=str(n)) for n in range(1, 20)], starts=[8]))
    hole, stranded = sorted(holes_left(project, plan, laid), key=lambda problem: problem.message)
    assert (hole.file, hole.line, hole.severity) == ("content/testbundel-1/casus.md",
                                                      lines.index("## Aanleiding") + 1, "waarschuwing")
    assert hole.message.startswith("Pagina 10 van Testbundel 1 houdt onderaan 5 regels wit")
    assert (stranded.file, stranded.line) == ("content/testbundel-1/casus.md", lines.index("## Aanpak") + 1)
    assert stranded.message.startswith("Pagina 11 van Testbundel 1: de kop 'Aanpak' staat onderaan")
    assert "'Aanpak'" in stranded.hint
