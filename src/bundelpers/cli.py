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

from .cache import UP_TO_DATE, build_mode, up_to_date
from .project import Project


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in EDITOR_COMMANDS:
        return editor_command(argv)
    parser = argparse.ArgumentParser(prog="bundelpers", description="Maakt de PDF-bundels uit content/.")
    parser.add_argument("opdracht", choices=["check", "build", "watch"],
                        help="check: alleen controleren; build: PDF's maken; "
                             "watch: opnieuw bouwen zodra content/ of layouts/ verandert")
    parser.add_argument("--project", type=Path, default=Path.cwd(), help="projectmap (standaard: de huidige map)")
    parser.add_argument("--hele-bundel", action="store_true",
                        help="zet elke bundel in één keer in plaats van per hoofdstuk "
                             "(trager; ter vergelijking)")
    args = parser.parse_args(argv)
    project = Project(args.project.resolve())
    if args.opdracht == "watch":
        return watch(project, args.hele_bundel)
    inputs = None
    if args.opdracht == "build":
        # Before anything heavy is imported: with nothing changed, answer at once.
        fresh, inputs = up_to_date(project, build_mode(args.hele_bundel))
        if fresh:
            print(UP_TO_DATE)
            return 0
    return run(project, args.opdracht, args.hele_bundel, inputs)


def run(project: Project, opdracht: str, whole: bool = False, inputs: str | None = None) -> int:
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
            from .proofread import proofread  # spelling and counts: warnings, only in check

            for warning in proofread(project, checked.series):
                print(warning.format(), file=sys.stderr)
            chapters = sum(len(book.chapters) for book in checked.books)
            print(msg.CHECK_OK.format(bundles=msg.count(len(checked.books), "bundel", "bundels"),
                                      chapters=msg.count(chapters, "hoofdstuk", "hoofdstukken")))
            return 0
        result = build(project, checked, whole=whole, inputs=inputs)
    except ContentError as error:
        for problem in sorted([*error.problems, *error.warnings], key=lambda p: p.location()):
            print(problem.format(), file=sys.stderr)
        print(msg.BUILD_STOPPED.format(errors=msg.errors(len(error.problems))), file=sys.stderr)
        return 1
    except (RenderError, MergeError) as error:
        print(f"fout: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Afgebroken; de bestaande PDF's zijn niet veranderd.", file=sys.stderr)
        return 130
    except Exception as error:  # noqa: BLE001 - a bug must still not show editors a traceback
        if os.environ.get("BUNDELPERS_DEBUG"):
            raise
        print(msg.INTERNAL_ERROR.format(kind=type(error).__name__, detail=error), file=sys.stderr)
        return 2
    for slug, rendered in result.rendered.items():
        size = project.bundle_pdf(slug).stat().st_size
        print(f"  {slug}.pdf: {rendered.pages} pagina's, {size / 1024:.0f} KB "
              f"({size / 1024 / rendered.pages:.0f} KB per pagina)")
        for warning in rendered.warnings:
            print(f"    waarschuwing van WeasyPrint: {warning}", file=sys.stderr)
    if (collection := result.collection) is not None:
        size = collection.path.stat().st_size
        print(f"  {collection.path.name}: {collection.pages} pagina's, {size / 1024:.0f} KB, "
              f"samengevoegd in {collection.assembly_seconds:.2f} s")
    print(msg.BUILD_OK.format(count=len(result.written), seconds=time.perf_counter() - started))
    return 0


def watch(project: Project, whole: bool = False, stop_event=None) -> int:  # type: ignore[no-untyped-def]
    """Build, then build again whenever content/ or layouts/ change, in this warm process
    (WeasyPrint and the content code stay loaded), until Ctrl-C."""
    import watchfiles

    from . import messages as msg

    run(project, "build", whole)
    print(msg.WATCHING, flush=True)
    try:
        for changes in watchfiles.watch(project.content, project.layouts, stop_event=stop_event,
                                        debounce=300, raise_interrupt=False):
            changed = sorted({Path(path).relative_to(project.root).as_posix() for _, path in changes})
            print(msg.WATCH_CHANGED.format(files=", ".join(changed[:3])), flush=True)
            run(project, "build", whole)
            print(msg.WATCHING, flush=True)
    except KeyboardInterrupt:
        pass
    return 0


EDITOR_COMMANDS = ("nieuw", "importeer")


def editor_command(argv: list[str]) -> int:
    """`nieuw casus BUNDEL NAAM`, `nieuw bundel [MAP]`, `importeer BESTAND.docx --bundel BUNDEL`."""
    parser = argparse.ArgumentParser(prog="bundelpers", description="Nieuwe inhoud maken of overnemen.")
    parser.add_argument("--project", type=Path, default=Path.cwd(), help="projectmap (standaard: de huidige map)")
    commands = parser.add_subparsers(dest="opdracht", required=True)
    new = commands.add_parser("nieuw", help="een nieuwe casus of bundel uit een sjabloon")
    new_kinds = new.add_subparsers(dest="soort", required=True)
    case = new_kinds.add_parser("casus", help="nieuwe casus in een bundel, en in 'inhoud' gezet")
    case.add_argument("bundel", help="de bundel: mapnaam (wij-in-de-wijk-3) of nummer (3)")
    case.add_argument("naam", nargs="+", help="de naam van de casus of het initiatief")
    bundle = new_kinds.add_parser("bundel", help="nieuwe bundel met het volgende nummer")
    bundle.add_argument("map", nargs="?", help="mapnaam, bijvoorbeeld wij-in-de-wijk-4 (standaard: het volgende nummer)")
    word = commands.add_parser("importeer", help="een casus uit een Word-bestand (.docx) overnemen")
    word.add_argument("bestand", type=Path, help="het Word-bestand")
    word.add_argument("--bundel", required=True, help="de bundel: mapnaam of nummer")
    for sub in (case, bundle, word):
        sub.add_argument("--project", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    project = Project(args.project.resolve())
    from . import messages as msg
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
