"""The download page bundel_pdf/index.html (issue 13), opened in a real browser.

Every link must lead to a file that exists and whose SHA-256 is the one the page shows;
every image has alt text and loads; text keeps a 4.5:1 contrast; the keyboard focus is
visible; the page reads on a desktop and on a phone (screenshots of both, kept when
BUNDELPERS_PROOFS names a folder). And it is only made again when a PDF changed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from browser import DESKTOP, PHONE, chromium
from conftest import BuiltProject, build_project, make_project, minimal_files

from bundelpers.build import check
from bundelpers.layout.colours import contrast
from bundelpers.project import Project
from bundelpers.publish.downloads import publish_downloads
from bundelpers.state import BuildState

MIN_CONTRAST = 4.5

# Every element that shows text of its own: its colour, and the colour behind it.
TEXT_COLOURS = """() => {
  const opaque = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const colour = getComputedStyle(node).backgroundColor;
      if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') return colour;
    }
    return 'rgb(255, 255, 255)';
  };
  const found = [];
  for (const element of document.body.querySelectorAll('*')) {
    const own = [...element.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const box = element.getBoundingClientRect();
    if (!own || box.width === 0 || box.height === 0) continue;
    found.push([element.tagName + '.' + element.className, getComputedStyle(element).color,
                opaque(element)]);
  }
  return found;
}"""


@pytest.fixture(scope="module", params=["reeks-klein", "wij-in-de-wijk"])
def built(request: pytest.FixtureRequest) -> BuiltProject:
    if request.param == "reeks-klein":
        return request.getfixturevalue("reeks_klein")
    return BuiltProject(request.getfixturevalue("shipped_build"))


@pytest.fixture(scope="module")
def visit(built: BuiltProject):
    """What the browser found on the page: links, images, text colours, focus, shots."""
    page_file = built.root / "bundel_pdf" / "index.html"
    shots = built.root / "schermafdrukken"
    shots.mkdir(exist_ok=True)
    found: dict = {}
    with chromium() as browser:
        for name, viewport in (("desktop", DESKTOP), ("telefoon", PHONE)):
            context = browser.new_context(viewport=viewport, device_scale_factor=1,
                                          is_mobile=name == "telefoon")
            tab = context.new_page()
            tab.goto(page_file.as_uri())
            tab.screenshot(path=str(shots / f"{name}.png"), full_page=True)
            found[f"{name}-overflow"] = tab.evaluate(
                "() => document.documentElement.scrollWidth - window.innerWidth")
            if name == "desktop":
                found["links"] = tab.eval_on_selector_all(
                    "a[href]", "els => els.map(a => [a.href, a.dataset.sha256 || null, a.textContent])")
                found["images"] = tab.eval_on_selector_all(
                    "img", "els => els.map(i => [i.getAttribute('alt'), i.naturalWidth, i.src])")
                found["text"] = tab.evaluate("() => document.body.textContent")
                found["lang"] = tab.evaluate("() => document.documentElement.lang")
                found["headings"] = tab.eval_on_selector_all(
                    "h1, h2, h3", "els => els.map(h => [h.tagName, h.textContent.trim()])")
                found["colours"] = tab.evaluate(TEXT_COLOURS)
                found["focus"] = []
                for _ in range(4):
                    tab.keyboard.press("Tab")
                    found["focus"].append(tab.evaluate(
                        "() => { const s = getComputedStyle(document.activeElement);"
                        " return [document.activeElement.tagName, s.outlineStyle, s.outlineWidth]; }"))
            context.close()
    proofs = os.environ.get("BUNDELPERS_PROOFS")
    if proofs:
        Path(proofs).mkdir(parents=True, exist_ok=True)
        for shot in shots.glob("*.png"):
            shutil.copy(shot, Path(proofs) / f"download-{built.root.name}-{shot.name}")
    found["shots"] = shots
    return found


def test_every_pdf_link_leads_to_an_existing_file_whose_sha256_the_page_shows(built, visit):
    pdf_links = [link for link in visit["links"] if link[0].endswith(".pdf")]
    assert pdf_links
    for href, sha, _ in pdf_links:
        path = Path(unquote(urlsplit(href).path))
        assert path.is_file(), href
        actual = hashlib.sha256(path.read_bytes()).hexdigest()
        assert sha == actual, href
        assert actual in visit["text"], f"the page does not show the SHA-256 of {href}"


def test_the_page_links_every_bundle_every_case_and_the_verzamelbundel(built, visit):
    linked = {Path(unquote(urlsplit(href).path)).resolve() for href, _, _ in visit["links"]
              if href.startswith("file:")}
    output = built.root / "bundel_pdf"
    expected = {path.resolve() for path in output.glob("*.pdf")}
    expected |= {path.resolve() for path in output.glob("*/*.pdf") if path.parent.name != "drukwerk"}
    assert built.collection_pdf.resolve() in expected
    assert expected <= linked


def test_every_other_link_is_on_the_page_itself_or_on_the_web(visit):
    for href, _, _ in visit["links"]:
        scheme = urlsplit(href).scheme
        assert scheme in ("file", "http", "https"), href
        if scheme == "file":
            assert Path(unquote(urlsplit(href).path)).exists(), href


def test_every_image_has_alt_text_and_loads(visit):
    assert visit["images"], "a cover thumbnail per bundle"
    for alt, width, src in visit["images"]:
        assert alt and alt.strip(), src
        assert width > 0, f"{src} did not load"


def test_the_page_is_dutch_with_one_h1_and_a_heading_per_bundle(built, visit):
    assert visit["lang"] == built.series.taal
    levels = [tag for tag, _ in visit["headings"]]
    assert levels.count("H1") == 1 and levels[0] == "H1"
    titles = [text for tag, text in visit["headings"] if tag == "H2"]
    for bundle in built.series.bundles:
        assert bundle.titel in titles


def rgb(css: str) -> tuple[int, int, int]:
    values = css[css.index("(") + 1:css.index(")")].split(",")
    return tuple(round(float(value)) for value in values[:3])  # type: ignore[return-value]


def test_all_text_has_a_contrast_of_at_least_4_5_to_1(visit):
    assert len(visit["colours"]) > 20
    for where, colour, background in visit["colours"]:
        assert contrast(rgb(colour), rgb(background)) >= MIN_CONTRAST, (where, colour, background)


def test_keyboard_focus_is_visible(visit):
    focused = [entry for entry in visit["focus"] if entry[0] == "A"]
    assert len(focused) >= 3
    for _, style, width in focused:
        assert style != "none" and float(width.removesuffix("px")) >= 2


def test_the_page_fits_a_phone_and_a_desktop_without_sideways_scrolling(visit):
    assert visit["desktop-overflow"] <= 0
    assert visit["telefoon-overflow"] <= 0
    for name in ("desktop", "telefoon"):
        assert (visit["shots"] / f"{name}.png").stat().st_size > 20_000


def test_the_page_needs_no_script_and_nothing_from_elsewhere(built):
    html = (built.root / "bundel_pdf" / "index.html").read_text("utf-8")
    assert "<script" not in html
    assert 'rel="stylesheet"' not in html and "@import" not in html and "url(" not in html
    assert "src=\"http" not in html


# --- Made again only when a PDF changed --------------------------------------------------

def test_the_page_is_made_again_only_when_a_pdf_changed(tmp_path):
    root = make_project(tmp_path / "project", minimal_files())
    build_project(root)
    project = Project(root)
    checked = check(project)
    state = BuildState.load(project)
    page = root / "bundel_pdf" / "index.html"
    before = page.stat().st_mtime_ns
    assert not publish_downloads(project, checked.books, checked.collection, state)
    assert page.stat().st_mtime_ns == before
    # A rewritten PDF (here: a recorded digest that no longer matches) makes it again.
    name = "bundel_pdf/testbundel-1.pdf"
    state.targets[name]["sha256"] = "0" * 64
    assert publish_downloads(project, checked.books, checked.collection, state)


def test_an_edited_bundle_shows_its_new_checksum_on_the_page(tmp_path):
    root = make_project(tmp_path / "project", minimal_files())
    build_project(root)
    page = root / "bundel_pdf" / "index.html"
    pdf = root / "bundel_pdf" / "testbundel-1.pdf"
    old = hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert old in page.read_text("utf-8")
    chapter = root / "content" / "testbundel-1" / "inleiding.md"
    chapter.write_text(chapter.read_text("utf-8") + "\nEen zin erbij.\n", "utf-8")
    build_project(root)
    new = hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert new != old
    assert new in page.read_text("utf-8") and old not in page.read_text("utf-8")
