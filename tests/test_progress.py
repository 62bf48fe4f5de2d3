"""What a build prints while it works and when it is done, read as an editor reads it."""

import re
from pathlib import Path

from conftest import run_cli

from bundelpers.progress import summary_table
from bundelpers.publish.write import Written


def rows(table: str) -> dict[str, list[str]]:
    """The table's rows by PDF name; cells are separated by two or more spaces."""
    found = {}
    for line in table.splitlines()[1:]:
        cells = re.split(r"\s{2,}", line.strip())
        found[cells[0]] = cells[1:]
    return found


def test_a_build_ends_with_a_table_and_a_second_build_reports_everything_unchanged(project_factory):
    project = project_factory()
    first = run_cli(project, "build")
    assert first.returncode == 0, first.stderr
    assert "testbundel-1: " in first.stdout and "delen gezet" in first.stdout
    assert "\r" not in first.stdout, "no live line when the output is not a terminal"
    table = first.stdout[first.stdout.index("  PDF"):]
    made = rows(table)
    bundle = made["testbundel-1.pdf"]
    pages, kilobytes = int(bundle[0]), int(bundle[1])
    pdf = project / "bundel_pdf" / "testbundel-1.pdf"
    assert kilobytes == round(pdf.stat().st_size / 1024)
    assert pages >= 4 and bundle[-1] == "opnieuw gemaakt"
    unchanged = run_cli(project, "build")
    assert unchanged.stdout.strip() == "Alles is bij: er is niets veranderd sinds de vorige keer."
    # The same words in another order, so the same glyphs: the case PDF, made of other pages, stays as it was.
    intro = project / "content" / "testbundel-1" / "inleiding.md"
    intro.write_text(intro.read_text("utf-8").replace("de inleiding van de testbundel", "de testbundel van de inleiding"), "utf-8")
    edited = run_cli(project, "build")
    assert "testbundel-1: 1 deel te zetten" in edited.stdout, edited.stdout
    again = rows(edited.stdout[edited.stdout.index("  PDF"):])
    assert again["testbundel-1.pdf"][-1] == "opnieuw gemaakt"
    assert again["testbundel-1/ (losse casussen)"][-1] == "ongewijzigd"
    assert again["testbundel-1/ (losse casussen)"][2] == "ongewijzigd", "no time for what was not made"

def test_case_pdfs_of_one_bundle_take_one_row_that_says_how_many_were_made_again():
    folder = Path("bundel_pdf/reeks-1")
    remade = [Written(folder / "01-a.pdf", 4, 2048, 0.2)]
    kept = [Written(folder / "02-b.pdf", 6, 4096, 0.0), Written(folder / "03-c.pdf", 2, 1024, 0.0)]
    table = rows(summary_table(remade, kept))
    assert table == {"reeks-1/ (losse casussen)": ["12", "7", "0.2 s", "1 van 3 opnieuw gemaakt"]}


def test_the_preview_line_counts_errors_and_warnings_in_words():
    from bundelpers import messages as msg

    assert msg.preview_updated(0.34, 0, 0) == "Voorbeeld bijgewerkt in 0.3 s."
    assert msg.preview_updated(0.3, 1, 0).startswith("Voorbeeld bijgewerkt in 0.3 s: 1 fout (")
    assert ": 2 fouten en 1 waarschuwing (" in msg.preview_updated(0.3, 2, 1)
    assert "(en)" not in msg.preview_updated(0.3, 3, 3)
