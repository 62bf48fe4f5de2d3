"""WeasyPrint, through its public API: one HTML document -> a tagged PDF and where its
elements landed, reading nothing outside the project.

WeasyPrint only logs failed resources and accessibility problems and still writes a
PDF, so this module listens to its logger and refuses the result instead.
"""

from __future__ import annotations

import logging
import mimetypes
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .. import messages as msg
from ..errors import RenderError

PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "optimize_images": True, "dpi": 300, "jpeg_quality": 85}
# Sheets of running heads and folios are drawn as artifacts onto tagged pages: they are
# typeset untagged.
UNTAGGED_OPTIONS = {"optimize_images": True, "dpi": 300, "jpeg_quality": 85}


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


class Refused(Exception):
    """A URL the fetcher would not read; `url` is what the document asked for."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.url = url


def project_fetcher(allowed: tuple[Path, ...], refused: list[str]):  # type: ignore[no-untyped-def]
    """A URL fetcher that reads files inside `allowed` and refuses everything else."""
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
class Typeset:
    """A document's PDF and what the render learnt about its pages."""

    pdf: bytes
    pages: int
    anchors: dict[str, int]  # element id -> 0-based page index
    warnings: tuple[str, ...]
    # element id -> (top, bottom) of its box on the page where it starts, CSS px
    positions: dict[str, tuple[float, float]] = field(default_factory=dict)


_STYLES: dict[tuple[Path, ...], tuple] = {}  # stylesheet set -> (their mtimes, font config, parsed)


def shared_styles(paths: tuple[Path, ...], allowed: tuple[Path, ...]):  # type: ignore[no-untyped-def]
    """Stylesheets parsed once per process, with the fonts their @font-face rules load.

    Profiling a chapter render showed a fifth of its time going to parsing the same CSS
    and loading the same twelve font files again for every document; a fresh font
    configuration also starts Pango's font caches cold.
    """
    mtimes = tuple(path.stat().st_mtime_ns for path in paths)
    if _STYLES.get(paths, (None,))[0] != mtimes:
        import weasyprint
        from weasyprint.text.fonts import FontConfiguration

        refused: list[str] = []
        font_config = FontConfiguration()
        fetcher = project_fetcher(allowed, refused)
        try:
            sheets = [weasyprint.CSS(filename=str(path), font_config=font_config,
                                     url_fetcher=fetcher) for path in paths]
        except weasyprint.urls.FatalURLFetchingError:
            sheets = []
        if refused:
            raise Refused(refused[0])
        # One entry per set (units, stamps): an edited stylesheet replaces its set's parse.
        _STYLES[paths] = (mtimes, font_config, sheets)
    return _STYLES[paths][1:]


def typeset(html: str, base: Path, stylesheets: tuple[Path, ...], allowed: tuple[Path, ...],
            tagged: bool = True) -> Typeset:
    """Typeset HTML text whose relative URLs start in `base`.

    Raises `Refused` for a URL outside `allowed`, RenderError for anything else that
    keeps the PDF from being right (WeasyPrint's logged errors included).
    """
    import weasyprint

    refused: list[str] = []
    log = RenderLog()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(log)
    options = PDF_OPTIONS if tagged else UNTAGGED_OPTIONS
    try:
        font_config, sheets = shared_styles(stylesheets, allowed)
        source = weasyprint.HTML(string=html, base_url=f"{base.as_uri()}/",
                                 url_fetcher=project_fetcher(allowed, refused))
        document = source.render(stylesheets=sheets, font_config=font_config, **options)
        pdf = document.write_pdf(**options)
    except Refused:
        raise
    # FatalURLFetchingError (our refusals) is a BaseException, so it is named here.
    except (Exception, weasyprint.urls.FatalURLFetchingError) as error:
        if refused:
            raise Refused(refused[0]) from error
        raise RenderError(str(error)) from error
    finally:
        logger.removeHandler(log)
    if refused:
        raise Refused(refused[0])
    if log.errors:
        raise RenderError(msg.RENDER_A11Y_DETAIL.format(detail="; ".join(log.errors)))
    anchors: dict[str, int] = {}
    positions: dict[str, tuple[float, float]] = {}
    for index, page in enumerate(document.pages):
        for anchor, (_, top, _, bottom) in page.anchors.items():
            if anchor not in anchors:
                anchors[anchor] = index
                positions[anchor] = (top, bottom)
    return Typeset(pdf, len(document.pages), anchors, tuple(log.warnings), positions)
