"""A number word that no longer matches: "zeven initiatieven" after an eighth case.

Introductions, closing chapters and the bundle's summary often say how many cases
the bundle holds. A mention is taken as the bundle's count (and checked) when it
differs from the real count by at most two, or when the same number is used
twice or more in the bundle: "Twee initiatieven begonnen met verzet" once, in a
bundle of seven, is a part, not the whole.
"""

from __future__ import annotations

import re
from collections import Counter

from .. import messages as msg
from ..errors import Fix, ProblemLog
from ..read.content import Bundle, Series
from ..read.suggest import number_word
from .texts import masked

NUMBERS = ("nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf",
           "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien",
           "twintig")
MENTION = re.compile(
    r"\b(?P<number>" + "|".join(NUMBERS[2:]) + r"|een|\d{1,2})\s+(?P<noun>initiatieven|casussen|casus|verhalen|"
    r"voorbeelden|praktijkvoorbeelden)\b", re.IGNORECASE)


def check_counts(series: Series, log: ProblemLog) -> None:
    for bundle in series.bundles:
        _check_bundle(bundle, log)


def _check_bundle(bundle: Bundle, log: ProblemLog) -> None:
    count = sum(1 for chapter in bundle.chapters if chapter.meta.is_case)
    mentions = []  # (path, line, text of the line, match)
    summary_span = bundle.source.spans.get(("samenvatting",))
    places = []
    if summary_span is not None:
        places += [(bundle.folder / "bundel.yaml", n, bundle.source.source_line(n))
                   for n in range(summary_span.line, summary_span.end_line + 1)]
    for chapter in bundle.chapters:
        if not chapter.meta.is_case:
            places += [(chapter.path, chapter.body_first_line + i, line)
                       for i, line in enumerate(chapter.body.split("\n"))]
    for path, line, text in places:
        for match in MENTION.finditer(masked(text)):
            value = _value(match.group("number"))
            if value is not None and value > 1:
                mentions.append((path, line, text, match, value))
    used = Counter(value for *_, value in mentions)
    for path, line, text, match, value in mentions:
        if value == count or (abs(value - count) > 2 and used[value] < 2):
            continue
        word = match.group("number")
        right = _as_written(count, word)
        fixed = text[: match.start("number")] + right + text[match.end("number"):]
        log.warning(path, line, msg.COUNT_STALE.format(text=match.group(0), count=count,
                                                        cases=msg.count(count, "casus", "casussen")),
                    msg.COUNT_STALE_HINT, column=match.start() + 1, width=len(match.group(0)),
                    key="aantal", value=match.group(0), fix=Fix("replace", line, (fixed,)))


def _value(text: str) -> int | None:
    return int(text) if text.isdigit() else number_word(text)


def _as_written(count: int, like: str) -> str:
    if like.isdigit() or count >= len(NUMBERS):
        return str(count)
    word = NUMBERS[count]
    return word[:1].upper() + word[1:] if like[:1].isupper() else word
