"""Spelling: Debian's Dutch Hunspell dictionary plus content/woordenlijst.txt.

The `hunspell` program (package hunspell-nl, installed by scripts/system-deps.sh)
is asked once per run for all words at once (`-l`), then once for suggestions
for the few it does not know (`-a`). Results are kept in build/spelling.json per
file digest, so an unchanged file costs nothing on the next check.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import unicodedata
from pathlib import Path

from .. import messages as msg
from ..errors import ProblemLog
from ..files import write_text_atomically
from ..project import Project
from ..read.content import Series
from .texts import Word, series_files

DICTIONARIES = ("nl_NL", "nl")
HUNSPELL_DIRS = (Path("/usr/share/hunspell"), Path("/usr/share/myspell/dicts"))
WORD_LIST = "woordenlijst.txt"
BASE_WORD_LIST = Path(__file__).with_name("vakwoorden.txt")
MAX_SUGGESTIONS = 3


def dictionary() -> Path | None:
    for folder in HUNSPELL_DIRS:
        for name in DICTIONARIES:
            if (folder / f"{name}.dic").is_file() and (folder / f"{name}.aff").is_file():
                return folder / name
    return None


def read_word_list(path: Path) -> set[str]:
    """One word per line; '#' starts a comment. A word in lower case also allows capitals."""
    try:
        lines = path.read_text("utf-8-sig").split("\n")
    except OSError:
        return set()
    return {line.split("#", 1)[0].strip() for line in lines} - {""}


def check_spelling(project: Project, series: Series, log: ProblemLog) -> None:
    program, dic = shutil.which("hunspell"), dictionary()
    if program is None or dic is None:
        log.warning(project.content, 0, msg.SPELLING_UNAVAILABLE)
        return
    accepted = read_word_list(BASE_WORD_LIST) | read_word_list(project.content / WORD_LIST)
    files = series_files(series)
    cache_file = project.build / "spelling.json"
    cache = _load(cache_file)
    common = _digest(str(dic), str((dic.with_suffix(".dic")).stat().st_mtime_ns), *sorted(accepted))
    fresh: dict[str, dict] = {}
    todo: dict[Path, list[Word]] = {}
    keys = {path: _digest(common, hashlib.sha256(path.read_bytes()).hexdigest()) for path in files}
    for path, words in files.items():
        entry = cache.get(log.relative(path))
        if entry is not None and entry.get("key") == keys[path]:
            fresh[log.relative(path)] = entry
        else:
            todo[path] = words()
    if todo:
        found = _unknown_words(program, dic, [w for ws in todo.values() for w in ws], accepted)
        # Suggestions cost Hunspell ~0.1 s a word; a capitalised word is mostly a name, where they do not help.
        suggestions = _suggestions(program, dic, sorted({w.text for ws in found.values() for w in ws
                                                         if not w.text[:1].isupper()}))
        for path in todo:
            fresh[log.relative(path)] = {
                "key": keys[path],
                "unknown": [[w.line, w.column, w.text, suggestions.get(w.text, [])] for w in found.get(path, [])],
            }
    if fresh != cache:
        project.build.mkdir(parents=True, exist_ok=True)
        write_text_atomically(cache_file, json.dumps(fresh, ensure_ascii=False, sort_keys=True))
    for path in files:
        seen: set[str] = set()
        for line, column, text, offered in fresh.get(log.relative(path), {}).get("unknown", []):
            if text.lower() in seen:
                continue  # one warning per word per file: the first place it stands
            seen.add(text.lower())
            hint = msg.SPELLING_SUGGEST.format(words=", ".join(offered)) if offered else msg.SPELLING_NO_SUGGESTION
            log.warning(path, line, msg.SPELLING_UNKNOWN.format(word=text), f"{hint} {msg.SPELLING_WORD_LIST}",
                        column=column, width=len(text), key="spelling", value=text)


def _unknown_words(program: str, dic: Path, words: list[Word], accepted: set[str]) -> dict[Path, list[Word]]:
    candidates = [w for w in words if _worth_checking(w.text) and not _accepted(w.text, accepted)]
    lookups = sorted({form for w in candidates for form in _forms(w.text)})
    unknown = set(_run(program, ["-d", str(dic), "-l"], lookups).split())
    found: dict[Path, list[Word]] = {}
    for word in candidates:
        if not _known(word.text, unknown, accepted):
            found.setdefault(word.path, []).append(word)
    return found


def _worth_checking(text: str) -> bool:
    letters = text.strip("'’")
    return len(letters) > 1 and not letters.isupper()  # abbreviations such as GGD are not words


def _normal(text: str) -> str:
    return text.replace("’", "'")


def _accepted(text: str, accepted: set[str]) -> bool:
    text = _normal(text)
    return text in accepted or text.lower() in accepted


def _deaccented(text: str) -> str:
    """Dutch stresses with acute accents (níet, één): check the word without them."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", decomposed.replace("\u0301", ""))


def _forms(text: str) -> list[str]:
    text = _normal(text)
    forms = [text, _deaccented(text)]
    parts = [p for p in text.split("-") if p]
    if len(parts) > 1:
        forms += parts + [_deaccented(p) for p in parts]
    return [f for f in forms if f]


def _known(text: str, unknown: set[str], accepted: set[str]) -> bool:
    text = _normal(text)
    if text not in unknown or _deaccented(text) not in unknown:
        return True
    parts = [p for p in text.split("-") if p]
    return len(parts) > 1 and all(p not in unknown or _accepted(p, accepted) or len(p) == 1 for p in parts)


def _suggestions(program: str, dic: Path, words: list[str]) -> dict[str, list[str]]:
    if not words:
        return {}
    # '^' before each line: in pipe mode a line is text, never a command.
    output = _run(program, ["-d", str(dic), "-a"], [f"^{_normal(w)}" for w in words])
    found: dict[str, list[str]] = {}
    results = [line for line in output.split("\n")[1:] if line.startswith(("&", "#", "*", "+", "-"))]
    for word, result in zip(words, results, strict=False):
        if result.startswith("&") and ": " in result:
            found[word] = [s.strip() for s in result.split(": ", 1)[1].split(",")][:MAX_SUGGESTIONS]
    return found


def _run(program: str, arguments: list[str], lines: list[str]) -> str:
    result = subprocess.run([program, *arguments], input="\n".join(lines) + "\n", capture_output=True,
                            text=True, encoding="utf-8", env={"LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"},
                            timeout=60, check=False)
    return result.stdout


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _load(path: Path) -> dict:
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
