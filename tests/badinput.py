"""The bad-input corpus: one small YAML file per case in tests/bad_inputs/.

Three-digit numbers keep the cases in order. A case changes the minimal project (conftest.minimal_files) and says what the
editor must see. Format of `tests/bad_inputs/<nn>-<name>.yaml`:

    description: what is wrong, in one sentence
    files:                       # path (from the project root) -> new contents
      content/testbundel-1/bundel.yaml: |
        nummer: "1"
        ...
      content/testbundel-1/casus.md: null          # delete the file
      content/testbundel-1/beeld/a.png: {base64: iVBORw0...}     # raw bytes
      content/testbundel-1/beeld/b.png: {png: [20000, 20000]}    # PNG header claiming that size
      content/testbundel-1/c.md: {symlink: buiten/geheim.md}     # link to this project path
      content/testbundel-1/d.md: {text: "...", encoding: latin-1, newline: "\\r\\n", bom: true}
      content/testbundel-1/e.md: {before: "...", repeat: "[", times: 200, middle: "x", close: "]", after: ""}
    expect:
      exit: 1                    # 1: refused; 0: accepted (a warning may still be printed)
      file: content/testbundel-1/bundel.yaml   # omit when nothing may be reported
      line: 1                    # null for a problem about a whole file or folder
      column: 9                  # optional: the column the message must name
      words: [nummer, getal]     # must appear (case-insensitive) in the output
      absent: ["</span>"]        # optional; must not appear
      command: build             # optional; `check` for accepted cases too slow to render
      max_seconds: 5             # optional bound on the run time
"""

from __future__ import annotations

import base64
import contextlib
import io
import os
import re
import struct
import subprocess
import traceback
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from conftest import make_project, minimal_files

from bundelpers import cli

CORPUS = Path(__file__).resolve().parent / "bad_inputs"


@dataclass(frozen=True)
class Case:
    name: str
    description: str
    files: dict[str, Any]
    exit: int
    file: str | None
    line: int | None
    column: int | None
    words: tuple[str, ...]
    command: str = "build"
    max_seconds: float = 120.0
    absent: tuple[str, ...] = field(default=())

    @property
    def where(self) -> re.Pattern | None:
        """The location prefix the editor must see, e.g. `content/x/bundel.yaml:3:9: fout`."""
        if self.file is None:
            return None
        severity = "fout" if self.exit else "waarschuwing"
        if not self.line:
            return re.compile(re.escape(f"{self.file}: {severity}"))
        column = str(self.column) if self.column else r"\d+"
        return re.compile(re.escape(f"{self.file}:{self.line}") + f"(?::{column})?: {severity}")


def load_cases() -> list[Case]:
    cases = []
    for path in sorted(CORPUS.glob("*.yaml")):
        raw = yaml.safe_load(path.read_text("utf-8"))
        expect = raw["expect"]
        unknown = set(raw) - {"description", "files", "expect"}
        assert not unknown, f"{path.name}: unknown keys {unknown}"
        cases.append(Case(
            name=path.stem,
            description=raw["description"],
            files=raw.get("files") or {},
            exit=expect["exit"],
            file=expect.get("file"),
            line=expect.get("line"),
            column=expect.get("column"),
            words=tuple(expect.get("words") or ()),
            command=expect.get("command", "build"),
            max_seconds=expect.get("max_seconds", 120.0),
            absent=tuple(expect.get("absent") or ()),
        ))
    return cases


def build_case(root: Path, case: Case) -> Path:
    """Write the minimal project with the case's changes applied."""
    files: dict[str, str | bytes] = dict(minimal_files())
    links: dict[str, str] = {}
    for relative, spec in case.files.items():
        files.pop(relative, None)
        if spec is None:
            continue
        if isinstance(spec, dict) and "symlink" in spec:
            links[relative] = spec["symlink"]
            continue
        files[relative] = file_bytes(spec)
    make_project(root, files)
    for relative, target in links.items():
        link = root / relative
        link.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(root / target, link)
    return root


def file_bytes(spec: Any) -> bytes:
    if isinstance(spec, str):
        return spec.encode("utf-8")
    if "base64" in spec:
        return base64.b64decode(spec["base64"])
    if "png" in spec:
        return png_header(*spec["png"])
    if "repeat" in spec:
        times = spec["times"]
        text = (spec.get("before", "") + spec["repeat"] * times + spec.get("middle", "")
                + spec.get("close", "") * times + spec.get("after", ""))
        return text.encode("utf-8")
    text = spec["text"].replace("\n", spec.get("newline", "\n"))
    data = text.encode(spec.get("encoding", "utf-8"))
    return (b"\xef\xbb\xbf" + data) if spec.get("bom") else data


def png_header(width: int, height: int) -> bytes:
    """A tiny, well-formed PNG whose header claims `width` x `height` pixels."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00" * 4))
            + chunk(b"IEND", b""))


def run_cli_in_process(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`run_cli` without the second of interpreter start-up: same entry point, same output.

    An exception that escapes `cli.main` is reported the way the console would show
    it, as a "Traceback" on stderr, so the corpus test can refuse it.
    """
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        try:
            code = cli.main([*args, "--project", str(project)])
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
        except BaseException:  # noqa: BLE001 - the point is to catch everything
            stderr.write("Traceback (most recent call last):\n" + traceback.format_exc())
            code = 1
    return subprocess.CompletedProcess(["bundelpers", *args], code, stdout.getvalue(), stderr.getvalue())
