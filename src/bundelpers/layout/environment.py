"""The Jinja2 environment for a project's layouts/ folder, and the filters templates use."""

from __future__ import annotations

import functools
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from ..prepare.frontmatter import cited_authors, dutch_list, edition, emphasised, unbroken_names
from ..prepare.typography import balanced, display
from .colours import mix

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")


def dutch_date(date) -> str:  # type: ignore[no-untyped-def]
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def isbn_groups(digits: str) -> str:
    return f"{digits[:3]}-{digits[3:5]}-{digits[5:9]}-{digits[9:12]}-{digits[12]}"


def without_scheme(url: str) -> str:
    if "://" not in url:
        return url
    return url.split("://", 1)[-1].removeprefix("www.").rstrip("/")


@functools.lru_cache(maxsize=8)
def environment(layouts: Path) -> Environment:
    """One environment per layouts folder, so templates compile once per process."""
    env = Environment(
        loader=FileSystemLoader(layouts),
        autoescape=select_autoescape(["html", "j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["datum"] = dutch_date
    env.filters["isbn"] = isbn_groups
    env.filters["sans_scheme"] = without_scheme
    env.filters["display"] = display  # leads, quotes, covers: no short last line
    env.filters["balance"] = balanced  # titles: lines of even length (size, width as in the CSS)
    env.filters["druk"] = edition
    env.filters["namen"] = dutch_list
    env.filters["hele_namen"] = unbroken_names  # title pages: a name stays on one line
    env.filters["citeer_namen"] = cited_authors
    env.filters["cursief"] = emphasised
    env.filters["mix"] = mix
    return env
