"""Write the table of common mistakes in docs/handleiding.md from real runs.

Each row is a case from tests/mistakes.py (those with a `guide` text): the
mistake is made in a small test project, `bundelpers check` runs, and the row
shows what it printed. tests/test_guide.py fails when the guide's table is not
what this script makes now, so the table stays true. Run: make foutentabel.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

GUIDE = ROOT / "docs" / "handleiding.md"
BEGIN = "<!-- foutentabel: begin (gemaakt door scripts/foutentabel.py; niet met de hand aanpassen) -->"
END = "<!-- foutentabel: einde -->"


def rows() -> list[str]:
    from badinput import run_cli_in_process
    from conftest import make_project, minimal_files
    from mistakes import MISTAKES
    from printed import parse

    lines = ["| Wat er mis is | Wat er staat | Wat `make check` zegt | Zo los je het op |", "|---|---|---|---|"]
    for mistake in (m for m in MISTAKES if m.guide):
        with tempfile.TemporaryDirectory() as folder:
            files = minimal_files()
            files[mistake.file] = files[mistake.file].replace(mistake.old, mistake.new, 1)
            root = make_project(Path(folder) / "project", files)
            (root / "content/testbundel-1/beeld").mkdir()
            for name in ("a.png", "plein.png"):
                (root / "content/testbundel-1/beeld" / name).write_bytes(_png())
            result = run_cli_in_process(root, "check")
        problem = next(p for p in parse(result.stderr) if p.severity == "fout")
        written = _cell(f"`{problem.source}`") if problem.source else ""
        fix = "<br>".join(_cell(hint) for hint in [*problem.hints, _fix(problem.fix, problem.line)] if hint)
        lines.append(f"| {mistake.guide} | {written} | {_cell(problem.message)} | {fix} |")
    return lines


def _fix(fix, line: int) -> str:  # type: ignore[no-untyped-def]
    """The printed fix, on one line: a block's lines each as code."""
    from bundelpers import messages as msg

    if fix is None:
        return ""
    if fix.kind == "delete":
        return (msg.FIX_DELETE_LINES if fix.last > fix.line else msg.FIX_DELETE_LINE).format(line=fix.line,
                                                                                            last=fix.last)
    if len(fix.lines) == 1 and fix.kind == "replace" and fix.line == line:
        return msg.FIX_REPLACE.format(text=fix.lines[0])
    if len(fix.lines) == 1 and fix.kind == "insert":
        return msg.FIX_INSERT.format(text=fix.lines[0], line=fix.line)
    head = (msg.FIX_INSERT_BLOCK if fix.kind == "insert" else msg.FIX_REPLACE_BLOCK).format(line=fix.line)
    return head + " " + " ".join(f"`{text}`" for text in fix.lines)


def _cell(text: str) -> str:
    shown = text.replace("\u00a0", "␣").replace("\t", "→").replace("\u200b", "¦").replace("\u00ad", "¦")
    return shown.replace("|", "\\|")


def _png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(out, "PNG")
    return out.getvalue()


def table() -> str:
    return "\n".join([BEGIN, *rows(), END])


def current(text: str) -> str:
    match = re.search(re.escape(BEGIN) + r".*?" + re.escape(END), text, re.DOTALL)
    return match.group(0) if match else ""


def main() -> int:
    text = GUIDE.read_text("utf-8")
    old = current(text)
    if not old:
        print(f"{GUIDE}: de markering voor de tabel ontbreekt", file=sys.stderr)
        return 1
    GUIDE.write_text(text.replace(old, table()), "utf-8")
    print(f"Tabel bijgewerkt in {GUIDE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
