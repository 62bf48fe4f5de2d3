"""The live preview in a real browser: Debian's Chromium opens the page, an edit saved to
content/ appears on it without a reload, and a mistake shows in the banner with its file
and line."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import CHROMIUM, DESKTOP, chromium
from conftest import REEKS_KLEIN, copy_project

BUNDLE = "kleine-kernen-1"
CASE = Path("content") / BUNDLE / "casussen" / "zwolle.md"

pytestmark = pytest.mark.skipif(shutil.which(CHROMIUM) is None and not Path(CHROMIUM).exists(),
                                reason="Chromium is installed by `make test`")


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    root = copy_project(REEKS_KLEIN, tmp_path_factory.mktemp("voorbeeld") / "project")
    process = subprocess.Popen(
        [sys.executable, "-m", "bundelpers.cli", "--project", str(root), "preview", BUNDLE,
         "--poort", "0", "--geen-browser"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        address = None
        deadline = time.monotonic() + 300
        while address is None and time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            found = re.search(r"http://127\.0\.0\.1:\d+/", line)
            address = found.group(0) if found else None
        assert address, "the preview printed no address"
        yield root, address
    finally:
        process.terminate()
        process.wait(timeout=30)


def pictures(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.eval_on_selector_all("figure.pagina img", "imgs => imgs.map(i => i.getAttribute('src'))")


def wait_for(predicate, seconds: float = 120) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError("the preview did not change in time")


def test_a_saved_edit_appears_on_the_page_and_a_mistake_in_the_banner(preview, tmp_path) -> None:
    root, address = preview
    case = root / CASE
    original = case.read_text("utf-8")
    with chromium() as browser:
        page = browser.new_page(viewport=DESKTOP)
        page.goto(address)
        wait_for(lambda: len(pictures(page)) >= 8 and page.evaluate(
            "document.getElementById('meldingen').hidden"))
        before = pictures(page)
        page.evaluate("window.scrollTo(0, 1500)")
        page.screenshot(path=str(tmp_path / "voor.png"))

        # An edit: a longer title for the case changes its opening page, not the cover.
        case.write_text(original.replace("titel: Soep op zondag", "titel: Verse soep op zondag", 1), "utf-8")
        wait_for(lambda: pictures(page) != before)
        after = pictures(page)
        assert after[0] == before[0], "the cover did not change, so it was not drawn again"
        assert page.evaluate("window.scrollY") == 1500, "the scroll position stayed"
        assert len(after) == len(before)

        # A mistake: the banner names the file and the line, the pages stay.
        case.write_text(original.replace("soort: casus", "soort: kasus", 1), "utf-8")
        wait_for(lambda: not page.evaluate("document.getElementById('meldingen').hidden"))
        banner = page.inner_text("#meldingen")
        line = 1 + original.splitlines().index("soort: casus")
        assert f"{CASE.as_posix()}:{line}" in banner
        assert pictures(page) == after
        page.screenshot(path=str(tmp_path / "fout.png"))

        # Fixed again: the banner goes.
        case.write_text(original, "utf-8")
        wait_for(lambda: page.evaluate("document.getElementById('meldingen').hidden"))
