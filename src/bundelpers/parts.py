"""A bundle as separately rendered parts: what each part shows, where it starts, which
parts the cache already holds, and which must be (re)rendered.

The parts are the front matter ("voorwerk": cover to contents), one per chapter, the
last chapter together with the back cover. Every chapter opens on a recto, so every
part but the last is padded to an even page count when joined, and a chapter's first
folio is 1 + the padded page counts before it. A part is rendered when what it shows
changed (its key) or its first page moved; the front matter once the first pages of the
chapters, its contents' folios, are known.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, field

from .assemble import padded
from .prepare.book import BookBundle
from .cache import CachedPart, PartCache, digest, file_digest
from .chapters import (
    PartDone,
    PartJob,
    PartPool,
    Slots,
    late_folios_supported,
    render_part,
    trace,
)
from .fonts import font_folders
from .layout.html import bundle_html, part_start_css, part_stylesheets
from .project import Project

FRONT = "voorwerk"
# The contents' links name a chapter; they are pointed at it once the parts are joined.
TOC_LINK = "https://hoofdstuk.invalid/"

Rendered = CachedPart | PartDone


@dataclass(frozen=True)
class PartSpec:
    name: str
    html: str
    key: str
    slot: int


@dataclass(eq=False)
class BundleParts:
    """What one build knows about the parts of one bundle, and what it still needs."""

    project: Project
    book: BookBundle
    cache: PartCache
    slots: Slots
    tools: str  # digest of layouts, fonts, code and libraries
    late_folios: bool  # may a chapter be rendered before its first page is known?
    front_slot: int
    chapters: list[PartSpec] = field(default_factory=list)
    pages: list[int | None] = field(default_factory=list)  # per chapter, once known
    done: dict[int, Rendered] = field(default_factory=dict)  # chapter index -> render
    front_pages: int | None = None  # the front matter's page count the chapters assume
    fronts: dict[str, Rendered] = field(default_factory=dict)  # front matter by key
    submitted: set[tuple[str, str, int | None]] = field(default_factory=set)
    in_flight: set[str] = field(default_factory=set)  # chapters a worker is rendering

    @classmethod
    def plan(cls, project: Project, book: BookBundle, slots: Slots, first_slot: int,
             tools: str, late_folios: bool) -> BundleParts:
        cache = PartCache(project.bundle_build(book.slug) / "chapters")
        parts = cls(project, book, cache, slots, tools, late_folios, first_slot)
        footnotes = 0
        last = len(book.chapters) - 1
        for index, chapter in enumerate(book.chapters):
            html = bundle_html(project, book, "slot" if index == last else "hoofdstuk",
                               chapters=(chapter,), footnotes_before=footnotes)
            footnotes += chapter.footnotes
            key = digest(html, tools, *(file_digest(path) for path in chapter.images))
            spec = PartSpec(f"{index + 1:03d}-{chapter.anchor}", html, key, first_slot + 1 + index)
            parts.chapters.append(spec)
            parts.pages.append(cache.pages(spec.name, key))
        parts.front_pages = cache.any_pages(FRONT)
        for spec, pages in zip(parts.chapters, parts.pages, strict=True):
            if pages is not None:
                slots.publish(spec.slot, pages)
        if parts.front_pages is not None:
            slots.publish(first_slot, parts.front_pages)
        return parts

    @property
    def slot_count(self) -> int:
        return 1 + len(self.chapters)

    def first_pages(self) -> list[int | None]:
        """The first folio of each chapter, as far as the page counts are known."""
        firsts: list[int | None] = []
        first = 1 + padded(self.front_pages) if self.front_pages is not None else None
        for pages in self.pages:
            firsts.append(first)
            first = first + padded(pages) if first is not None and pages is not None else None
        return firsts

    def step(self) -> list[PartJob]:
        """Take what the cache holds; return the renders that can start now."""
        jobs: list[PartJob] = []
        if self.front_pages is None:
            # Cold: the front matter with guessed folios tells how long it is.
            jobs += self._front_job({c.anchor: 7 + 4 * i for i, c in enumerate(self.book.chapters)})
        firsts = self.first_pages()
        for index, (spec, first) in enumerate(zip(self.chapters, firsts, strict=True)):
            rendered = self.done.get(index)
            if spec.name in self.in_flight or rendered is not None and rendered.first_page == first:
                continue
            if first is not None:
                hit = self.cache.get(spec.name, spec.key, first)
                if hit is not None:
                    self.done[index] = hit
                    return jobs + self.step()  # later first pages may be known now
                jobs += self._job(spec, first)
            elif self.late_folios and self.pages[index] is None:
                after = (self.front_slot, *(chapter.slot for chapter in self.chapters[:index]))
                jobs += self._job(spec, None, after)
        if self._chapters_placed(firsts):
            jobs += self._final_front(firsts)
        return jobs

    def record(self, rendered: PartDone) -> list[PartJob]:
        """A render came back from a worker; returns the renders that can start now."""
        if rendered.name == FRONT:
            self.fronts[rendered.key] = rendered
            if self.front_pages is None:
                self._front_pages_are(rendered.pages)
        else:
            self.in_flight.discard(rendered.name)
            index = next(i for i, spec in enumerate(self.chapters) if spec.name == rendered.name)
            if rendered.key == self.chapters[index].key:
                self.done[index] = rendered
                self.pages[index] = rendered.pages
        return self.step()

    def _chapters_placed(self, firsts: list[int | None]) -> bool:
        return len(self.done) == len(self.chapters) and all(
            self.done[index].first_page == first for index, first in enumerate(firsts))

    def _final_front(self, firsts: list[int | None]) -> list[PartJob]:
        html, key = self._front_html(dict(zip((c.anchor for c in self.book.chapters), firsts, strict=True)))
        front = self.fronts.get(key) or self.cache.get(FRONT, key, 1)
        if front is None:
            return self._job(PartSpec(FRONT, html, key, self.front_slot), 1)
        self.fronts[key] = front
        if self.front_pages is None or padded(front.pages) != padded(self.front_pages):
            self._front_pages_are(front.pages)  # the contents grew or shrank: all chapters move
            return self.step()
        return []

    def _front_pages_are(self, pages: int) -> None:
        self.front_pages = pages
        self.slots.publish(self.front_slot, pages)

    def _front_html(self, folios: dict[str, int | None]) -> tuple[str, str]:
        html = bundle_html(self.project, self.book, FRONT, toc_folios=folios, toc_link=TOC_LINK)
        cover = self.book.cover.source if self.book.cover is not None else None
        return html, digest(html, self.tools, *((file_digest(cover),) if cover else ()))

    def _front_job(self, folios: dict[str, int | None]) -> list[PartJob]:
        html, key = self._front_html(folios)
        return self._job(PartSpec(FRONT, html, key, self.front_slot), 1)

    def _job(self, spec: PartSpec, first: int | None, after: tuple[int, ...] = ()) -> list[PartJob]:
        if (spec.name, spec.key, first) in self.submitted:
            return []
        self.submitted.add((spec.name, spec.key, first))
        if spec.name != FRONT:
            self.in_flight.add(spec.name)
        folder = self.project.bundle_build(self.book.slug)
        allowed = (self.project.content / self.book.slug, self.project.layouts, folder,
                   *font_folders())
        start_css = part_start_css(self.project, first) if first is not None else ""
        return [PartJob(self.book.slug, spec.name, spec.html, folder,
                        part_stylesheets(self.project, self.book.slug), allowed, self.cache.folder,
                        spec.key, spec.slot, first, start_css, after)]

    def result(self) -> tuple[CachedPart, list[CachedPart]] | None:
        """The front matter and the chapters to join, once they are all rendered and placed."""
        firsts = self.first_pages()
        if self.front_pages is None or not self._chapters_placed(firsts):
            return None
        key = self._front_html(dict(zip((c.anchor for c in self.book.chapters), firsts, strict=True)))[1]
        front = self.fronts.get(key)
        if front is None or padded(front.pages) != padded(self.front_pages):
            return None
        chapters = [_cached(self.done[index]) for index in range(len(self.chapters))]
        for part in (_cached(front), *chapters):
            self.cache.keep(part)
        return _cached(front), chapters


def _cached(rendered: Rendered) -> CachedPart:
    if isinstance(rendered, CachedPart):
        return rendered
    return CachedPart(rendered.pdf, rendered.pages, rendered.first_page, rendered.anchors,
                      rendered.warnings)


Finish = Callable[[BookBundle, CachedPart, list[CachedPart]], None]


def render_in_parts(project: Project, books: list[BookBundle], tools: str, finish: Finish) -> None:
    """Render what the cache lacks for `books`, all bundles side by side, and call
    `finish(book, front, chapters)` for each bundle as soon as its parts are ready."""
    late = late_folios_supported()
    slots = Slots(sum(1 + len(book.chapters) for book in books))
    plans: list[BundleParts] = []
    for book in books:
        first_slot = sum(plan.slot_count for plan in plans)
        plans.append(BundleParts.plan(project, book, slots, first_slot, tools, late))
    pool: list[PartPool] = []  # started when two parts can be rendered at once
    try:
        _run(plans, slots, pool, finish)
    except BaseException:
        for started in pool:
            started.close(cancel=True)
        raise
    for started in pool:
        started.close()
    for plan in plans:
        plan.cache.prune()


def _run(plans: list[BundleParts], slots: Slots, pool: list[PartPool], finish: Finish) -> None:
    queue = [(plan, job) for plan in plans for job in plan.step()]
    pending = list(plans)
    running: dict[Future[PartDone], BundleParts] = {}
    while True:
        ready = [(plan, result) for plan in pending if (result := plan.result()) is not None]
        if ready and not queue and not running and pool:
            pool[0].close()  # nothing left to render: free the workers' memory before joining
        for plan, result in ready:
            pending.remove(plan)
            finish(plan.book, *result)
        if not queue and not running:
            break
        if len(queue) == 1 and not running and queue[0][1].first_page is not None:
            plan, job = queue.pop()  # one render and nothing beside it: no pool needed
            done = render_part(job)
            slots.publish(job.slot, done.pages)
            queue = [(plan, follow) for follow in plan.record(done)]
            continue
        if not pool:
            pool.append(PartPool(slots))
        for plan, job in queue:
            trace(f"{job.slug}/{job.name}: naar een werkproces")
            running[pool[0].submit(job)] = plan
        queue = []
        finished, _ = wait(running, return_when=FIRST_COMPLETED)
        for future in finished:
            plan = running.pop(future)
            queue += [(plan, job) for job in plan.record(future.result())]
    if pending:
        raise RuntimeError("bundles left unfinished: " + ", ".join(p.book.slug for p in pending))
