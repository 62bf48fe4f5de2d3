"""What the content says a built PDF must show, read straight from content/ (YAML and
Markdown), so that tests compare the PDF with the editor's files, not with the code."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml


def straight(text: str) -> str:
    """Typographic quotes and apostrophes back to the plain ones an editor types: the book
    prints ‘’ “” where the content has ' and " (contract 1.2)."""
    return text.translate(str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'}))


def squash(text: str) -> str:
    """Text with every run of white space (line breaks too) as one space."""
    return " ".join(text.split())


@dataclass(frozen=True)
class BundleInfo:
    slug: str
    nummer: int
    titel: str
    ondertitel: str
    auteurs: tuple[str, ...]
    alt_texts: frozenset[str]  # every image's alt text, cover included

    @property
    def document_title(self) -> str:
        """The title a viewer shows for the bundle's PDF."""
        return f"{self.titel}: {self.ondertitel}"


@dataclass(frozen=True)
class SeriesInfo:
    slug: str
    taal: str
    document_title: str  # the collection's: "titel: ondertitel"
    bundles: tuple[BundleInfo, ...]  # in `nummer` order

    @property
    def collection_slug(self) -> str:
        return f"{self.slug}-verzamelbundel"


def _chapter(path: Path) -> tuple[dict, str]:
    _, meta, body = path.read_text("utf-8-sig").replace("\r\n", "\n").split("---\n", 2)
    return yaml.safe_load(meta) or {}, body


def _bundle(folder: Path) -> BundleInfo:
    meta = yaml.safe_load((folder / "bundel.yaml").read_text("utf-8-sig"))
    alts = {squash(meta["omslagbeeld"]["alt"])} if meta.get("omslagbeeld") else set()
    for chapter in meta["inhoud"]:
        chapter_meta, body = _chapter(folder / chapter)
        alts |= {squash(image["alt"]) for image in chapter_meta.get("beeld") or ()}
        alts |= {squash(alt) for alt in re.findall(r"!\[([^\]]+)\]\(", body)}
    return BundleInfo(folder.name, meta["nummer"], meta["titel"], meta["ondertitel"],
                      tuple(meta["auteurs"]), frozenset(alts))


def read_series(content: Path) -> SeriesInfo:
    """The series and its bundles as the editor wrote them in `content`."""
    series = yaml.safe_load((content / "reeks.yaml").read_text("utf-8-sig"))
    bundles = sorted((_bundle(folder) for folder in content.iterdir()
                      if (folder / "bundel.yaml").is_file()), key=lambda bundle: bundle.nummer)
    collection = series["verzamelbundel"]
    return SeriesInfo(series["slug"], series.get("taal", "nl"),
                      f"{collection['titel']}: {collection['ondertitel']}", tuple(bundles))
