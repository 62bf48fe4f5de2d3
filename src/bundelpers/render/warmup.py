"""Typesetting workers that are ready before the content is checked.

Importing WeasyPrint and parsing the stylesheets (with the fonts their @font-face rules
load) takes about as long as typesetting a chapter, and none of it depends on the
content. So a build forks its typesetting processes first thing, while this process has
loaded little, and each loads WeasyPrint and parses the stylesheets on its own core while
this process loads the rest and checks content/. By the time a unit is handed over, the
worker that takes it is warm; this process never needs WeasyPrint itself.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from ..fonts import font_folders
from ..layout.fonts import write_fontconfig, write_fonts_css
from ..layout.stylesheets import FONTS_CSS, stamp_stylesheets, unit_stylesheets
from ..project import Project
from .jobs import Runner


def allowed_files(project: Project) -> tuple[Path, ...]:
    """What a document may read: the project's content, layouts and build, and the fonts."""
    return (project.content, project.layouts, project.build, *font_folders())


def prepare_renderer(project: Project, runner: Runner) -> None:
    """Write what the renderer reads besides the content (its fontconfig, the fonts'
    @font-face rules) and start `runner`'s workers loading WeasyPrint; call it before
    `check()`."""
    # Before WeasyPrint loads (it reads the font configuration when imported), in the
    # workers forked below: the packaged fonts and nothing else.
    config = write_fontconfig(project.layouts, project.build / "fontconfig")
    os.environ["FONTCONFIG_FILE"] = str(config)
    write_fonts_css(project.layouts, project.build / FONTS_CSS)
    sets = (unit_stylesheets(project.layouts, project.build),
            stamp_stylesheets(project.layouts, project.build))
    runner.warm(load_renderer, (sets, allowed_files(project)))


def load_renderer(sets: tuple[tuple[Path, ...], ...], allowed: tuple[Path, ...]) -> None:
    """In a worker: WeasyPrint loaded and every stylesheet set parsed. (Typesetting a
    sample as well, to fill the font caches, measured no faster: on two cores both workers
    warming up then slow down this process's own checking as much as they save.)"""
    # Whatever goes wrong here, the real render meets and reports it to the editor.
    with contextlib.suppress(Exception):
        from .weasy import shared_styles

        for stylesheets in sets:
            shared_styles(stylesheets, allowed)
