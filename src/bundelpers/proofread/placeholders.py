"""Sample text from the skeletons (layouts/sjablonen/) that is still in the content.

`bundelpers nieuw` and `bundelpers importeer` write valid files with sample values,
so a forgotten one would be printed without complaint. The samples are read from
the skeletons themselves: prose lines of four words or more, and the values of
`plaats`, `ondertitel` and list items that only a skeleton writes.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from .. import messages as msg
from ..errors import ProblemLog
from ..read.content import Series

SKELETONS = "sjablonen"
SAMPLE_VALUES = re.compile(r"^\s*(?:-\s+|(?:plaats|ondertitel):\s+)(?P<value>[^#{]+?)\s*$")


@cache
def samples(folder: Path) -> frozenset[str]:
    found: set[str] = set()
    for skeleton in sorted(folder.glob("*.j2")):
        in_comment = False
        for line in skeleton.read_text("utf-8").split("\n"):
            line = re.sub(r"\{%.*?%\}|\{\{.*?\}\}", "", line)
            text = line.strip()
            if in_comment or text.startswith("<!--"):
                in_comment = "-->" not in text
                continue
            if not text or text.startswith(("#", "---")):
                continue
            if (value := SAMPLE_VALUES.match(line)) and not value.group("value").endswith(".md"):
                found.add(value.group("value"))
            elif ":" not in text.split(" ", 1)[0] and len(text.split()) >= 4:
                found.add(text)
    return frozenset(found)


def check_placeholders(layouts: Path, series: Series, log: ProblemLog) -> None:
    known = samples(layouts / SKELETONS)
    if not known:
        return
    for bundle in series.bundles:
        for path in (bundle.folder / "bundel.yaml", *(chapter.path for chapter in bundle.chapters)):
            found = []  # (line number, line, sample)
            for number, line in enumerate(log.texts.get(path, []), start=1):
                text = line.strip()
                value = SAMPLE_VALUES.match(line)
                sample = text if text in known else value.group("value") if value and value.group(
                    "value") in known else None
                if sample is not None:
                    found.append((number, line, sample))
            if found:  # one warning per file, at the first sample
                number, line, sample = found[0]
                more = msg.PLACEHOLDER_MORE.format(lines=", ".join(str(n) for n, _, _ in found[1:])) \
                    if len(found) > 1 else ""
                log.warning(path, number, msg.PLACEHOLDER_LEFT.format(text=sample, more=more),
                            msg.PLACEHOLDER_LEFT_HINT, column=line.index(sample) + 1, width=len(sample),
                            key="sjabloon", value=sample)
