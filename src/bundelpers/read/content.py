"""Read content/: reeks.yaml, every bundle's bundel.yaml and its chapter files.

Reading never stops at the first problem: everything wrong in the tree is logged
to one ProblemLog, and the caller decides (after all files) whether to go on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .. import messages as msg
from ..errors import Finding, Fix, ProblemLog, shifted
from .glyphs import missing_characters
from .schema import SLUG_RE, BundleMeta, CaseMeta, ChapterMeta, SeriesMeta
from .suggest import close_path
from .translate import validation_problems
from .yamlload import LocatedYaml, read_yaml


def check_unprepared_body(folder: Path, path: Path, body: str, first_line: int, slug: str, log: ProblemLog) -> None:
    from .body import check_body  # body checks import this module's path helpers

    check_body(folder, path, body, first_line, slug, log)

MAX_TEXT_BYTES = 10 * 1024 * 1024
MAX_CHAPTERS = 200
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")  # also catches Windows drive letters
FRONT_MATTER_FENCE = re.compile(r"^---[ \t]*$")
FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
# Source Serif has no ĳ-ligature glyph; the two letters are what Dutch print uses anyway.
LIGATURE_IJ = str.maketrans({"\u0133": "ij", "\u0132": "IJ"})


@dataclass(frozen=True)
class Chapter:
    path: Path
    slug: str
    meta: ChapterMeta
    meta_source: LocatedYaml
    body: str
    body_first_line: int


@dataclass(frozen=True)
class Bundle:
    slug: str
    folder: Path
    meta: BundleMeta
    source: LocatedYaml
    chapters: tuple[Chapter, ...]


@dataclass(frozen=True)
class Series:
    root: Path
    meta: SeriesMeta | None  # None when reeks.yaml is wrong: the bundles are still checked
    bundles: tuple[Bundle, ...]
    source: LocatedYaml | None = None  # reeks.yaml as written, for proofreading its texts


def read_text(path: Path, log: ProblemLog) -> str | None:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        log.error(path, 0, msg.FILE_UNREADABLE.format(reason=exc.strerror or exc))
        return None
    if len(raw) > MAX_TEXT_BYTES:
        log.error(path, 0, msg.FILE_TOO_LARGE.format(size=megabytes(len(raw)), limit=MAX_TEXT_BYTES // 2**20),
                  msg.FILE_TOO_LARGE_HINT)
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        log.error(path, line, msg.FILE_NOT_UTF8.format(offset=exc.start), msg.FILE_NOT_UTF8_HINT)
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(LIGATURE_IJ)
    log.remember(path, text)
    missing = missing_characters(text)
    per_line: dict[int, set[str]] = {}
    for line, _, character in missing:
        per_line.setdefault(line, set()).add(character)
    lines = text.split("\n")
    for line, column, character in missing:
        kept = "".join(c for c in lines[line - 1] if c not in per_line[line] and not "\ufe00" <= c <= "\ufe0f")
        fixed = re.sub(r"(?<=\S) {2,}", " ", kept).rstrip()
        log.error(path, line, msg.GLYPH_MISSING.format(char=character, code=f"{ord(character):04X}"),
                  msg.GLYPH_MISSING_HINT, column=column, value=character, key="teken",
                  fix=Fix("replace", line, (fixed,)) if fixed.strip() else Fix("delete", line))
    return text


def megabytes(size: int) -> str:
    """A size as Dutch text with one decimal, e.g. '10,4'."""
    return f"{size / 2**20:.1f}".replace(".", ",")


def parse_yaml(path: Path, text: str, log: ProblemLog, first_line: int = 1,
               whole: list[str] | None = None) -> LocatedYaml | None:
    """Parse a YAML file, or a chapter's front matter when `first_line` is past the opening '---'
    (`whole` then holds the lines of the whole file)."""
    front_matter = first_line != 1
    located, findings = read_yaml(text, first_line - 1)
    for finding in findings:
        log.add(path, shifted(finding, first_line - 1))
    if located is None:
        return None
    if first_line != 1:
        lines = list(whole or [])
        lines[first_line - 1 : first_line - 1 + len(located.source)] = located.source
        located.shift(first_line - 1, lines)
    if located.data is None:
        log.error(path, first_line, *((msg.FRONT_MATTER_EMPTY, msg.FRONT_MATTER_EMPTY_HINT) if front_matter
                                      else (msg.YAML_EMPTY, "")))
        return None
    if not isinstance(located.data, dict):
        log.error(path, first_line, msg.FRONT_MATTER_NOT_MAPPING if front_matter else msg.YAML_NOT_MAPPING)
        return None
    return located


def validate(path: Path, source: LocatedYaml, model: type[BaseModel], log: ProblemLog):
    try:
        return model.model_validate(source.data)
    except ValidationError as exc:
        for finding in validation_problems(exc, source, model):
            log.add(path, finding)
        return None


def load_series(root: Path, log: ProblemLog) -> Series | None:
    """Read and validate all of content/; problems go to `log`."""
    series_file = root / "reeks.yaml"
    series_meta, source = None, None
    if not series_file.is_file():
        log.error(series_file, 0, msg.FILE_MISSING.format(name="reeks.yaml"))
    elif ((text := read_text(series_file, log)) is not None
          and (source := parse_yaml(series_file, text, log)) is not None):
        series_meta = validate(series_file, source, SeriesMeta, log)

    bundles = [
        bundle
        for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
        if (bundle := load_bundle(folder, log)) is not None
    ]
    if not bundles and not any(p.is_dir() for p in root.iterdir()):
        log.error(root, 0, msg.NO_BUNDLES, msg.NO_BUNDLES_HINT)
    _check_unique_numbers(bundles, log)
    return Series(root, series_meta, tuple(sorted(bundles, key=lambda b: b.meta.nummer)), source)


def _check_unique_numbers(bundles: list[Bundle], log: ProblemLog) -> None:
    seen: dict[int, Bundle] = {}
    taken = {bundle.meta.nummer for bundle in bundles}
    for bundle in bundles:
        other = seen.setdefault(bundle.meta.nummer, bundle)
        if other is not bundle:
            free = next(n for n in range(1, len(taken) + len(bundles) + 2) if n not in taken)
            taken.add(free)
            line = bundle.source.line_of(("nummer",))
            span = bundle.source.spans.get(("nummer",))
            text = bundle.source.source_line(line)
            fix = Fix("replace", line, (text[: span.column] + str(free),)) if span and span.line == line else None
            log.error(bundle.folder / "bundel.yaml", line,
                      msg.NUMBER_TAKEN.format(nummer=bundle.meta.nummer, other=other.slug),
                      msg.NUMBER_TAKEN_HINT.format(free=free), column=(span.column + 1) if span else 0,
                      width=len(str(bundle.meta.nummer)), key="nummer", value=str(bundle.meta.nummer), fix=fix)


def load_bundle(folder: Path, log: ProblemLog) -> Bundle | None:
    bundle_file = folder / "bundel.yaml"
    if not bundle_file.is_file():
        log.error(folder, 0, msg.FOLDER_WITHOUT_BUNDLE.format(name=folder.name), msg.FOLDER_WITHOUT_BUNDLE_HINT)
        return None
    if not SLUG_RE.match(folder.name):
        log.error(folder, 0, msg.FOLDER_BAD_SLUG.format(name=folder.name), msg.FOLDER_BAD_SLUG_HINT)
    text = read_text(bundle_file, log)
    source = parse_yaml(bundle_file, text, log) if text is not None else None
    if source is None:
        # bundel.yaml cannot be read as YAML; its chapters are still checked, so one run
        # shows their problems too.
        if text is not None and (contents := _salvaged_contents(text)):
            for chapter in _load_chapters(folder, contents, None, log):
                check_unprepared_body(folder, chapter.path, chapter.body, chapter.body_first_line,
                                      chapter.slug, log)
        return None
    meta = validate(bundle_file, source, BundleMeta, log)
    # Even when bundel.yaml has problems, a usable inhoud lets the chapters report theirs now.
    contents = meta.inhoud if meta is not None else _raw_contents(source)
    if len(contents) > MAX_CHAPTERS:
        log.error(bundle_file, source.line_of(("inhoud",)),
                  msg.TOO_MANY_CHAPTERS.format(count=len(contents), limit=MAX_CHAPTERS),
                  msg.TOO_MANY_CHAPTERS_HINT)
        return None
    chapters = _load_chapters(folder, contents, source, log)
    if meta is None:
        for chapter in chapters:  # no book will be prepared: check the bodies here
            check_unprepared_body(folder, chapter.path, chapter.body, chapter.body_first_line, chapter.slug, log)
        return None
    _warn_unlisted(folder, meta, log)
    return Bundle(folder.name, folder, meta, source, tuple(chapters))


def _raw_contents(source: LocatedYaml) -> list[str]:
    listed = source.data.get("inhoud")
    if isinstance(listed, list) and all(isinstance(item, str) and item.strip() for item in listed):
        return listed
    return []


def _salvaged_contents(text: str) -> list[str]:
    """The `inhoud` list read line by line, for a bundel.yaml that is not valid YAML."""
    found: list[str] = []
    inside_list = False
    for line in text.split("\n"):
        if re.match(r"^inhoud\s*:\s*$", line):
            inside_list = True
        elif inside_list and (item := re.match(r"^\s+-\s+(\S.*?)\s*$", line)):
            found.append(item.group(1).strip("\"'"))
        elif inside_list and line.strip() and not line.lstrip().startswith("#"):
            inside_list = False
    return [item for item in found if item.endswith(".md")]


def _load_chapters(folder: Path, contents: list[str], source: LocatedYaml | None,
                   log: ProblemLog) -> list[Chapter]:
    bundle_file = folder / "bundel.yaml"
    chapters: list[Chapter] = []
    seen: set[str] = set()
    slugs: set[str] = set()
    for index, listed in enumerate(contents):
        if source is None:  # salvaged from a broken file: only what exists is read, quietly
            path = folder / listed
            if inside(folder, listed) is not None and path.is_file() and path.suffix == ".md" and (
                    chapter := load_chapter(path, _unique_slug(path.stem, slugs), log, folder)) is not None:
                chapters.append(chapter)
            continue
        line = source.line_of(("inhoud", index))
        where = {"column": source.source_line(line).find(listed) + 1, "width": len(listed), "key": "inhoud",
                 "value": listed}
        if (link_problem := symlink_outside(folder, listed)) is not None:
            log.error(bundle_file, line, *link_problem, **where)
            continue
        target = inside(folder, listed)
        if target is None:
            log.error(bundle_file, line, msg.CHAPTER_OUTSIDE.format(path=listed), msg.CHAPTER_OUTSIDE_HINT, **where)
            continue
        if target in seen:
            log.error(bundle_file, line, msg.CHAPTER_TWICE.format(path=listed), msg.CHAPTER_TWICE_HINT, **where,
                      fix=Fix("delete", line))
            continue
        seen.add(target)
        path = folder / listed
        if not path.is_file():
            log.add(bundle_file, _missing_chapter(folder, listed, line, source.source_line(line)))
            continue
        if path.suffix != ".md":
            log.error(bundle_file, line, msg.CHAPTER_NOT_MARKDOWN.format(path=listed), msg.CHAPTER_NOT_MARKDOWN_HINT,
                      **where)
            continue
        slug = _unique_slug(path.stem, slugs)
        if (chapter := load_chapter(path, slug, log, folder)) is not None:
            chapters.append(chapter)
    return chapters


def _missing_chapter(folder: Path, listed: str, line: int, text: str) -> Finding:
    """A chapter that is not there, with "bedoelde je" against the Markdown files that are."""
    column = text.find(listed) + 1
    close = close_path(listed, folder, (".md",))
    if close is not None and close != listed and column:
        fixed = text[: column - 1] + close + text[column - 1 + len(listed):]
        return Finding(line, msg.CHAPTER_MISSING.format(path=listed), msg.CHAPTER_MISSING_SUGGEST.format(path=close),
                       column, len(listed), "inhoud", listed, Fix("replace", line, (fixed,)))
    return Finding(line, msg.CHAPTER_MISSING.format(path=listed), msg.CHAPTER_MISSING_HINT, column, len(listed),
                   "inhoud", listed)


def inside(folder: Path, relative: str) -> str | None:
    """The resolved path of `relative` if it stays inside `folder` (symlinks followed)."""
    if relative.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", relative) or "://" in relative:
        return None
    resolved = _resolve(folder / relative)
    if resolved is None or not resolved.is_relative_to(folder.resolve()):
        return None
    return str(resolved)


def symlink_outside(folder: Path, relative: str) -> tuple[str, str] | None:
    """(message, hint) when `relative` is written inside `folder` but is a symlink that leads out."""
    if relative.startswith(("/", "\\")) or ".." in Path(relative).parts or SCHEME.match(relative):
        return None
    if inside(folder, relative) is not None:
        return None
    target = _resolve(folder / relative)  # written inside yet resolving outside: a symlink
    if target is None:
        return msg.FILE_LINK_LOOP.format(path=relative), msg.FILE_OUTSIDE_HINT
    return msg.FILE_OUTSIDE.format(path=relative, target=target), msg.FILE_OUTSIDE_HINT


def _resolve(path: Path) -> Path | None:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop
        return None


def _unique_slug(stem: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "hoofdstuk"
    slug, counter = base, 2
    while slug in taken:
        slug, counter = f"{base}-{counter}", counter + 1
    taken.add(slug)
    return slug


def _warn_unlisted(folder: Path, meta: BundleMeta, log: ProblemLog) -> None:
    listed = {inside(folder, item) for item in meta.inhoud}
    for path in sorted(folder.rglob("*.md")):
        if str(_resolve(path)) not in listed:
            log.warning(path, 0, msg.CHAPTER_UNLISTED, msg.CHAPTER_UNLISTED_HINT)


def split_front_matter(path: Path, text: str, log: ProblemLog) -> tuple[str, str, int] | None:
    """Return (front matter, body, line number of the body's first line)."""
    lines = text.split("\n")
    if not lines or not FRONT_MATTER_FENCE.match(lines[0]):
        # The fix puts a minimal front matter above the text, which then starts at line 4.
        title = path.stem.replace("-", " ").capitalize()
        log.error(path, 1, msg.FRONT_MATTER_MISSING, msg.FRONT_MATTER_MISSING_HINT, column=1, key="kopblok",
                  fix=Fix("insert", 0, ("---", f"titel: {title}", "---", "")))
        return None
    for index in range(1, len(lines)):
        if FRONT_MATTER_END.match(lines[index]):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    # Unclosed: the front matter most likely ends where the first line that is not YAML starts.
    end = next((i for i in range(1, len(lines)) if lines[i].strip()
                and not re.match(r"^(?:\s|-\s|#|[\w-]+:(?:\s|$))", lines[i])), None)
    fix = Fix("insert", end, ("---",)) if end is not None and end > 1 else None
    log.error(path, 1, msg.FRONT_MATTER_UNCLOSED, msg.FRONT_MATTER_UNCLOSED_HINT, column=1, width=3,
              key="kopblok", fix=fix)
    return None


def load_chapter(path: Path, slug: str, log: ProblemLog, folder: Path | None = None) -> Chapter | None:
    text = read_text(path, log)
    if text is None:
        return None
    parts = split_front_matter(path, text, log)
    if parts is None:
        return None
    front, body, body_line = parts
    source = parse_yaml(path, front, log, first_line=2, whole=text.split("\n"))
    meta = None
    if source is not None:
        model = CaseMeta if source.data.get("soort") == "casus" else ChapterMeta
        meta = validate(path, source, model, log)
    if meta is None:
        # A broken front matter does not hide the body's problems.
        check_unprepared_body(path.parent if folder is None else folder, path, body, body_line, slug, log)
        return None
    if not body.strip():
        log.error(path, body_line - 1, msg.CHAPTER_EMPTY)
        return None
    return Chapter(path, slug, meta, source, body, body_line)
