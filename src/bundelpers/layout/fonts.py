"""The fonts as the renderer sees them: @font-face rules and a fontconfig of its own.

WeasyPrint finds fonts through fontconfig, which would quietly borrow a glyph from
any font installed on the machine (DejaVu, say) when the Source fonts lack it. The
renderer therefore gets a fontconfig that lists only the font packages.
"""

from __future__ import annotations

from pathlib import Path

from ..files import write_text_atomically
from ..fonts import font_faces, font_folders
from .environment import environment


def write_fonts_css(layouts: Path, target: Path) -> Path:
    text = environment(layouts).get_template("css/fonts.css.j2").render(faces=font_faces())
    write_text_atomically(target, text)
    return target


def write_fontconfig(layouts: Path, folder: Path) -> Path:
    """build/fontconfig/fonts.conf: the font packages and nothing else."""
    config = folder / "fonts.conf"
    text = environment(layouts).get_template("fonts.conf.j2").render(
        folders=[str(path) for path in font_folders()], cache=str(folder / "cache"))
    write_text_atomically(config, text)
    return config
