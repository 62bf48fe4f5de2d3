"""Render stage: HTML in build/ -> tagged PDF, reading nothing outside the project.

WeasyPrint only logs failed resources and accessibility problems and still
writes a PDF, so this stage listens to its logger and refuses the result.
"""

from __future__ import annotations

import io
import json
import logging
import mimetypes
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from . import messages as msg
from .errors import RenderError
from .assemble import repair_tags, write_pdf_atomically
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
    import weasyprint

    refused: list[str] = []
    log = RenderLog()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(log)
    try:
        document = weasyprint.HTML(
            filename=str(html_path), url_fetcher=project_fetcher(allowed, refused)
        ).render(**PDF_OPTIONS)
        pdf_bytes = document.write_pdf(**PDF_OPTIONS)
    except Exception as exc:  # noqa: BLE001 - any WeasyPrint failure becomes one clear message
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
    write_pdf_atomically(_repaired(pdf_bytes), target, scratch=html_path.parent)
    return RenderResult(len(document.pages), anchors, tuple(log.warnings))


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
