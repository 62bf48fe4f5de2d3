"""`bundelpers watch` (make watch): an editor saves a file and the PDF follows."""

from __future__ import annotations

import threading
import time

from pypdf import PdfReader

from bundelpers.cli import watch
from bundelpers.project import Project


def _wait_for(condition, seconds: float = 90) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def _pdf_text(path) -> str:  # type: ignore[no-untyped-def]
    try:
        return "".join(page.extract_text() for page in PdfReader(path).pages)
    except Exception:  # noqa: BLE001 - not written yet
        return ""


def test_saving_a_chapter_updates_the_pdf_and_a_mistake_does_not_stop_watching(project_factory, capsys):
    project = project_factory()
    pdf = project / "bundel_pdf" / "testbundel-1.pdf"
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(Project(project),), kwargs={"stop_event": stop})
    seen = {"out": "", "err": ""}

    def printed(text: str, stream: str = "out") -> bool:
        captured = capsys.readouterr()
        seen["out"] += captured.out
        seen["err"] += captured.err
        return text in seen[stream]

    watcher.start()
    try:
        assert _wait_for(lambda: "Dit is de inleiding" in _pdf_text(pdf))
        assert _wait_for(lambda: printed("Ik kijk mee"))
        time.sleep(1)  # the file watcher is set up just after that line
        chapter = project / "content/testbundel-1/inleiding.md"

        chapter.write_text(chapter.read_text() + "\n# Fout: een kop met één hekje\n")
        assert _wait_for(lambda: printed("inleiding.md:9:1: fout", "err"))

        chapter.write_text(chapter.read_text().replace("\n# Fout: een kop met één hekje\n", "")
                           .replace("Dit is de inleiding", "Dit is de herschreven inleiding"))
        assert _wait_for(lambda: "herschreven inleiding" in _pdf_text(pdf))
    finally:
        stop.set()
        watcher.join(timeout=30)
    assert not watcher.is_alive()
