"""Command line: `bundelpers check`, `build`, `watch`; Dutch output, exit codes.

Exit 0: done. Exit 1: the content needs fixing (every problem listed). Exit 2: the
PDF could not be made for another reason (named, without a traceback).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

from . import messages as msg
from .project import Project

START = time.perf_counter()  # the command line is loaded: what came before is Python itself


class DutchParser(argparse.ArgumentParser):
    """Argparse, but a mistyped command is answered in Dutch with the way it does work."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, add_help=False, **kwargs)
        # Own, Dutch-titled groups: argparse's default groups ("positional arguments",
        # "options") then stay empty, and empty groups are left out of the help.
        self.given = self.add_argument_group(msg.CLI_GROUP_GIVEN)
        self.chosen = self.add_argument_group(msg.CLI_GROUP_OPTIONS)
        self.add_argument("-h", "--help", action="help", help=msg.CLI_HELP)

    def add_argument(self, *names: str, **kwargs: object) -> argparse.Action:  # type: ignore[override]
        group = self.chosen if names and names[0].startswith("-") else self.given
        return group.add_argument(*names, **kwargs)  # type: ignore[arg-type]

    def add_subparsers(self, **kwargs: object):  # type: ignore[no-untyped-def, override]
        return super().add_subparsers(title=msg.CLI_GROUP_COMMANDS, **kwargs)  # type: ignore[arg-type]

    def format_usage(self) -> str:
        return self._dutch(super().format_usage())

    def format_help(self) -> str:
        return self._dutch(super().format_help())

    @staticmethod
    def _dutch(text: str) -> str:
        return msg.CLI_USAGE + text.removeprefix("usage:") if text.startswith("usage:") else text

    def error(self, message: str) -> None:  # argparse documents error() as the hook to override
        for pattern, dutch in msg.CLI_MISTAKES:
            if re.fullmatch(pattern, message):
                message = re.sub(pattern, dutch, message)
                break
        print(msg.CLI_MISTAKE.format(detail=message), file=sys.stderr)
        print(msg.CLI_MISTAKE_HINT.format(usage=self.format_usage().partition(":")[2].strip()), file=sys.stderr)
        raise SystemExit(2)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in EDITOR_COMMANDS:
        return editor_command(argv)
    if len(argv) == 2 and argv[0] == "uitleg" and argv[1] in msg.MAKE_USAGE:
        print(msg.MAKE_USAGE[argv[1]], file=sys.stderr)  # for the Makefile; not in the help
        return 2
    parser = DutchParser(prog="bundelpers", description=msg.CLI_DESCRIPTION)
    parser.add_argument("--project", type=Path, default=Path.cwd(),
                        help=msg.CLI_PROJECT)
    commands = parser.add_subparsers(dest="opdracht", required=True, metavar=msg.CLI_COMMAND)
    check = commands.add_parser("check", help=msg.CLI_CHECK)
    check.add_argument("bundels", nargs="*", metavar="BUNDEL",
                       help=msg.CLI_CHECK_BUNDLES)
    build = commands.add_parser("build", help=msg.CLI_BUILD)
    build.add_argument("bundels", nargs="*", metavar="BUNDEL",
                       help=msg.CLI_BUILD_BUNDLES)
    commands.add_parser("watch", help=msg.CLI_WATCH)
    press = commands.add_parser("drukwerk", help=msg.CLI_PRESS)
    press.add_argument("--snijtekens", action="store_true", help=msg.CLI_PRESS_MARKS)
    show = commands.add_parser("preview", help=msg.CLI_PREVIEW)
    show.add_argument("bundel", nargs="?", metavar="BUNDEL", help=msg.CLI_PREVIEW_BUNDLE)
    show.add_argument("--poort", type=int, default=8321, help=msg.CLI_PREVIEW_PORT)
    show.add_argument("--geen-browser", action="store_true", help=msg.CLI_PREVIEW_NO_BROWSER)
    # A shared --project after the command works too: `bundelpers build --project x`.
    for command in commands.choices.values():
        command.add_argument("--project", type=Path, default=argparse.SUPPRESS,
                             help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    project = Project(args.project.resolve())
    for folder, missing in ((project.content, msg.NO_CONTENT), (project.layouts, msg.NO_LAYOUTS)):
        if not folder.is_dir():  # most likely started outside the project
            print(missing.format(root=project.root), file=sys.stderr)
            return 2
    if args.opdracht == "watch":
        return watch(project)
    if args.opdracht == "preview":
        return start_preview(project, args.bundel, args.poort, not args.geen_browser)
    if args.opdracht == "build" and not args.bundels:
        from .state import up_to_date

        # Before anything heavy is imported: with nothing changed, answer at once.
        fresh, _ = up_to_date(project)
        if fresh:
            print(msg.UP_TO_DATE)
            return 0
    return run(project, args.opdracht, bundles=args.bundels if args.opdracht in ("check", "build") else None,
               marks=getattr(args, "snijtekens", False))


def run(project: Project, opdracht: str, runner=None, bundles: list[str] | None = None,  # type: ignore[no-untyped-def]
        marks: bool = False) -> int:
    """One check or build, reported in Dutch; returns the exit code."""
    started = time.perf_counter()
    from .stopwatch import Stopwatch

    clock = Stopwatch()
    clock.stages["opdracht lezen"] = started - START
    own = runner is None
    if opdracht in ("build", "drukwerk"):
        # The typesetting workers start first and load WeasyPrint on their own cores
        # while this process loads the rest and checks the content (render/warmup.py).
        with clock("voorbereiden"):
            from .render.jobs import Runner
            from .render.warmup import prepare_renderer

            runner = runner or Runner()
            prepare_renderer(project, runner)
    with clock("modules laden"):
        from .build import build, check
        from .errors import ContentError, MergeError, RenderError

    view = None
    try:
        only = selected_bundles(project, bundles) if bundles else None
        with clock("controleren"):
            checked = check(project, only)
        for warning in checked.warnings:
            print(warning.format(), file=sys.stderr)
        if opdracht == "check":
            from .proofread import proofread  # spelling and counts: warnings, only in check

            for warning in proofread(project, checked.series):
                if only is None or warning.file == "content/reeks.yaml" or any(
                        warning.file.startswith(f"content/{slug}/") for slug in only):
                    print(warning.format(), file=sys.stderr)
            books = [book for book in checked.books if only is None or book.slug in only]
            chapters = sum(len(book.chapters) for book in books)
            print(msg.CHECK_OK.format(bundles=msg.count(len(books), "bundel", "bundels"),
                                      chapters=msg.count(chapters, "hoofdstuk", "hoofdstukken")))
            return 0
        if opdracht == "drukwerk":
            from .print_edition import build_print_edition

            printed = build_print_edition(project, checked, marks=marks, runner=runner)
            report_print_edition(project, printed, time.perf_counter() - started)
            return 0
        from .progress import ProgressView, summary_table

        view = ProgressView()
        result = build(project, checked, only=only, runner=runner, report=view, clock=clock)
        view.close()
        if own:
            runner.close()
            own = False
    except ContentError as error:
        for problem in sorted([*error.problems, *error.warnings], key=lambda p: p.location()):
            print(problem.format(), file=sys.stderr)
        print(msg.BUILD_STOPPED.format(errors=msg.errors(len(error.problems))), file=sys.stderr)
        return 1
    except UnknownBundle as error:
        print(f"fout: {error}\n    {msg.BUNDLE_UNKNOWN_HINT}", file=sys.stderr)
        return 1
    except (RenderError, MergeError) as error:
        _close(view)
        print(render_failure(project, error), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        _close(view)
        print(msg.INTERRUPTED, file=sys.stderr)
        return 130
    except Exception as error:
        _close(view)
        if os.environ.get("BUNDELPERS_DEBUG"):
            raise
        print(msg.INTERNAL_ERROR.format(kind=type(error).__name__, detail=error), file=sys.stderr)
        return 2
    finally:
        if own and runner is not None:
            runner.close(cancel=True)  # a build that did not finish: its workers stop now
    for warning in result.warnings:
        print(warning.format(), file=sys.stderr)
    print(summary_table(result.written, result.unchanged))
    seconds = time.perf_counter() - started
    if result.written:
        print(msg.BUILD_OK.format(count=len(result.written), seconds=seconds))
    else:
        print(msg.BUILD_NOTHING_NEW.format(seconds=seconds))
    return 0


class UnknownBundle(Exception):
    pass


def selected_bundles(project: Project, names: list[str]) -> set[str]:
    """The folder names of the bundles named by folder name or by number.

    Read before the check, so that a bundle can be named even when its own files (or
    another bundle's) have problems: the check then reports those of the chosen ones.
    """
    import yaml


    folders = sorted(p.name for p in project.content.iterdir()
                     if p.is_dir() and (p / "bundel.yaml").is_file()) if project.content.is_dir() else []
    numbers: dict[str, str] = {}
    for folder in folders:
        try:
            data = yaml.safe_load((project.content / folder / "bundel.yaml").read_text("utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        if isinstance(data, dict) and isinstance(data.get("nummer"), int):
            numbers.setdefault(str(data["nummer"]), folder)
    chosen = set()
    for name in names:
        folder = name.strip("/").removeprefix("content/") if name.strip("/").removeprefix(
            "content/") in folders else numbers.get(name)
        if folder is None:
            raise UnknownBundle(msg.BUNDLE_UNKNOWN.format(name=name, known=", ".join(folders) or "-"))
        chosen.add(folder)
    return chosen


def start_preview(project: Project, name: str | None, port: int, open_browser: bool) -> int:
    from .preview import preview

    folders = sorted(p.name for p in project.content.iterdir()
                     if p.is_dir() and (p / "bundel.yaml").is_file()) if project.content.is_dir() else []
    try:
        slug = next(iter(selected_bundles(project, [name]))) if name else (folders[0] if folders else None)
    except UnknownBundle as error:
        print(f"fout: {error}\n    {msg.BUNDLE_UNKNOWN_HINT}", file=sys.stderr)
        return 1
    if slug is None:
        print(f"fout: {msg.PREVIEW_NO_BUNDLE}", file=sys.stderr)
        return 1
    try:
        return preview(project, slug, [f for f in folders if f != slug], port, open_browser)
    except OSError:  # the port is taken: any free one will do
        return preview(project, slug, [f for f in folders if f != slug], 0, open_browser)


def _close(view) -> None:  # type: ignore[no-untyped-def]
    if view is not None:
        view.close()


def report_print_edition(project: Project, printed, seconds: float) -> None:  # type: ignore[no-untyped-def]

    for warning in printed.warnings:
        print(warning.format(), file=sys.stderr)
    for written in printed.written:
        print(f"  {written.path.relative_to(project.output).as_posix()}: "
              f"{written.pages} pagina's, {written.size / 1024:.0f} KB")
    for spine in printed.spines:
        print(msg.PRINT_SPINE.format(name=spine.name, pages=spine.pages,
                                     spine=_decimal(spine.spine_mm, 1), paper=_decimal(spine.paper_mm, 2)))
    if not printed.written:
        print(msg.PRINT_UNCHANGED)
    folder = printed.folder.relative_to(project.root).as_posix()
    print(msg.PRINT_OK.format(folder=folder, count=len(printed.written), seconds=seconds))


def _decimal(value: float, places: int) -> str:
    """A number the Dutch way: 2,4."""
    return f"{value:.{places}f}".rstrip("0").rstrip(".").replace(".", ",") if places else str(value)


def render_failure(project: Project, error: Exception) -> str:
    """A render or merge failure in Dutch, at the file and line that caused it if known."""
    from .render.units import UnitFailed

    if isinstance(error, UnitFailed):
        if error.refused_url:
            where = _written_at(project, error.refused_url) or error.unit
            return msg.RENDER_REFUSED_AT.format(where=where, url=error.refused_url)
        return f"fout: {msg.RENDER_UNIT_FAILED.format(unit=error.unit, reason=error.reason)}"
    return f"fout: {error}"


def _written_at(project: Project, text: str) -> str | None:
    """file:line of the first place in layouts/ or content/ that holds `text`."""
    for folder in (project.layouts, project.content):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            try:
                lines = path.read_text("utf-8").split("\n")
            except (OSError, UnicodeDecodeError):
                continue
            for number, line in enumerate(lines, start=1):
                if text in line:
                    return f"{path.relative_to(project.root).as_posix()}:{number}"
    return None


def watch(project: Project, stop_event=None) -> int:  # type: ignore[no-untyped-def]
    """Build, then build again whenever content/ or layouts/ change, in this warm process
    (WeasyPrint and the content code stay loaded, the workers stay up), until Ctrl-C."""
    import watchfiles

    from .render.jobs import Runner

    runner = Runner()
    interrupted = 130  # run()'s answer to Ctrl-C during a build: then stop watching too
    try:
        if run(project, "build", runner) == interrupted:
            raise KeyboardInterrupt
        print(msg.WATCHING, flush=True)
        for changes in watchfiles.watch(project.content, project.layouts, stop_event=stop_event,
                                        debounce=300, raise_interrupt=True,
                                        watch_filter=_editor_files):
            changed = sorted({Path(path).relative_to(project.root).as_posix() for _, path in changes})
            shown = ", ".join(changed[:3])
            if len(changed) > 3:
                shown = msg.WATCH_CHANGED_MORE.format(files=shown, more=len(changed) - 3)
            print(msg.WATCH_CHANGED.format(files=shown), flush=True)
            if run(project, "build", runner) == interrupted:
                raise KeyboardInterrupt
            print(msg.WATCHING, flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        runner.close(cancel=True)
    print(msg.WATCH_STOPPED, flush=True)
    return 0


def _editor_files(change: object, path: str) -> bool:
    """Files an editor saves, not the temporary and backup files editors write beside them."""
    name = Path(path).name
    return not (name.startswith((".", "~", "#", "4913"))
                or name.endswith(("~", ".swp", ".swx", ".tmp", ".bak")))


EDITOR_COMMANDS = ("nieuw", "importeer")


def editor_command(argv: list[str]) -> int:
    """`nieuw casus BUNDEL NAAM`, `nieuw bundel [MAP]`, `importeer BESTAND.docx --bundel BUNDEL`."""
    parser = DutchParser(prog="bundelpers", description=msg.CLI_EDITOR_DESCRIPTION)
    parser.add_argument("--project", type=Path, default=Path.cwd(), help=msg.CLI_PROJECT)
    commands = parser.add_subparsers(dest="opdracht", required=True)
    new = commands.add_parser("nieuw", help=msg.CLI_NEW)
    new_kinds = new.add_subparsers(dest="soort", required=True)
    case = new_kinds.add_parser("casus", help=msg.CLI_NEW_CASE)
    case.add_argument("bundel", help=msg.CLI_NEW_CASE_BUNDLE)
    case.add_argument("naam", nargs="+", help=msg.CLI_NEW_CASE_NAME)
    bundle = new_kinds.add_parser("bundel", help=msg.CLI_NEW_BUNDLE)
    bundle.add_argument("map", nargs="?", help=msg.CLI_NEW_BUNDLE_FOLDER)
    word = commands.add_parser("importeer", help=msg.CLI_IMPORT)
    word.add_argument("bestand", type=Path, help=msg.CLI_IMPORT_FILE)
    word.add_argument("--bundel", required=True, help=msg.CLI_IMPORT_BUNDLE)
    for sub in (case, bundle, word):
        sub.add_argument("--project", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    project = Project(args.project.resolve())
    from .scaffold import ScaffoldError, find_bundle, new_bundle, new_case

    try:
        if args.opdracht == "importeer":
            from .importer import import_docx

            report = import_docx(project, find_bundle(project, args.bundel), args.bestand)
            print(report.text(project))
            return 0
        if args.soort == "casus":
            made = new_case(project, args.bundel, " ".join(args.naam))
            print(msg.NEW_CASE_MADE.format(file=made.opened.relative_to(project.root).as_posix()))
            print(msg.NEW_CASE_LISTED.format(file=made.changed[0].relative_to(project.root).as_posix(),
                                             line=made.line))
            return 0
        made = new_bundle(project, args.map)
        print(msg.NEW_BUNDLE_MADE.format(file=made.opened.relative_to(project.root).as_posix()))
        print(msg.NEW_BUNDLE_ALSO.format(files=", ".join(p.relative_to(project.root).as_posix()
                                                         for p in made.changed), slug=made.opened.parent.name))
        return 0
    except ScaffoldError as error:
        print(f"fout: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
