from conftest import run_cli
from pypdf import PdfReader


def test_minimal_project_builds_a_pdf(project_factory):
    project = project_factory()
    result = run_cli(project, "build")
    assert result.returncode == 0, result.stderr
    reader = PdfReader(project / "bundel_pdf" / "testbundel-1.pdf")
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Dit is de inleiding van de testbundel." in text
