"""Render stage: HTML in build/ -> tagged PDF, reading nothing outside the project.

WeasyPrint only logs failed resources and accessibility problems and still
writes a PDF, so this stage listens to its logger and refuses the result.
"""

from __future__ import annotations

import io
import json
import logging
import mimetypes
import platform
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import messages as msg
from .assemble import repair_tags, write_pdf_atomically
from .errors import RenderError
from .files import write_bytes_atomically

PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "optimize_images": True, "dpi": 300, "jpeg_quality": 85}


@dataclass
class RenderLog(logging.Handler):
    """Keeps what WeasyPrint logs during one render."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        logging.Handler.__init__(self, logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        (self.errors if record.levelno >= logging.ERROR else self.warnings).append(text)

    def __hash__(self) -> int:
        return id(self)


def project_fetcher(allowed: tuple[Path, ...], refused: list[str]):  # type: ignore[no-untyped-def]
    from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

    roots = tuple(root.resolve() for root in allowed)

    class ProjectFetcher(URLFetcher):
        def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
            parts = urlsplit(url)
            path = Path(unquote(parts.path)).resolve() if parts.scheme == "file" else None
            if path is None or parts.netloc not in ("", "localhost") or not any(
                path.is_relative_to(root) for root in roots
            ) or not path.is_file():
                refused.append(url)
                raise FatalURLFetchingError(msg.RENDER_REFUSED.format(url=url))
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})

    return ProjectFetcher()


@dataclass(frozen=True)
class RenderResult:
    pages: int
    anchors: dict[str, int]  # element id -> 0-based page index
    warnings: tuple[str, ...]


def render_pdf(html_path: Path, target: Path, allowed: tuple[Path, ...], slug: str) -> RenderResult:
    """Render `html_path` to `target` atomically; raise RenderError instead of writing a bad PDF."""
    pdf, result = render_html(html_path, allowed, slug)
    write_pdf_atomically(pdf, target, scratch=html_path.parent)
    return result


def render_html(
    html: Path | str,
    allowed: tuple[Path, ...],
    slug: str,
    base_url: Path | None = None,
    stylesheets: tuple[Path, ...] = (),
    extra_css: tuple[str, ...] = (),
):  # type: ignore[no-untyped-def]
    """Render an HTML file, or HTML text whose links are relative to `base_url`.

    `stylesheets` (files) and `extra_css` (texts) are applied besides the document's own
    links; the files are parsed once per process and share one font configuration, see
    `_shared_styles`. Returns the tagged PDF (pikepdf, tags repaired) and what the render
    learnt about its pages.
    """
    weasyprint = import_weasyprint()

    refused: list[str] = []
    log = RenderLog()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(log)
    try:
        fetcher = project_fetcher(allowed, refused)
        source = (weasyprint.HTML(filename=str(html), url_fetcher=fetcher) if isinstance(html, Path)
                  else weasyprint.HTML(string=html, base_url=f"{base_url}/", url_fetcher=fetcher))
        font_config, sheets = _shared_styles(stylesheets, allowed, slug)
        sheets = [*sheets, *(weasyprint.CSS(string=text) for text in extra_css)]
        document = source.render(stylesheets=sheets, font_config=font_config, **PDF_OPTIONS)
        pdf_bytes = document.write_pdf(**PDF_OPTIONS)
    except RenderError:
        raise
    # FatalURLFetchingError (our refusals) is a BaseException, so it is named here.
    except (Exception, weasyprint.urls.FatalURLFetchingError) as exc:  # noqa: BLE001
        reason = msg.RENDER_REFUSED.format(url=refused[0]) if refused else str(exc)
        raise RenderError(msg.RENDER_FAILED.format(slug=slug, reason=reason)) from exc
    finally:
        logger.removeHandler(log)
    if refused:
        raise RenderError(msg.RENDER_FAILED.format(slug=slug, reason=msg.RENDER_REFUSED.format(url=refused[0])))
    if log.errors:
        raise RenderError(msg.RENDER_A11Y.format(slug=slug, detail="; ".join(log.errors)))
    anchors: dict[str, int] = {}
    for index, page in enumerate(document.pages):
        for anchor in page.anchors:
            anchors.setdefault(anchor, index)
    return _repaired(pdf_bytes), RenderResult(len(document.pages), anchors, tuple(log.warnings))


_STYLES: dict[tuple, tuple] = {}


def _shared_styles(paths: tuple[Path, ...], allowed: tuple[Path, ...], slug: str):  # type: ignore[no-untyped-def]
    """Stylesheets parsed once per process, with the fonts their @font-face rules load.

    Profiling a chapter render showed a fifth of its time going to parsing the same CSS
    and loading the same twelve font files again for every document, and a fresh font
    configuration also starts Pango's font caches cold. Parts of a bundle share both.
    """
    if not paths:
        return None, []
    key = (paths, tuple(path.stat().st_mtime_ns for path in paths))
    if key not in _STYLES:
        weasyprint = import_weasyprint()
        from weasyprint.text.fonts import FontConfiguration

        refused: list[str] = []
        font_config = FontConfiguration()
        fetcher = project_fetcher(allowed, refused)
        sheets = [weasyprint.CSS(filename=str(path), font_config=font_config, url_fetcher=fetcher)
                  for path in paths]
        if refused:
            raise RenderError(msg.RENDER_FAILED.format(
                slug=slug, reason=msg.RENDER_REFUSED.format(url=refused[0])))
        _STYLES[key] = (font_config, sheets)
    return _STYLES[key]


def import_weasyprint():  # type: ignore[no-untyped-def]
    """`import weasyprint`, without its slow search for the system libraries.

    WeasyPrint tries up to six names per library; cffi hands each name that is not a
    file to ctypes.util.find_library, which runs ldconfig and then gcc and ld for every
    name that does not exist: half a second of subprocesses per import. One ldconfig
    listing answers the same question; where there is none, the search is left alone.
    """
    if "weasyprint" in sys.modules:
        return sys.modules["weasyprint"]
    import ctypes.util

    listing = _ldconfig_listing() if sys.platform.startswith("linux") else None
    original = ctypes.util.find_library

    def find_library(name: str) -> str | None:
        found = re.search(rf"\s(lib{re.escape(name)}\.[^\s]+)\s+\(libc6,x86-64", listing or "")
        return found.group(1) if found else None

    if listing and platform.machine() == "x86_64":
        ctypes.util.find_library = find_library
    try:
        import weasyprint
    finally:
        ctypes.util.find_library = original
    return weasyprint


def _ldconfig_listing() -> str | None:
    try:
        return subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True, check=True,
                              env={"LC_ALL": "C", "LANG": "C"}, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return None


def _repaired(pdf_bytes: bytes):  # type: ignore[no-untyped-def]
    """Running heads become pagination artifacts and links sit in their Link tags."""
    import pikepdf

    pdf = pikepdf.open(io.BytesIO(pdf_bytes))
    repair_tags(pdf)
    return pdf


def write_page_map(path: Path, result: RenderResult) -> None:
    """Sidecar for the collection: where each chapter landed, from the render itself."""
    data = {"pages": result.pages, "anchors": result.anchors}
    write_bytes_atomically(path, json.dumps(data, indent=1, sort_keys=True).encode())
