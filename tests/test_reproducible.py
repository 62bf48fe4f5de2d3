"""Reproducible PDFs: the same content gives the same bytes, wherever and however often
it is built (the README promises byte-for-byte equal PDFs, so bundel_pdf/ stays out of git)."""

from __future__ import annotations

import hashlib

import pytest
from conftest import BuiltProject, build_project, copy_project


def fingerprints(built: BuiltProject) -> dict[str, str]:
    """SHA-256 of every PDF the build made, by file name."""
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in built.pdfs}


@pytest.fixture(scope="module")
def elsewhere(reeks_klein: BuiltProject, tmp_path_factory: pytest.TempPathFactory) -> BuiltProject:
    """The same content and layouts as reeks_klein, built in another folder."""
    return build_project(copy_project(reeks_klein.root, tmp_path_factory.mktemp("elders")))


def test_the_same_content_built_in_another_folder_gives_identical_pdfs(
        reeks_klein: BuiltProject, elsewhere: BuiltProject) -> None:
    assert reeks_klein.root != elsewhere.root
    assert fingerprints(elsewhere) == fingerprints(reeks_klein)


def test_building_again_leaves_every_pdf_unchanged(elsewhere: BuiltProject) -> None:
    before = fingerprints(elsewhere)
    assert len(before) == 3  # two bundles and the collection
    build_project(elsewhere.root)
    assert fingerprints(elsewhere) == before


def test_undoing_an_edit_gives_back_the_same_pdfs(elsewhere: BuiltProject) -> None:
    """The second build sets only the edited chapter again; the rest comes from the cache."""
    before = fingerprints(elsewhere)
    chapter = elsewhere.root / "content" / "kleine-kernen-2" / "slot.md"
    original = chapter.read_text("utf-8")
    try:
        chapter.write_text(original + "\nEen zin die er even bij stond.\n", "utf-8")
        build_project(elsewhere.root)
        edited = fingerprints(elsewhere)
        assert edited["kleine-kernen-2.pdf"] != before["kleine-kernen-2.pdf"]
        assert edited["kleine-kernen-1.pdf"] == before["kleine-kernen-1.pdf"]
    finally:
        chapter.write_text(original, "utf-8")
    build_project(elsewhere.root)
    assert fingerprints(elsewhere) == before


def test_the_build_leaves_nothing_but_the_pdfs_in_bundel_pdf(elsewhere: BuiltProject) -> None:
    """The books, each case of a bundle in the bundle's folder, and the download page
    with its cover thumbnails: nothing else (no temporary file, no print edition)."""
    output = elsewhere.root / "bundel_pdf"
    expected = {path.name for path in elsewhere.pdfs} | {"index.html", "omslagen"}
    expected |= {bundle.slug for bundle in elsewhere.series.bundles}
    assert sorted(path.name for path in output.iterdir()) == sorted(expected)
    for bundle in elsewhere.series.bundles:
        assert all(path.suffix == ".pdf" for path in (output / bundle.slug).iterdir())
    assert sorted(path.name for path in (output / "omslagen").iterdir()) == sorted(
        f"{path.stem}.png" for path in elsewhere.pdfs)
