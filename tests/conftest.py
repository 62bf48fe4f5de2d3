"""Shared test helpers: tiny projects built from {path: text} dicts, and the
shipped content built once per session."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from contentinfo import SeriesInfo, read_series

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Two bundles of 18 and 20 pages: enough for a real verzamelbundel, quick to build.
REEKS_KLEIN = FIXTURES / "reeks-klein"

SERIES_YAML = """\
titel: Testreeks
uitgever: Testuitgever
slug: testreeks
verzamelbundel:
  titel: Testreeks compleet
  ondertitel: Alle delen
  samenvatting: Een verzameling om mee te testen.
"""

BUNDLE_YAML = """\
nummer: 1
titel: Testbundel 1
ondertitel: Een bundel om mee te testen
focus: bridging
jaar: 2021
verschenen: 2021-11-18
auteurs:
  - Anna Auteur
samenvatting: Korte samenvatting van de testbundel.
kleur: "#2E6F8E"
inhoud:
  - inleiding.md
  - casus.md
"""

INTRO_MD = """\
---
titel: Inleiding
---

## Waarom

Dit is de inleiding van de testbundel.
"""

CASE_MD = """\
---
soort: casus
titel: Een casus
samenvatting: Korte samenvatting.
plaats: Oss
initiatief: Het Initiatief
---

## Aanleiding

Tekst.

## Aanpak

Tekst.

## Successen

Tekst.

## Tegenvallers

Tekst.

## Lessen

Tekst.
"""


def minimal_files(slug: str = "testbundel-1") -> dict[str, str]:
    return {
        "content/reeks.yaml": SERIES_YAML,
        f"content/{slug}/bundel.yaml": BUNDLE_YAML,
        f"content/{slug}/inleiding.md": INTRO_MD,
        f"content/{slug}/casus.md": CASE_MD,
    }


def make_project(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write a project tree; layouts/ is the real one, so tests see the real design."""
    root.mkdir(parents=True, exist_ok=True)
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text) if text.startswith("\n") else text, "utf-8")
    if not (root / "layouts").exists():
        shutil.copytree(REPO / "layouts", root / "layouts")
    return root


def run_cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bundelpers.cli", *args, "--project", str(project)],
        capture_output=True, text=True, timeout=600, check=False,
    )


@pytest.fixture
def project_factory(tmp_path: Path):
    def factory(files: dict[str, str | bytes] | None = None, name: str = "project") -> Path:
        return make_project(tmp_path / name, files if files is not None else minimal_files())
    return factory


@pytest.fixture(scope="session")
def shipped_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own content/, built once into a temporary project."""
    root = tmp_path_factory.mktemp("shipped")
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "layouts", root / "layouts")
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="session")
def proefbundel_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/proefreeks (one bundle of about twenty pages), built once per session."""
    root = tmp_path_factory.mktemp("proefreeks")
    shutil.copytree(FIXTURES / "proefreeks" / "content", root / "content")
    make_project(root, {})
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stderr
    return root


@dataclass(frozen=True)
class BuiltProject:
    """A project after `bundelpers build`, with what the build printed."""

    root: Path
    output: str = ""

    @property
    def series(self) -> SeriesInfo:
        return read_series(self.root / "content")

    def bundle_pdf(self, slug: str) -> Path:
        return self.root / "bundel_pdf" / f"{slug}.pdf"

    @property
    def collection_pdf(self) -> Path:
        return self.bundle_pdf(self.series.collection_slug)

    @property
    def series_yaml(self) -> dict:
        """content/reeks.yaml as the editor wrote it."""
        import yaml

        return yaml.safe_load((self.root / "content" / "reeks.yaml").read_text("utf-8"))

    @property
    def pdfs(self) -> list[Path]:
        """Every PDF the build made: the bundles in `nummer` order, then the collection."""
        return [*(self.bundle_pdf(b.slug) for b in self.series.bundles), self.collection_pdf]


def copy_project(source: Path, target: Path) -> Path:
    """A fresh project with the content and layouts of `source` (no build results)."""
    shutil.copytree(source / "content", target / "content")
    shutil.copytree(source / "layouts" if (source / "layouts").exists() else REPO / "layouts",
                    target / "layouts")
    return target


def build_project(root: Path) -> BuiltProject:
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stderr
    return BuiltProject(root, result.stdout)


@pytest.fixture(scope="session")
def reeks_klein(tmp_path_factory: pytest.TempPathFactory) -> BuiltProject:
    """tests/fixtures/reeks-klein (two bundles and their verzamelbundel), built once."""
    return build_project(copy_project(REEKS_KLEIN, tmp_path_factory.mktemp("reeks-klein")))
