"""The packaged fonts, and nothing else.

WeasyPrint finds fonts through fontconfig, which would quietly borrow a glyph
from any font installed on the machine (DejaVu, say) when the Source fonts lack
it. The renderer therefore gets a fontconfig of its own that lists only the
font packages, and the content check refuses characters those fonts do not have.
"""

from __future__ import annotations

import os
import unicodedata
from functools import lru_cache
from pathlib import Path

from .files import write_text_atomically
from .project import Project, font_file, font_folders

# Characters that never need a glyph: line ends, tabs and invisible format marks.
INVISIBLE = frozenset("\n\r\t\u00ad\u200b\u200c\u200d\u2060\ufeff")


def use_packaged_fonts_only(project: Project) -> Path:
    """Point fontconfig at the font packages; call before WeasyPrint renders."""
    from .layout import environment

    folder = project.build / "fontconfig"
    config = folder / "fonts.conf"
    text = environment(project).get_template("fonts.conf.j2").render(
        folders=[str(path) for path in font_folders()], cache=str(folder / "cache"))
    write_text_atomically(config, text)
    os.environ["FONTCONFIG_FILE"] = str(config)
    return config


@lru_cache(maxsize=1)
def covered_characters() -> frozenset[int]:
    """Code points both the serif and the sans can set (text may land in either)."""
    from fontTools.ttLib import TTFont

    maps = [
        set(TTFont(font_file(package, name), lazy=True)["cmap"].getBestCmap())
        for package, name in (
            ("font_source_serif_pro", "SourceSerifPro-Regular.ttf"),
            ("font_source_sans_pro", "SourceSansPro-Regular.ttf"),
        )
    ]
    return frozenset(set.intersection(*maps))


def missing_characters(text: str) -> list[tuple[int, str]]:
    """(line number, character) for each character the fonts cannot set, first per line."""
    covered = covered_characters()
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        for character in line:
            # Control characters are the YAML and Markdown readers' to report.
            if character not in INVISIBLE and ord(character) not in covered \
                    and unicodedata.category(character) != "Cc":
                found.append((number, character))
                break
    return found
