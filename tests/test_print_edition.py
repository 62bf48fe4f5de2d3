"""The print edition, `bundelpers drukwerk` (issue 13), read back: every page has its
trim box and a bleed box 3 mm beyond it; colour fields run into the bleed and nothing
else does; the cover spread is two covers and a spine as thick as the paper; crop marks
stand outside the bleed when asked for; an image printed below 300 ppi is named with its
file and line, an SVG or a sharp image is not; `make` itself makes none of this."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from conftest import SERIES_YAML, make_project, minimal_files, run_cli
from PIL import Image

MM = 72 / 25.4
TRIM = (170.0, 240.0)
BLEED = 3.0
PAPER = 0.2  # mm, the fixture's drukwerk.papierdikte_mm
ACCENT = (0x2E, 0x6F, 0x8E)  # the fixture bundle's kleur

CASE_WITH_IMAGES = """\
---
soort: casus
titel: Een casus met foto's
samenvatting: Korte samenvatting.
plaats: Oss
initiatief: Het Initiatief
---

## Aanleiding

Tekst voor de foto.

![Een kleine foto van de buurt](beeld/klein.png "Te grof voor drukwerk.")

## Aanpak

Tekst.

![Een scherpe foto van de buurt](beeld/groot.png "Scherp genoeg.")

## Successen

Tekst.

## Tegenvallers

Tekst.

## Lessen

Tekst.
"""


def png(size: tuple[int, int], colour: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    files: dict[str, str | bytes] = dict(minimal_files())
    files["content/reeks.yaml"] = SERIES_YAML + f"drukwerk:\n  papierdikte_mm: {PAPER}\n"
    files["content/testbundel-1/casus.md"] = CASE_WITH_IMAGES
    # 400 px across the column (about 126 mm) is some 80 ppi; 2400 px is over 300.
    files["content/testbundel-1/beeld/klein.png"] = png((400, 200), "#c04000")
    files["content/testbundel-1/beeld/groot.png"] = png((2400, 1200), "#0040c0")
    return make_project(tmp_path_factory.mktemp("drukwerk") / "project", files)


@pytest.fixture(scope="module")
def printed(project: Path, tmp_path_factory: pytest.TempPathFactory):
    """The reader's books, then the print edition without and with crop marks (each kept
    in its own folder)."""
    reader = run_cli(project, "build")
    assert reader.returncode == 0, reader.stderr
    plain = run_cli(project, "drukwerk")
    assert plain.returncode == 0, plain.stderr
    kept = tmp_path_factory.mktemp("zonder-snijtekens")
    shutil.copytree(project / "bundel_pdf" / "drukwerk", kept, dirs_exist_ok=True)
    marked = run_cli(project, "drukwerk", "--snijtekens")
    assert marked.returncode == 0, marked.stderr
    return {"plain": plain, "marked": marked, "plain_folder": kept,
            "marked_folder": project / "bundel_pdf" / "drukwerk"}


def boxes(path: Path) -> list[dict[str, tuple[float, ...]]]:
    with pikepdf.open(path) as pdf:
        return [{name: tuple(float(v) / MM for v in page.obj[f"/{name}"])
                 for name in ("MediaBox", "TrimBox", "BleedBox")} for page in pdf.pages]


def near(a: tuple[float, ...], b: tuple[float, ...], tolerance: float = 0.01) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def grown(box: tuple[float, ...], by: float) -> tuple[float, ...]:
    return box[0] - by, box[1] - by, box[2] + by, box[3] + by


# --- What is made, and where --------------------------------------------------------------

def test_the_print_edition_holds_each_bundle_the_verzamelbundel_and_their_cover_spreads(printed):
    names = sorted(path.name for path in printed["plain_folder"].glob("*.pdf"))
    assert names == ["testbundel-1-omslag.pdf", "testbundel-1.pdf",
                     "testreeks-verzamelbundel-omslag.pdf", "testreeks-verzamelbundel.pdf"]


def test_the_normal_build_makes_no_print_edition(tmp_path):
    root = make_project(tmp_path / "gewoon", minimal_files())
    result = run_cli(root, "build")
    assert result.returncode == 0, result.stderr
    assert (root / "bundel_pdf" / "testbundel-1.pdf").is_file()
    assert not (root / "bundel_pdf" / "drukwerk").exists()


def test_the_print_books_have_the_pages_of_the_readers_books(project, printed):
    for name in ("testbundel-1.pdf", "testreeks-verzamelbundel.pdf"):
        reader = pdfium.PdfDocument(project / "bundel_pdf" / name)
        press = pdfium.PdfDocument(printed["plain_folder"] / name)
        assert len(reader) == len(press)
        for index in range(len(press)):
            assert press[index].get_textpage().get_text_range() == \
                reader[index].get_textpage().get_text_range()


# --- Boxes ------------------------------------------------------------------------------

def test_every_page_has_its_trim_and_a_bleed_box_3_mm_beyond_it(printed):
    for path in printed["plain_folder"].glob("*.pdf"):
        for index, page in enumerate(boxes(path)):
            trim = page["TrimBox"]
            assert near(trim[:2], (0, 0)), (path.name, index)
            if not path.stem.endswith("-omslag"):
                assert near(trim, (0, 0, *TRIM)), (path.name, index, trim)
            assert near(page["BleedBox"], grown(trim, BLEED)), (path.name, index)
            assert near(page["MediaBox"], page["BleedBox"]), (path.name, index)


def pixel(path: Path, index: int, x_mm: float, y_mm: float, scale: int = 4) -> tuple[int, int, int]:
    """The colour at a point given in mm right of and below the trim's top left corner."""
    page = boxes(path)[index]
    media, trim = page["MediaBox"], page["TrimBox"]
    image = pdfium.PdfDocument(path)[index].render(scale=scale).to_pil().convert("RGB")
    # pdfium renders the media box, its top left corner first.
    column = round((trim[0] + x_mm - media[0]) * MM * scale)
    row = round((media[3] - (trim[3] - y_mm)) * MM * scale)
    return image.getpixel((column, row))


def close_to(colour: tuple[int, int, int], expected: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= 3 for a, b in zip(colour, expected, strict=True))


def test_colour_fields_run_into_the_bleed_and_text_pages_stay_white(printed):
    book = printed["plain_folder"] / "testbundel-1.pdf"
    last = len(boxes(book)) - 1
    for index in (0, last):  # cover and back cover
        for x, y in ((-1.5, -1.5), (TRIM[0] + 1.5, TRIM[1] + 1.5), (-1.5, TRIM[1] / 2)):
            assert close_to(pixel(book, index, x, y), ACCENT), (index, x, y)
    for x, y in ((-1.5, -1.5), (TRIM[0] + 1.5, TRIM[1] / 2)):
        assert pixel(book, 2, x, y) == (255, 255, 255)  # the title page


def test_part_titles_of_the_verzamelbundel_bleed_too(printed):
    collection = printed["plain_folder"] / "testreeks-verzamelbundel.pdf"
    with pikepdf.open(collection) as pdf:
        labels = pdf.Root.PageLabels
        assert labels is not None
    document = pdfium.PdfDocument(collection)
    coloured = [index for index in range(len(document))
                if pixel(collection, index, -1.5, TRIM[1] / 2) != (255, 255, 255)]
    # The cover, the part title of the one bundle, the back cover.
    assert len(coloured) == 3 and coloured[0] == 0 and coloured[-1] == len(document) - 1


# --- The cover spread -----------------------------------------------------------------------

def test_the_cover_spread_is_two_covers_and_a_spine_as_thick_as_the_paper(printed):
    for book in ("testbundel-1", "testreeks-verzamelbundel"):
        pages = len(boxes(printed["plain_folder"] / f"{book}.pdf"))
        spread = boxes(printed["plain_folder"] / f"{book}-omslag.pdf")
        assert len(spread) == 1
        spine = pages / 2 * PAPER
        trim = spread[0]["TrimBox"]
        assert near(trim, (0, 0, 2 * TRIM[0] + spine, TRIM[1]))
        assert near(spread[0]["MediaBox"], (-BLEED, -BLEED, 2 * TRIM[0] + spine + BLEED,
                                            TRIM[1] + BLEED))
        assert f"{book}.pdf: {pages} pagina's, rug " in printed["plain"].stdout


def test_the_spread_has_the_back_cover_left_and_the_front_cover_right(printed):
    spread = printed["plain_folder"] / "testbundel-1-omslag.pdf"
    document = pdfium.PdfDocument(spread)
    text = document[0].get_textpage()
    front = text.get_text_bounded(left=(TRIM[0] + 10) * MM)
    back = text.get_text_bounded(right=(TRIM[0] - 10) * MM)
    assert "Testbundel 1" in front and "Een bundel om mee te testen" in front
    assert "Korte samenvatting van de testbundel." in " ".join(back.split())


def test_a_known_page_count_and_paper_give_a_known_spine():
    from bundelpers.publish.press import spine_mm

    assert spine_mm(136, 0.1) == pytest.approx(6.8)
    assert spine_mm(48, 0.2) == pytest.approx(4.8)


# --- Crop marks ---------------------------------------------------------------------------

def test_crop_marks_stand_outside_the_bleed_as_production_artifacts(printed):
    for path in printed["marked_folder"].glob("*.pdf"):
        for page in boxes(path):
            assert near(page["BleedBox"], grown(page["TrimBox"], BLEED))
            assert near(page["MediaBox"], grown(page["TrimBox"], 10))
        with pikepdf.open(path) as pdf:
            for page in pdf.pages:
                assert b"/Artifact <</Type /Page>> BDC" in page.Contents.read_bytes() \
                    if not isinstance(page.Contents, pikepdf.Array) else any(
                        b"/Artifact <</Type /Page>> BDC" in part.read_bytes() for part in page.Contents)
    book = printed["marked_folder"] / "testbundel-1.pdf"
    # A mark on the trim's left edge line, 7.5 mm above the top: dark. Inside the bleed: not.
    assert sum(pixel(book, 2, 0, -7.5, scale=8)) < 400
    assert pixel(book, 2, 0, -2) == (255, 255, 255)


def test_without_crop_marks_nothing_is_drawn_beyond_the_bleed(printed):
    with pikepdf.open(printed["plain_folder"] / "testbundel-1.pdf") as pdf:
        assert all(b"Snijteken" not in bytes(repr(page.Resources), "utf-8") for page in pdf.pages)


# --- Image resolution ---------------------------------------------------------------------

def test_an_image_printed_below_300_ppi_is_named_with_its_file_and_line(project, printed):
    source = (project / "content" / "testbundel-1" / "casus.md").read_text("utf-8").splitlines()
    line = next(n for n, text in enumerate(source, start=1) if "beeld/klein.png" in text)
    warnings = [text for text in printed["plain"].stderr.splitlines() if "waarschuwing" in text]
    expected = f"content/testbundel-1/casus.md:{line}: waarschuwing: De afbeelding 'beeld/klein.png'"
    assert any(text.startswith(expected) for text in warnings), printed["plain"].stderr
    assert "ppi" in printed["plain"].stderr and "minstens 300 ppi" in printed["plain"].stderr


def test_a_sharp_image_and_an_svg_give_no_warning(printed):
    stderr = printed["plain"].stderr
    assert "groot.png" not in stderr
    assert ".svg" not in stderr
    assert stderr.count("waarschuwing: De afbeelding") == 1


def test_the_shipped_svg_figures_give_no_warning(shipped_build):
    result = run_cli(shipped_build, "drukwerk")
    assert result.returncode == 0, result.stderr
    assert "ppi" not in result.stderr
    assert (shipped_build / "bundel_pdf" / "drukwerk" / "wij-in-de-wijk-verzamelbundel-omslag.pdf").is_file()


# --- The paper's thickness in reeks.yaml ----------------------------------------------------

def test_a_paper_thickness_that_is_no_number_is_refused_in_dutch_with_its_line(tmp_path):
    files = dict(minimal_files())
    files["content/reeks.yaml"] = SERIES_YAML + "drukwerk:\n  papierdikte_mm: 0,1 mm\n"
    root = make_project(tmp_path / "fout", files)
    result = run_cli(root, "check")
    assert result.returncode == 1
    line = len(SERIES_YAML.splitlines()) + 2
    assert f"content/reeks.yaml:{line}:19: fout: 'papierdikte_mm' moet een papierdikte" in result.stderr
    assert "er staat `0,1 mm`" in result.stderr
    assert "papierdikte_mm: 0.1" in result.stderr
    assert "Traceback" not in result.stderr
