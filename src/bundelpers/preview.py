"""`bundelpers preview`: a bundle's pages in the browser, brought up to date on every save.

One warm process: WeasyPrint stays loaded and the worker processes stay up. On a save the
bundle is checked and laid out again; only units whose inputs changed are typeset, and
only pages whose unit or furniture changed are drawn again (publish/raster.py). Nothing
is written to bundel_pdf/: `make` makes the PDFs. The page is served on 127.0.0.1 only;
problems are shown in a banner on it, with file and line, as `make check` prints them.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from . import messages as msg
from .build import Pipeline, check
from .errors import ContentError, MergeError, RenderError
from .layout.environment import environment
from .project import Project
from .publish.raster import SCALE, Painter, page_pictures
from .render.jobs import Runner
from .render.warmup import prepare_renderer

MM = 72 / 25.4
LONG_POLL_SECONDS = 20.0
KEEP_PICTURES = 2000  # drawn pages kept in memory, so going back to an earlier text is quick


@dataclass
class Shown:
    """What the browser is shown, and a version that moves on whenever it changes."""

    slug: str
    version: int = 0
    pages: list[str] = field(default_factory=list)  # page identities, in book order
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0  # how long the last update took


class Preview:
    def __init__(self, project: Project, slug: str, others: list[str]) -> None:
        self.project = project
        self.others = others
        self.shown = Shown(slug)
        self.changed = threading.Condition()
        self.pictures: dict[str, bytes] = {}
        self.painter = Painter()
        self.runner = Runner()
        prepare_renderer(project, self.runner)
        self.wanted = threading.Event()  # a save (or another bundle) asks for an update
        self.size = (round(170 * MM * SCALE), round(240 * MM * SCALE))

    # --- bringing the pictures up to date ---------------------------------------------

    def update(self) -> None:
        started = time.perf_counter()
        slug = self.shown.slug
        problems: list[str] = []
        errors, warnings = 0, 0
        pages = self.shown.pages
        try:
            checked = check(self.project, {slug})
            problems = [warning.format() for warning in checked.warnings]
            warnings = len(checked.warnings)
            pipeline = Pipeline(self.project, checked, self.runner, None)
            plans, laid = pipeline.lay_out({slug}, derived=False)
            plan = next(p for p in plans if p.slug == slug)
            book = laid[slug]
            pictures = page_pictures(book.pagination, book.rendered,
                                     pipeline.sheets(plan, book.pagination), plan.head_pairs)
            for picture in pictures:
                if picture.identity not in self.pictures:
                    self.pictures[picture.identity] = self.painter.png(picture, self.size)
            pages = [picture.identity for picture in pictures]
            self.painter.forget({unit.pdf for unit in book.rendered})
            if len(self.pictures) > KEEP_PICTURES:
                self.pictures = {name: self.pictures[name] for name in pages}
        except ContentError as error:
            problems = [problem.format() for problem in sorted(
                [*error.problems, *error.warnings], key=lambda problem: problem.location())]
            problems.append(msg.BUILD_STOPPED.format(errors=msg.errors(len(error.problems))))
            errors, warnings = len(error.problems), len(error.warnings)
        except (RenderError, MergeError) as error:
            from .cli import render_failure

            problems = [render_failure(self.project, error)]
            errors = 1
        with self.changed:
            self.shown.version += 1
            self.shown.pages = pages
            self.shown.problems = problems
            self.shown.seconds = time.perf_counter() - started
            self.changed.notify_all()
        print(msg.preview_updated(self.shown.seconds, errors, warnings), flush=True)

    def keep_up(self, stop: threading.Event) -> None:
        """Update now, then on every save in content/ or layouts/ (or a request for
        another bundle), until `stop`."""
        import watchfiles

        from .cli import _editor_files

        def saves() -> None:
            for _ in watchfiles.watch(self.project.content, self.project.layouts, stop_event=stop,
                                      debounce=40, step=20, raise_interrupt=False,
                                      watch_filter=_editor_files):
                self.wanted.set()

        threading.Thread(target=saves, name="bewaren", daemon=True).start()
        self.wanted.set()
        while not stop.is_set():
            if self.wanted.wait(0.2):
                self.wanted.clear()
                self.update()

    def show_bundle(self, slug: str) -> None:
        if slug != self.shown.slug and (slug in self.others):
            self.others = sorted({*self.others, self.shown.slug} - {slug})
            self.shown.slug = slug
            self.wanted.set()

    # --- what the browser asks for ---------------------------------------------------------

    def page_html(self) -> bytes:
        template = environment(self.project.layouts).get_template("preview/index.html.j2")
        width, height = self.size
        with self.changed:
            shown = self.shown
            return template.render(
                title=shown.slug, pages=shown.pages, problems=shown.problems,
                problems_title=msg.PREVIEW_PROBLEMS, version=shown.version, others=self.others,
                port=self.port, width=width, height=height).encode("utf-8")

    def status(self, since: int) -> bytes:
        with self.changed:
            self.changed.wait_for(lambda: self.shown.version != since, timeout=LONG_POLL_SECONDS)
            shown = self.shown
            return json.dumps({"versie": shown.version, "paginas": shown.pages,
                               "problemen": shown.problems, "bundel": shown.slug,
                               "seconden": round(shown.seconds, 3)}).encode("utf-8")

    def serve(self, port: int) -> ThreadingHTTPServer:
        preview = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # the http.server interface names it so
                url = urlsplit(self.path)
                query = parse_qs(url.query)
                if url.path == "/":
                    if "bundel" in query:
                        preview.show_bundle(query["bundel"][0])
                    self._send(preview.page_html(), "text/html; charset=utf-8")
                elif url.path == "/status":
                    since = int(query.get("versie", ["-1"])[0] or -1)
                    self._send(preview.status(since), "application/json")
                elif url.path.startswith("/pagina/") and url.path.endswith(".png"):
                    picture = preview.pictures.get(url.path[len("/pagina/"):-len(".png")])
                    if picture is None:
                        self.send_error(404)
                    else:
                        self._send(picture, "image/png", cache=True)
                elif url.path in ("/voorbeeld.js", "/voorbeeld.css"):
                    kind = "text/javascript" if url.path.endswith(".js") else "text/css"
                    data = (preview.project.layouts / "preview" / url.path[1:]).read_bytes()
                    self._send(data, f"{kind}; charset=utf-8")
                else:
                    self.send_error(404)

            def _send(self, data: bytes, kind: str, cache: bool = False) -> None:
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Cache-Control", "max-age=31536000, immutable" if cache else "no-store")
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass  # the terminal shows what the editor needs, not every request

        server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        server.daemon_threads = True
        self.port = server.server_address[1]
        return server

    def close(self) -> None:
        self.runner.close(cancel=True)


def preview(project: Project, slug: str, others: list[str], port: int, open_browser: bool,
            stop: threading.Event | None = None) -> int:
    stop = stop or threading.Event()
    shown = Preview(project, slug, others)
    server = shown.serve(port)
    threading.Thread(target=server.serve_forever, name="server", daemon=True).start()
    address = f"http://127.0.0.1:{shown.port}/"
    print(msg.PREVIEW_ADDRESS.format(address=address), flush=True)
    if open_browser:
        import webbrowser

        webbrowser.open(address)
    try:
        shown.keep_up(stop)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.shutdown()
        shown.close()
    print(msg.PREVIEW_STOPPED, flush=True)
    return 0
