"""Proofreading for `bundelpers check`: spelling, stale case counts, sample text left
from the skeletons and tables without a title, as warnings.

Never an error: a word the dictionary does not know may well be right. Runs only
in `check` (not in `build`), so building stays as fast as it was.
"""

from __future__ import annotations

from ..errors import Problem, ProblemLog
from ..project import Project
from ..read.content import Series
from .counts import check_counts
from .placeholders import check_placeholders
from .spelling import check_spelling
from .tables import check_table_titles


def proofread(project: Project, series: Series | None) -> list[Problem]:
    log = ProblemLog(project.root)
    if series is None:
        return []
    files = [series.root / "reeks.yaml"] if series.source is not None else []
    for bundle in series.bundles:
        files += [bundle.folder / "bundel.yaml", *(chapter.path for chapter in bundle.chapters)]
    for path in files:  # so each warning can quote its line
        log.remember(path, path.read_bytes().decode("utf-8-sig", "replace").replace("\r\n", "\n"))
    check_counts(series, log)
    check_placeholders(project.layouts, series, log)
    check_table_titles(series, log)
    check_spelling(project, series, log)
    return log.warnings
