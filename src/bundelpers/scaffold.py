"""`bundelpers nieuw`: a new case or a new bundle from the skeletons in layouts/sjablonen/.

The skeletons are content files with every field explained in Dutch comments.
A new case is also added to `inhoud` of its bundel.yaml by inserting one line,
so the editor's comments and layout of that file stay exactly as they were.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2

from . import messages as msg
from .files import write_text_atomically
from .project import Project
from .read.suggest import slug as slugify
from .read.yamlload import YamlProblem, load_yaml

TEMPLATES = "sjablonen"
DEFAULT_CASE_FOLDER = "casussen"
COLOURS = ("#2E6F8E", "#8A3B12", "#3A6B35", "#5B3A8C", "#A23B5A", "#1F6F78")


class ScaffoldError(Exception):
    """The new file cannot be made; the message says why, in Dutch."""


@dataclass(frozen=True)
class Made:
    opened: Path  # the file the editor should open next
    changed: tuple[Path, ...] = ()  # other files that were written or changed
    line: int = 0  # the line of bundel.yaml that now lists the new case


def _render(project: Project, name: str, **values: object) -> str:
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(project.layouts / TEMPLATES),
                                     undefined=jinja2.StrictUndefined, keep_trailing_newline=True,
                                     autoescape=False)
    return environment.get_template(name).render(**values)


def find_bundle(project: Project, wanted: str) -> Path:
    """The bundle folder for a slug or a number ('3' or 'wij-in-de-wijk-3')."""
    folders = sorted(p for p in project.content.iterdir() if (p / "bundel.yaml").is_file())
    for folder in folders:
        if folder.name == wanted:
            return folder
    if wanted.isdigit():
        for folder in folders:
            if _number(folder) == int(wanted):
                return folder
    import difflib

    close = difflib.get_close_matches(wanted, [f.name for f in folders], n=1)
    names = ", ".join(f.name for f in folders) or "(geen)"
    raise ScaffoldError(msg.NEW_NO_BUNDLE.format(bundle=wanted, names=names)
                        + (" " + msg.KEY_UNKNOWN_SUGGEST.format(suggestion=close[0]) if close else ""))


def _number(folder: Path) -> int | None:
    match = re.search(r"(?m)^nummer:\s*(\d+)\s*(?:#.*)?$", (folder / "bundel.yaml").read_text("utf-8-sig"))
    return int(match.group(1)) if match else None


def new_case(project: Project, bundle: str, name: str, *, body: str | None = None,
             summary: str | None = None, file_stem: str | None = None) -> Made:
    """A case from the skeleton; `body` and `summary` replace its sample text (Word import)."""
    folder = find_bundle(project, bundle)
    bundle_file = folder / "bundel.yaml"
    text = bundle_file.read_text("utf-8-sig")
    try:
        located = load_yaml(text)
    except YamlProblem as problem:
        raise ScaffoldError(msg.NEW_BUNDLE_BROKEN.format(file=_shown(project, bundle_file))) from problem
    listed = located.data.get("inhoud") if isinstance(located.data, dict) else None
    if not isinstance(listed, list) or not listed:
        raise ScaffoldError(msg.NEW_BUNDLE_BROKEN.format(file=_shown(project, bundle_file)))
    cases = [i for i, item in enumerate(listed) if isinstance(item, str) and _is_case(folder / item)]
    subfolder = _case_folder(listed, cases)
    base = file_stem or slugify(name)
    relative = f"{subfolder}/{base}.md" if subfolder else f"{base}.md"
    target = folder / relative
    if target.exists():
        raise ScaffoldError(msg.NEW_EXISTS.format(file=_shown(project, target)))
    after = cases[-1] if cases else len(listed) - 1
    line = located.line_of(("inhoud", after))
    lines = text.split("\n")
    item = lines[line - 1]
    # The new line copies the indentation and dash of the line it follows.
    prefix = re.match(r"^(\s*-\s*)", item)
    new_line = (prefix.group(1) if prefix else "  - ") + relative
    lines.insert(line, new_line)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomically(target, _render(project, "casus.md.j2", titel=_yaml_text(name),
                                          initiatief=_yaml_text(name), body=body,
                                          samenvatting=_folded(summary) if summary else None))
    write_text_atomically(bundle_file, "\n".join(lines))
    return Made(target, (bundle_file,), line + 1)


def new_bundle(project: Project, slug: str | None = None) -> Made:
    bundles = [p for p in project.content.iterdir() if (p / "bundel.yaml").is_file()]
    numbers = [n for p in bundles if (n := _number(p)) is not None]
    number = max(numbers, default=0) + 1
    series = _series_title(project)
    if slug is None:
        series_slug = re.search(r"(?m)^slug:\s*(\S+)\s*$", _read(project.content / "reeks.yaml"))
        slug = f"{series_slug.group(1) if series_slug else 'bundel'}-{number}"
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug):
        raise ScaffoldError(msg.EXPECT_SLUG.format(key="naam", value=slug) + " "
                            + msg.NEW_SLUG_EXAMPLE.format(slug=slugify(slug)))
    folder = project.content / slug
    if folder.exists():
        raise ScaffoldError(msg.NEW_EXISTS.format(file=_shown(project, folder)))
    (folder / "beeld").mkdir(parents=True)
    bundle_file = folder / "bundel.yaml"
    write_text_atomically(bundle_file, _render(
        project, "bundel.yaml.j2", nummer=number, titel=_yaml_text(f"{series} {number}".strip()),
        jaar=dt.date.today().year, kleur=COLOURS[number % len(COLOURS)]))
    write_text_atomically(folder / "inleiding.md", _render(project, "inleiding.md.j2"))
    return Made(bundle_file, (folder / "inleiding.md",))


def _read(path: Path) -> str:
    try:
        return path.read_text("utf-8-sig")
    except OSError:
        return ""


def _series_title(project: Project) -> str:
    match = re.search(r"(?m)^titel:\s*(.+?)\s*$", _read(project.content / "reeks.yaml"))
    return match.group(1).strip("\"'") if match else ""


def _is_case(path: Path) -> bool:
    try:
        head = path.read_text("utf-8-sig").split("\n---", 1)[0]
    except OSError:
        return False
    return re.search(r"(?m)^soort:\s*casus\s*$", head) is not None


def _case_folder(listed: list, cases: list[int]) -> str:
    """Where the bundle keeps its cases (e.g. 'initiatieven'), else 'casussen'."""
    folders = [str(Path(listed[i]).parent) for i in cases]
    folders = [f for f in folders if f != "."]
    if folders:
        return max(set(folders), key=folders.count)
    return DEFAULT_CASE_FOLDER if not cases else ""


def _folded(text: str) -> str:
    """Plain text for a `>-` block: Markdown marks removed, wrapped, indented two spaces."""
    import textwrap

    plain = re.sub(r"\\(.)", r"\1", re.sub(r"\*\*|(?<!\\)\*", "", text))
    return "\n".join(textwrap.wrap(" ".join(plain.split()), 76, initial_indent="  ", subsequent_indent="  "))


def _yaml_text(text: str) -> str:
    from .read.habits import yaml_scalar

    return yaml_scalar(" ".join(text.split()))


def _shown(project: Project, path: Path) -> str:
    try:
        return path.relative_to(project.root).as_posix()
    except ValueError:
        return path.as_posix()
