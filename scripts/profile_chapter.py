"""Where the time of rendering one chapter goes (for docs/performance.md).

    .venv/bin/python scripts/profile_chapter.py [--project DIR] [bundle-number] [chapter-number]

Renders one chapter of the project's content as bundelpers does (a document of its
own), once with its stylesheets parsed and its fonts loaded for this document alone
("apart", as a document linking its stylesheets gets them), and once with both shared
with the documents before it ("gedeeld", what bundelpers does), in a warm process,
profiled with cProfile.
Prints the time per stage: import, HTML parsing, style, layout, drawing, fonts, PDF
writing, and bundelpers' tag repair and save.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import subprocess
import sys
import time
from pathlib import Path

STAGES = [
    # (stage, module path fragment and function name whose cumulative time is the stage)
    ("HTML lezen", "weasyprint/__init__.py", "HTML"),
    ("CSS lezen en fonts laden", "weasyprint/__init__.py", "CSS"),
    ("stijl (CSS-cascade)", "weasyprint/css/__init__.py", "get_all_computed_styles"),
    ("boxen bouwen", "weasyprint/formatting_structure/build.py", "build_formatting_structure"),
    ("opmaak (layout)", "weasyprint/layout/__init__.py", "layout_document"),
    ("  waarvan regels breken (Pango)", "weasyprint/text/line_break.py", "split_first_line"),
    ("tekenen", "weasyprint/document.py", "paint"),
    ("fonts insluiten (subset)", "weasyprint/pdf/fonts.py", "build_fonts_dictionary"),
    ("PDF schrijven (totaal)", "weasyprint/document.py", "write_pdf"),
    ("tags herstellen (bundelpers)", "bundelpers/assemble.py", "repair_tags"),
    ("opslaan (pikepdf)", "bundelpers/assemble.py", "write_pdf_atomically"),
]


def cumulative(stats: pstats.Stats, fragment: str, name: str) -> float:
    """Cumulative seconds of function `name` in a file ending in `fragment`; for a class
    name, of its __init__."""
    if name in ("HTML", "CSS"):
        import inspect

        import weasyprint

        line = inspect.getsourcelines(getattr(weasyprint, name).__init__)[1]
        return sum(entry[3] for (path, first, function), entry in stats.stats.items()  # type: ignore[attr-defined]
                   if function == "__init__" and first == line and path.endswith(fragment))
    return sum(entry[3] for (path, _, function), entry in stats.stats.items()  # type: ignore[attr-defined]
               if function == name and path.endswith(fragment))


def import_seconds() -> tuple[float, float]:
    """`import weasyprint` in a fresh interpreter: plain, and as bundelpers does it."""
    setup = "import time, bundelpers.render as r; t = time.perf_counter(); "
    plain = setup + "import weasyprint; print(time.perf_counter() - t)"
    ours = setup + "r.import_weasyprint(); print(time.perf_counter() - t)"
    run = lambda code: float(subprocess.run([sys.executable, "-c", code], capture_output=True,
                                            text=True, check=True).stdout)
    return min(run(plain) for _ in range(3)), min(run(ours) for _ in range(3))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("bundle", type=int, nargs="?", default=1)
    parser.add_argument("chapter", type=int, nargs="?", default=3)
    parser.add_argument("--project", type=Path, default=Path(__file__).resolve().parent.parent)
    args = parser.parse_args()

    from bundelpers import render as render_module
    from bundelpers.assemble import write_pdf_atomically
    from bundelpers.build import check
    from bundelpers.layout import STYLESHEETS, bundle_html, part_stylesheets, write_bundle_html
    from bundelpers.project import Project, font_folders
    from bundelpers.render import import_weasyprint, render_html

    project = Project(args.project.resolve())
    book = sorted(check(project).books, key=lambda b: b.meta.nummer)[args.bundle - 1]
    chapter = book.chapters[args.chapter - 1]
    folder = project.bundle_build(book.slug)
    write_bundle_html(project, book)
    html = bundle_html(project, book, "hoofdstuk", chapters=(chapter,))
    allowed = (project.content / book.slug, project.layouts, folder, *font_folders())
    sheets = part_stylesheets(project, book.slug)
    target = Path("/tmp/bundelpers-profiel.pdf")
    import_weasyprint()

    def render(variant: str) -> None:
        if variant == "apart":
            render_module._STYLES.clear()  # parse the stylesheets and load the fonts again
        pdf, _ = render_html(html, allowed, book.slug, folder, sheets)
        write_pdf_atomically(pdf, target)

    first = time.perf_counter()
    render("gedeeld")
    first = time.perf_counter() - first
    columns = {}
    for variant in ("apart", "gedeeld"):
        render(variant)  # warm
        profile = cProfile.Profile()
        started = time.perf_counter()
        profile.enable()
        render(variant)
        profile.disable()
        wall = time.perf_counter() - started
        stats = pstats.Stats(profile, stream=io.StringIO())
        columns[variant] = [cumulative(stats, frag, name) for _, frag, name in STAGES] + [wall]
    plain_import, our_import = import_seconds()
    print(f"{book.slug}, hoofdstuk {args.chapter} ({chapter.anchor}); {len(STYLESHEETS) + 2} stijlbladen")
    print(f"import weasyprint: {plain_import:.2f} s, met de snelle bibliotheekzoektocht {our_import:.2f} s")
    print(f"eerste render in een vers proces: {first:.2f} s\n")
    print(f"{'fase':34} {'apart':>8} {'gedeeld':>8}   (s, met cProfile)")
    for index, (stage, _, _) in enumerate([*STAGES, ("totaal", "", "")]):
        print(f"{stage:34} {columns['apart'][index]:8.3f} {columns['gedeeld'][index]:8.3f}")


if __name__ == "__main__":
    main()
