"""The renderer reads nothing outside the project: no network, no other files.

A local HTTP server records every request it gets. Each refused reference must stop
the build with a Dutch message naming the file and line, and the server must see
nothing at all; a link (which a reader clicks, later) is fine and is not fetched.
"""

from __future__ import annotations

import contextlib
import io
import re
import threading
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import make_project, minimal_files, run_cli
from PIL import Image
from readback import BookPdf
from weasyprint.urls import FatalURLFetchingError

from bundelpers.render.weasy import project_fetcher

BUNDLE = "content/testbundel-1"
CASE = f"{BUNDLE}/casus.md"


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "#2E6F8E").save(buffer, "PNG")
    return buffer.getvalue()


PNG = png_bytes()


@dataclass
class Server:
    base: str
    requests: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path


@contextlib.contextmanager
def recording_server() -> Iterator[Server]:
    """An HTTP server on 127.0.0.1 that answers every GET with a valid PNG and remembers it."""
    requests: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # the http.server interface names it so
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(PNG)))
            self.end_headers()
            self.wfile.write(PNG)

        do_POST = do_HEAD = do_GET

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{httpd.server_address[1]}", requests)
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@pytest.fixture
def server() -> Iterator[Server]:
    with recording_server() as running:
        yield running


def test_the_recording_server_does_record_a_request(server):
    # Without this, "zero requests" below could mean a deaf server.
    with urllib.request.urlopen(server.url("/ping"), timeout=5) as response:
        assert response.read() == PNG
    assert server.requests == ["/ping"]


# --- content that points outside: refused before anything is rendered -----------------
#
# One project holds every kind of reference at once: the check names every problem in
# one run, so one build shows each of them refused, each at its own file and line.

REMOTE = "staat op internet of elders op de computer"
OUTSIDE = "ligt buiten de bundelmap"
SVG_OUT = "verwijst naar iets buiten het bestand"

# id: (reference, what the message says); {url} is the recording server, {root} the project
BODY_IMAGES = {
    "body-image-http": ("{url}/x.png", REMOTE),
    "body-image-protocol-relative": ("//{host}/x.png", REMOTE),
    "body-image-file-url": ("file:///etc/passwd", REMOTE),
    "body-image-dotdot": ("../../x.png", OUTSIDE),
    "body-image-absolute-path": ("{root}/x.png", OUTSIDE),
    "body-image-symlink-out": ("beeld/uitweg.png", "is een snelkoppeling naar"),  # to {root}/x.png
}
CHAPTER_FIGURES = {
    "chapter-figure-http": ("{url}/x.png", REMOTE),
    "chapter-figure-dotdot": ("../../x.png", OUTSIDE),
}
COVER_IMAGE = {"cover-image-http": ("{url}/x.png", REMOTE)}
# id: the inside of an SVG that the body shows as an image
SVGS = {
    "svg-image-http": '<image href="{url}/x.png" width="40" height="40"/>',
    "svg-image-file-url": '<image xlink:href="file:///etc/passwd" width="40" height="40"/>',
    "svg-css-import": '<style>@import url("{url}/s.css");</style><rect width="9" height="9"/>',
    "svg-css-url-in-style": '<rect width="9" height="9" style="fill: url({url}/p.svg#verloop)"/>',
}
REFERENCE_IDS = [*BODY_IMAGES, *CHAPTER_FIGURES, *COVER_IMAGE, *SVGS]


@dataclass(frozen=True)
class RefusedBuild:
    stderr: str
    returncode: int
    requests: list[str]
    pdfs: list[Path]
    expected: dict[str, tuple[str, int, str]]  # id -> (file, line, what the message says)


@pytest.fixture(scope="module")
def refused_build(tmp_path_factory: pytest.TempPathFactory) -> RefusedBuild:
    root = tmp_path_factory.mktemp("refused")
    with recording_server() as server:
        fill = {"url": server.base, "host": server.base.removeprefix("http://"), "root": root}
        files = minimal_files()
        files["x.png"] = PNG  # it exists: the refusal is about where it is, not that it is missing
        body = [(key, f"![Foto van de wijk]({ref.format(**fill)})", says)
                for key, (ref, says) in BODY_IMAGES.items()]
        for number, (key, inside) in enumerate(SVGS.items(), 1):
            name = f"beeld/kaart-{number}.svg"
            files[f"{BUNDLE}/{name}"] = (
                '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
                f' width="40" height="40" viewBox="0 0 40 40">{inside.format(**fill)}</svg>')
            body.append((key, f"![Kaart {number}]({name})", f"De SVG '{name}' {SVG_OUT}"))
        figures = [(key, f"  - bestand: {ref.format(**fill)}", says)
                   for key, (ref, says) in CHAPTER_FIGURES.items()]
        case = files[CASE].replace(
            "initiatief: Het Initiatief\n",
            "initiatief: Het Initiatief\nbeeld:\n"
            + "".join(f"{line}\n    alt: Foto\n" for _, line, _ in figures))
        files[CASE] = case.replace(
            "## Aanpak", "".join(f"{line}\n\n" for _, line, _ in body) + "## Aanpak")
        cover = [(key, f"  bestand: {ref.format(**fill)}", says)
                 for key, (ref, says) in COVER_IMAGE.items()]
        bundle_yaml = f"{BUNDLE}/bundel.yaml"
        files[bundle_yaml] += "omslagbeeld:\n" + "".join(f"{line}\n  alt: Omslag\n" for _, line, _ in cover)

        expected = {}
        for file, placed in ((CASE, body + figures), (bundle_yaml, cover)):
            lines = files[file].splitlines()
            for key, line, says in placed:
                expected[key] = (file, lines.index(line) + 1, says)
        make_project(root, files)
        (root / BUNDLE / "beeld" / "uitweg.png").symlink_to(root / "x.png")
        result = run_cli(root, "build")
        return RefusedBuild(result.stderr, result.returncode, list(server.requests),
                            list(root.glob("bundel_pdf/*.pdf")), expected)


def test_content_pointing_outside_the_project_stops_the_build_before_any_pdf(refused_build):
    assert refused_build.returncode == 1, refused_build.stderr
    assert "Er is niets gebouwd" in refused_build.stderr
    assert "Traceback" not in refused_build.stderr
    assert refused_build.pdfs == []


def test_content_pointing_outside_the_project_is_never_fetched(refused_build):
    assert refused_build.requests == []


@pytest.mark.parametrize("key", REFERENCE_IDS)
def test_each_reference_outside_the_project_is_named_with_its_file_and_line(refused_build, key):
    file, line, says = refused_build.expected[key]
    located = re.compile(re.escape(f"{file}:{line}") + r"(?::\d+)?: fout: ")
    problems = [text for text in refused_build.stderr.splitlines() if located.match(text)]
    assert any(says in text for text in problems), refused_build.stderr


def test_web_link_in_a_body_becomes_a_link_in_the_pdf_and_is_never_fetched(project_factory, server):
    files = minimal_files()
    files[CASE] = files[CASE].replace("## Aanpak", f"Zie de [site]({server.url('/page')}).\n\n## Aanpak")
    project = project_factory(files)

    result = run_cli(project, "build")

    assert result.returncode == 0, result.stderr
    assert server.url("/page") in BookPdf(project / "bundel_pdf" / "testbundel-1.pdf").uri_links()
    assert server.requests == []


# --- the layouts point outside: the renderer's fetcher refuses ------------------------

# id: (a rule added to layouts/css/typography.css, the URL it makes WeasyPrint ask for)
LAYOUT_REFERENCES = {
    "css-background-http": ('body {{ background-image: url("{url}/bg.png"); }}', "{url}/bg.png"),
    "css-import-http": ('@import url("{url}/extra.css");', "{url}/extra.css"),
}


@dataclass(frozen=True)
class LayoutBuild:
    reference: str
    stderr: str
    returncode: int
    requests: list[str]
    pdfs: list[Path]


@pytest.fixture(scope="module", params=list(LAYOUT_REFERENCES))
def layout_build(request: pytest.FixtureRequest, tmp_path_factory) -> LayoutBuild:
    rule, reference = LAYOUT_REFERENCES[request.param]
    root = tmp_path_factory.mktemp(request.param)
    with recording_server() as server:
        make_project(root, minimal_files())
        sheet = root / "layouts" / "css" / "typography.css"
        rule = rule.format(url=server.base)
        text = sheet.read_text("utf-8")
        # @import is only valid before every other rule.
        sheet.write_text(f"{rule}\n{text}" if rule.startswith("@import") else f"{text}\n{rule}\n")
        result = run_cli(root, "build")
        return LayoutBuild(reference.format(url=server.base), result.stderr, result.returncode,
                           list(server.requests), list(root.glob("bundel_pdf/*.pdf")))


def test_stylesheet_reference_outside_the_project_is_never_fetched(layout_build):
    assert layout_build.returncode != 0
    assert layout_build.requests == []
    assert layout_build.pdfs == []


def test_refused_stylesheet_reference_is_reported_in_dutch_without_a_traceback(layout_build):
    assert layout_build.returncode == 2
    assert "Traceback" not in layout_build.stderr, layout_build.stderr
    assert f"De opmaak probeerde iets buiten het project te lezen: {layout_build.reference}" \
        in layout_build.stderr


# --- the fetcher itself -----------------------------------------------------------------


def test_fetcher_reads_a_file_inside_an_allowed_folder(tmp_path):
    (tmp_path / "foto.png").write_bytes(PNG)
    refused: list[str] = []
    response = project_fetcher((tmp_path,), refused).fetch((tmp_path / "foto.png").as_uri())
    assert response.read() == PNG
    assert response.content_type == "image/png"
    assert refused == []


def test_fetcher_refuses_http_without_connecting(tmp_path, server):
    refused: list[str] = []
    with pytest.raises(FatalURLFetchingError):
        project_fetcher((tmp_path,), refused).fetch(server.url("/x.png"))
    assert refused == [server.url("/x.png")]
    assert server.requests == []


def test_fetcher_refuses_a_file_outside_the_allowed_folders(tmp_path):
    refused: list[str] = []
    with pytest.raises(FatalURLFetchingError):
        project_fetcher((tmp_path,), refused).fetch("file:///etc/passwd")
    assert refused == ["file:///etc/passwd"]


def test_fetcher_refuses_a_dotdot_escape_from_an_allowed_folder(tmp_path):
    allowed = tmp_path / "project"
    allowed.mkdir()
    (tmp_path / "geheim.png").write_bytes(PNG)
    url = allowed.as_uri() + "/../geheim.png"
    refused: list[str] = []
    with pytest.raises(FatalURLFetchingError):
        project_fetcher((allowed,), refused).fetch(url)
    assert refused == [url]


def test_fetcher_refuses_a_symlink_that_leads_out_of_an_allowed_folder(tmp_path):
    allowed = tmp_path / "project"
    allowed.mkdir()
    (tmp_path / "geheim.png").write_bytes(PNG)
    (allowed / "foto.png").symlink_to(tmp_path / "geheim.png")
    with pytest.raises(FatalURLFetchingError):
        project_fetcher((allowed,), []).fetch((allowed / "foto.png").as_uri())


def test_fetcher_refuses_a_file_url_on_another_host(tmp_path):
    (tmp_path / "foto.png").write_bytes(PNG)
    with pytest.raises(FatalURLFetchingError):
        project_fetcher((tmp_path,), []).fetch(f"file://elders{tmp_path}/foto.png")

