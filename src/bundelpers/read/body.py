"""A chapter body checked as a whole: its Markdown and every image it shows.

Used by the prepare stage for chapters that become a book, and by the reader for
chapters whose front matter or bundle is broken, so their body's problems are
reported in the same run instead of the next one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ProblemLog
from .images import image_findings
from .markdown import ParsedBody, parse_body


@dataclass
class CheckedBody:
    parsed: ParsedBody
    images: dict[str, Path] = field(default_factory=dict)  # src as written -> file
    ok: bool = True


def check_body(folder: Path, path: Path, body: str, first_line: int, slug: str, log: ProblemLog) -> CheckedBody:
    parsed = parse_body(body, first_line, slug)
    checked = CheckedBody(parsed, ok=not parsed.problems)
    for finding in parsed.problems:
        log.add(path, finding)
    for image in parsed.images:
        found, findings = image_findings(folder, image.src, image.line, parsed.text(image.line), "afbeelding")
        for finding in findings:
            log.add(path, finding)
        if found is None:
            checked.ok = False
        else:
            checked.images[image.src] = found
    return checked
