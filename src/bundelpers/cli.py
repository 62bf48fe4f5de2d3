"""Command line: `bundelpers check` and `bundelpers build`, Dutch output, exit codes.

Exit 0: done. Exit 1: the content needs fixing (every problem listed). Exit 2: the
PDF could not be made for another reason (named, without a traceback).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from .project import Project


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bundelpers", description="Maakt de PDF-bundels uit content/.")
    parser.add_argument("opdracht", choices=["check", "build", "watch", "drukwerk"],
                        help="check: alleen controleren; build: PDF's maken; "
                             "watch: opnieuw bouwen zodra content/ of layouts/ verandert; "
                             "drukwerk: drukklare PDF's in bundel_pdf/drukwerk/")
    parser.add_argument("--snijtekens", action="store_true",
                        help="drukwerk: met snijtekens rond elke pagina")
    parser.add_argument("--project", type=Path, default=Path.cwd(), help="projectmap (standaard: de huidige map)")
    args = parser.parse_args(argv)
    project = Project(args.project.resolve())
    if args.opdracht == "watch":
        return watch(project)
    if args.opdracht == "build":
        from .state import UP_TO_DATE, up_to_date

        # Before anything heavy is imported: with nothing changed, answer at once.
        fresh, _ = up_to_date(project)
        if fresh:
            print(UP_TO_DATE)
            return 0
    return run(project, args.opdracht, marks=args.snijtekens)


def run(project: Project, opdracht: str, runner=None, marks: bool = False) -> int:  # type: ignore[no-untyped-def]
    """One check or build, reported in Dutch; returns the exit code."""
    started = time.perf_counter()
    from . import messages as msg
    from .build import build, check
    from .errors import ContentError, MergeError, RenderError

    try:
        checked = check(project)
        for warning in checked.warnings:
            print(warning.format(), file=sys.stderr)
        if opdracht == "check":
            chapters = sum(len(book.chapters) for book in checked.books)
            print(msg.CHECK_OK.format(bundles=len(checked.books), chapters=chapters))
            return 0
        if opdracht == "drukwerk":
            from .print_edition import build_print_edition

            printed = build_print_edition(project, checked, marks=marks, runner=runner)
            report_print_edition(project, printed, time.perf_counter() - started)
            return 0
        result = build(project, checked, runner=runner)
    except ContentError as error:
        for problem in sorted([*error.problems, *error.warnings], key=lambda p: p.location()):
            print(problem.format(), file=sys.stderr)
        print(msg.BUILD_STOPPED.format(count=len(error.problems)), file=sys.stderr)
        return 1
    except (RenderError, MergeError) as error:
        print(render_failure(project, error), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Afgebroken; de bestaande PDF's zijn niet veranderd.", file=sys.stderr)
        return 130
    except Exception as error:  # noqa: BLE001 - a bug must still not show editors a traceback
        if os.environ.get("BUNDELPERS_DEBUG"):
            raise
        print(msg.INTERNAL_ERROR.format(kind=type(error).__name__, detail=error), file=sys.stderr)
        return 2
    for written in result.written:
        print(f"  {written.path.name}: {written.pages} pagina's, {written.size / 1024:.0f} KB "
              f"({written.size / 1024 / written.pages:.0f} KB per pagina), "
              f"samengevoegd in {written.seconds:.2f} s")
    print(msg.BUILD_OK.format(count=len(result.written), seconds=time.perf_counter() - started))
    return 0


def report_print_edition(project: Project, printed, seconds: float) -> None:  # type: ignore[no-untyped-def]
    from . import messages as msg

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
    from . import messages as msg
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
    (WeasyPrint and the content code stay loaded), until Ctrl-C."""
    import watchfiles

    from . import messages as msg

    from .render.jobs import Runner

    runner = Runner()
    run(project, "build", runner)
    print(msg.WATCHING, flush=True)
    try:
        for changes in watchfiles.watch(project.content, project.layouts, stop_event=stop_event,
                                        debounce=300, raise_interrupt=False):
            changed = sorted({Path(path).relative_to(project.root).as_posix() for _, path in changes})
            print(msg.WATCH_CHANGED.format(files=", ".join(changed[:3])), flush=True)
            run(project, "build", runner)
            print(msg.WATCHING, flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        runner.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
