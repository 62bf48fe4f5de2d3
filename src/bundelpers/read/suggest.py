"""What the editor probably meant: the value a fix proposes.

Each function takes a value as written and returns the value that is valid and
closest to it, or None when nothing better than an example can be said. They know
Dutch habits: number words, day-month-year dates, month names, colour names.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
from pathlib import Path

UNITS = {"nul": 0, "een": 1, "één": 1, "eén": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5,
         "zes": 6, "zeven": 7, "acht": 8, "negen": 9}
TEENS = {"tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15,
         "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19}
TENS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
        "tachtig": 80, "negentig": 90}
ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6,
            "zevende": 7, "achtste": 8, "negende": 9, "tiende": 10, "elfde": 11, "twaalfde": 12}
MONTHS = {name: number for number, names in enumerate((
    (), ("januari", "jan"), ("februari", "feb"), ("maart", "mrt", "mar"), ("april", "apr"),
    ("mei",), ("juni", "jun"), ("juli", "jul"), ("augustus", "aug"),
    ("september", "sep", "sept"), ("oktober", "okt", "oct"), ("november", "nov"),
    ("december", "dec"))) for name in names}
MONTH_NAMES = ("", "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
               "september", "oktober", "november", "december")
COLOURS = {"rood": "#B03A2E", "blauw": "#2E5E8E", "groen": "#3A7D44", "geel": "#B8860B",
           "oranje": "#C8641E", "paars": "#5B3A8C", "bruin": "#8A5A2B", "grijs": "#5F6B73",
           "zwart": "#222222", "roze": "#B0406A", "blauwgroen": "#2E6F8E", "turquoise": "#1F7A7A",
           "red": "#B03A2E", "blue": "#2E5E8E", "green": "#3A7D44", "purple": "#5B3A8C",
           "orange": "#C8641E", "brown": "#8A5A2B", "grey": "#5F6B73", "gray": "#5F6B73"}
INVISIBLE_IN_VALUE = re.compile("[\u00a0\u1680\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff\u00ad]")


def number_word(text: str) -> int | None:
    """`drie` -> 3, `eenentwintig` -> 21, `derde` -> 3; None when it is no Dutch number word."""
    word = text.strip().lower().replace("ë", "e")
    if word in UNITS or word in {"één", "eén"}:
        return UNITS.get(word, 1)
    if word in TEENS:
        return TEENS[word]
    if word in TENS:
        return TENS[word]
    if word in ORDINALS:
        return ORDINALS[word]
    match = re.fullmatch(r"(een|twee|drie|vier|vijf|zes|zeven|acht|negen)en(\w+ig)", word)
    if match and match.group(2) in TENS:
        return UNITS[match.group(1)] + TENS[match.group(2)]
    return None


def whole_number(value: object) -> int | None:
    """The whole number an editor meant: `"3"`, `3.0`, `drie`, `3e`, `nr. 3`."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(value).strip()
    if (found := number_word(text)) is not None:
        return found
    digits = re.findall(r"\d+", text)
    if len(digits) == 1 and not re.search(r"\d[.,]\d", text):
        return int(digits[0])
    return None


def iso_date(value: object) -> dt.date | tuple[int, int, int] | None:
    """A date written the Dutch way, as a date; (year, month, day) when that day does not exist."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip().lower().rstrip(".")
    parts: tuple[int, int, int] | None = None
    if match := re.fullmatch(r"(\d{4})[-/. ](\d{1,2})[-/. ](\d{1,2})", text):
        parts = int(match.group(1)), int(match.group(2)), int(match.group(3))
    elif match := re.fullmatch(r"(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})", text):
        parts = int(match.group(3)), int(match.group(2)), int(match.group(1))
    elif (match := re.fullmatch(r"(\d{1,2})[-/. ]+([a-z]+)\.?[-/. ]+(\d{4})", text)) and match.group(2) in MONTHS:
        parts = int(match.group(3)), MONTHS[match.group(2)], int(match.group(1))
    if parts is None:
        return None
    year, month, day = parts
    try:
        return dt.date(year, month, day)
    except ValueError:
        return parts


def existing_day(year: int, month: int, day: int) -> dt.date | None:
    """The nearest day that exists in that month (30 February -> 28 or 29 February)."""
    if not 1 <= month <= 12 or year < 1:
        return None
    return dt.date(year, month, max(1, min(day, calendar.monthrange(year, month)[1])))


def dutch_date(year: int, month: int, day: int) -> str:
    return f"{day} {MONTH_NAMES[month]} {year}" if 1 <= month <= 12 else f"{day}-{month}-{year}"


def colour(value: object) -> str | None:
    text = str(value).strip().strip("\"'“”‘’„").strip().lower()
    text = INVISIBLE_IN_VALUE.sub("", text)
    if text in COLOURS:
        return COLOURS[text]
    if re.fullmatch(r"#?[0-9a-f]{6}", text):
        return "#" + text.lstrip("#").upper()
    if re.fullmatch(r"#?[0-9a-f]{3}", text):
        return "#" + "".join(c * 2 for c in text.lstrip("#")).upper()
    return None


def url(value: object) -> str | None:
    text = INVISIBLE_IN_VALUE.sub("", str(value)).strip().strip("<>\"'“”")
    text = re.sub(r"\s+", "", text)
    if re.match(r"^https?://", text, re.IGNORECASE):
        scheme, rest = text.split("://", 1)
        text = scheme.lower() + "://" + rest
    elif re.match(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:[/?#].*)?$", text, re.IGNORECASE):
        text = "https://" + text
    elif text.lower().startswith("http:/") or text.lower().startswith("https:/"):
        text = re.sub(r"^(https?):/+", r"\1://", text, flags=re.IGNORECASE)
    else:
        return None
    return text


def email(value: object) -> str | None:
    text = INVISIBLE_IN_VALUE.sub("", str(value)).strip().strip("<>\"'“”").strip()
    text = re.sub(r"^mailto:", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s*(?:\[at\]|\(at\)|\{at\}| at )\s*", "@", text, flags=re.IGNORECASE)
    text = re.sub(r"\s*(?:\[dot\]|\(dot\)|\[punt\]|\(punt\))\s*", ".", text, flags=re.IGNORECASE)
    text = text.replace(",", ".").rstrip(".").replace(" ", "")
    return text or None


def slug(value: object) -> str:
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", str(value)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "mijn-reeks"


def close_path(wanted: str, folder: Path, suffixes: tuple[str, ...]) -> str | None:
    """The existing file under `folder` whose path is closest to `wanted` ("bedoelde je")."""
    candidates = sorted(
        path.relative_to(folder).as_posix() for path in folder.rglob("*")
        if path.is_file() and path.suffix.lower() in suffixes and not path.name.startswith(".")
    )
    close = difflib.get_close_matches(wanted, candidates, n=1, cutoff=0.6)
    if not close:
        # Same file name in another folder, or a different extension (foto.jpeg -> foto.jpg).
        stem = Path(wanted).stem.lower()
        close = [c for c in candidates if Path(c).stem.lower() == stem][:1]
    return close[0] if close else None


def close_key(key: str, allowed: list[str]) -> str | None:
    normal = key.strip().lower().replace(" ", "_").replace("-", "_")
    if normal in allowed and normal != key:
        return normal
    close = difflib.get_close_matches(normal, allowed, n=1, cutoff=0.6)
    return close[0] if close else None
