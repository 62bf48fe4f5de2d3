"""What Word and typing habits put into YAML, found on the raw lines before parsing.

YAML reads a non-breaking space after a colon as part of the key, curly quotes as
text and a leading apostrophe as an opening quote; its own messages then point at
the wrong thing. These checks look at every line the way the editor sees it and
name the real cause. Each finding carries a fix, and the text is returned cleaned
(the fix applied) so that the YAML reader goes on and reports every other problem
of the file in the same run. Line numbers never change; only these lines do.
"""

from __future__ import annotations

import re
import unicodedata

from .. import messages as msg
from ..errors import Finding, Fix

# Spaces that look like a space but are not one to YAML, and characters that take no room.
ODD_SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
BLANK = f" \t{ODD_SPACES}{INVISIBLE}"
ODD = re.compile(f"[\t{ODD_SPACES}{INVISIBLE}]")
LINE = re.compile(
    rf"^(?P<indent>[{BLANK}]*)(?P<dashes>(?:-[{BLANK}]+)*)"
    rf"(?:(?P<key>[^{BLANK}:#'\"\[\]{{}}|>!&*@`%][^:#]*?)(?P<colon>[{BLANK}]*:)(?=[\s{INVISIBLE}]|$)"
    rf"(?P<after>[{BLANK}]*))?(?P<value>.*?)(?P<trail>[{BLANK}]*)$"
)
COMMENT = re.compile(r"\s+#.*$")
CURLY_OPEN = "“„‘‚«‹”’"
CURLY_CLOSE = "”“’‘»›"
ELISION = re.compile(r"^(?:s-|s |t |n )", re.IGNORECASE)  # 's-Hertogenbosch, 't Harde, 'n
BLOCK = re.compile(r"^[|>][-+0-9]*$")
CHAR_NAMES = {"\t": msg.CHAR_TAB, "\u00a0": msg.CHAR_NBSP, "\u202f": msg.CHAR_NBSP,
              "\u200b": msg.CHAR_ZERO_WIDTH, "\u200c": msg.CHAR_ZERO_WIDTH, "\u200d": msg.CHAR_ZERO_WIDTH,
              "\u2060": msg.CHAR_ZERO_WIDTH, "\ufeff": msg.CHAR_ZERO_WIDTH, "\u00ad": msg.CHAR_SOFT_HYPHEN}


def char_name(character: str) -> str:
    name = CHAR_NAMES.get(character, msg.CHAR_ODD_SPACE)
    return f"{name} (U+{ord(character):04X})"


def clean_blank(text: str, tab: str = "  ") -> str:
    """Odd spaces become spaces, invisible characters go, tabs become `tab`."""
    text = text.replace("\t", tab)
    text = re.sub(f"[{ODD_SPACES}]", " ", text)
    return re.sub(f"[{INVISIBLE}]", "", text)


def yaml_scalar(text: str) -> str:
    """`text` written as a YAML value that reads back as exactly `text`."""
    from .yamlload import reads_back

    if text and "\n" not in text and reads_back(f"k: {text}\n", {"k": text}):
        return text
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def inspect_lines(text: str) -> tuple[list[Finding], str]:
    """Findings for the habits above, and the text with each of their fixes made."""
    lines = text.split("\n")
    findings: list[Finding] = []
    content_deeper_than: int | None = None  # inside a block or multi-line text: skip its lines
    for index, line in enumerate(lines):
        number = index + 1
        stripped = line.strip(BLANK)
        depth = len(line) - len(line.lstrip(BLANK))
        if content_deeper_than is not None:
            if not stripped or depth > content_deeper_than:
                continue
            content_deeper_than = None
        if not stripped or stripped.startswith("#") or stripped in {"---", "..."}:
            continue
        match = LINE.match(line)
        if match is None:
            continue
        found = _structure(match, line, number) or _value(match, line, number, lines, index)
        if found is not None:
            findings.append(found)
            if found.fix is not None and found.fix.kind == "replace":
                lines[index] = found.fix.lines[0]
                match = LINE.match(lines[index]) or match
        content_deeper_than = _opens_content(match)
    return findings, "\n".join(lines)


def _structure(match: re.Match, line: str, number: int) -> Finding | None:
    """An odd space or invisible character in indentation, key, around the colon or at the end."""
    for part in ("indent", "dashes", "key", "colon", "after", "trail"):
        piece = match.group(part) or ""
        odd = ODD.search(piece)
        if odd is None or (part == "key" and "\t" == odd.group(0)):
            continue
        character = odd.group(0)
        column = match.start(part) + odd.start() + 1
        key = (match.group("key") or "").strip(BLANK)
        clean_key = clean_blank(key)
        where = {
            "indent": msg.WHERE_INDENT, "dashes": msg.WHERE_INDENT, "key": msg.WHERE_KEY.format(key=clean_key),
            "colon": msg.WHERE_COLON.format(key=clean_key), "after": msg.WHERE_COLON.format(key=clean_key),
            "trail": msg.WHERE_END,
        }[part]
        fixed = clean_blank(line[: match.start("value")]) + match.group("value") + clean_blank(match.group("trail"))
        fixed = fixed.rstrip()
        if part in {"colon", "after"} or (match.group("colon") and not (match.group("after") or "").startswith(" ")):
            head = clean_blank(line[: match.start("key")]) + clean_key + ":"
            fixed = head + (" " + match.group("value") if match.group("value") else "")
        hint = msg.YAML_TAB_HINT if character == "\t" else msg.ODD_CHAR_HINT
        effect = (msg.ODD_EFFECT_TAB if character == "\t" else msg.ODD_EFFECT_KEY if part == "key"
                  else msg.ODD_EFFECT_TEXT if character in INVISIBLE else msg.ODD_EFFECT_SPACE)
        return Finding(number, msg.ODD_CHAR.format(char=char_name(character), where=where, effect=effect), hint,
                       column, 1, clean_key or "inspringing", line, Fix("replace", number, (fixed,)))
    return None


def _value(match: re.Match, line: str, number: int, lines: list[str], index: int) -> Finding | None:
    """Curly quotes around a value, a leading apostrophe, a stray closing quote."""
    if not (match.group("key") or match.group("dashes")):
        return None
    value = match.group("value")
    bare = COMMENT.sub("", value) if not value.startswith(("'", '"')) else value
    column = match.start("value") + 1
    key = (match.group("key") or "").strip() or "lijstitem"
    head = line[: match.start("value")]
    if len(bare) >= 2 and bare[0] in CURLY_OPEN and bare[-1] in CURLY_CLOSE:
        inner = bare[1:-1]
        if not any(c in inner for c in CURLY_OPEN + CURLY_CLOSE):
            return Finding(number, msg.CURLY_QUOTES.format(key=key, value=bare), msg.CURLY_QUOTES_HINT,
                           column, len(bare), key, bare, Fix("replace", number, (head + yaml_scalar(inner),)))
    owner = match.start("key") if match.group("key") else match.end("indent")
    if value.startswith('"') and not _quoted_closes(value, lines, index, owner):
        # YAML would run on to the next '"' in the file, swallowing the keys in between.
        from .yamlload import reads_back

        inner = value[1:].rstrip()
        closed = value.rstrip() + '"'
        closed = closed if reads_back(f"k: {closed}\n", {"k": inner}) else yaml_scalar(inner)
        return Finding(number, msg.YAML_UNCLOSED_QUOTE, msg.YAML_UNCLOSED_QUOTE_HINT, column, 1, key, value.rstrip(),
                       Fix("replace", number, (head + closed,)))
    if value.startswith("'") and not _quoted_closes(value, lines, index, owner):
        intended = value.rstrip()
        return Finding(number, msg.LEADING_APOSTROPHE.format(key=key, value=intended), msg.LEADING_APOSTROPHE_HINT,
                       column, 1, key, intended, Fix("replace", number, (head + yaml_scalar(intended),)))
    if value.startswith("'") and (quoted := _single_quoted_value(value)) is not None and ELISION.match(quoted):
        intended = "'" + quoted
        return Finding(number, msg.APOSTROPHE_LOST.format(key=key, value=value.strip(), shown=quoted),
                       msg.LEADING_APOSTROPHE_HINT, column, len(value.strip()), key, value.strip(),
                       Fix("replace", number, (head + yaml_scalar(intended),)))
    if bare.endswith('"') and not bare.startswith(('"', "'")) and bare.count('"') % 2 == 1 \
            and not BLOCK.match(bare) and not bare.startswith(("[", "{")):
        return Finding(number, msg.STRAY_QUOTE.format(key=key, value=bare), msg.STRAY_QUOTE_HINT,
                       column + len(bare) - 1, 1, key, bare,
                       Fix("replace", number, (head + yaml_scalar(bare[:-1].rstrip()),)))
    return None


def _single_quoted_value(value: str) -> str | None:
    """The text of a single-quoted scalar that closes on this line, else None."""
    match = re.match(r"^'((?:[^']|'')*)'\s*(?:#.*)?$", value)
    return match.group(1).replace("''", "'") if match else None


def _quoted_closes(value: str, lines: list[str], index: int, owner: int) -> bool:
    """Whether a value starting with a quote is a real quotation: it closes on this line, or
    on one of the more deeply indented lines that continue it."""
    quote = value[0]
    closed = r"^'(?:[^']|'')*'" if quote == "'" else r'^"(?:[^"\\]|\\.)*"'
    if re.match(closed, value):
        return True
    for later in lines[index + 1 :]:
        if later.strip() and len(later) - len(later.lstrip(BLANK)) <= owner:
            return False
        if quote in later:
            return True
    return False


def _opens_content(match: re.Match) -> int | None:
    """The indentation below which following lines belong to this line's value."""
    value = COMMENT.sub("", match.group("value") or "")
    if not value:
        return None
    owner = match.start("key") if match.group("key") else match.end("indent")
    if BLOCK.match(value):
        return owner
    if value.startswith(("[", "{", '"', "'")) and not value.endswith(("]", "}", '"', "'")):
        return owner
    if not value.startswith(("[", "{", '"', "'")):
        return owner  # plain text may go on, indented, on the next lines
    return None


def is_odd(character: str) -> bool:
    return bool(ODD.match(character)) or unicodedata.category(character) == "Cf"
