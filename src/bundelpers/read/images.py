"""Image checks: every image a bundle uses is a real PNG, JPEG or SVG inside it.

Run before rendering, so a bad image is a located content error rather than a
WeasyPrint warning (WeasyPrint only logs broken images and renders on).
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

from PIL import Image, ImageFile

from .. import messages as msg
from ..errors import Finding, Fix
from .content import inside, megabytes, symlink_outside
from .suggest import close_path

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")

MAX_PIXELS = 40_000_000
MAX_IMAGE_BYTES = 20 * 1024 * 1024
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
SVG_REFERENCE = re.compile(
    r"""(?:href\s*=\s*["']\s*(?P<href>[^"']*)["'])|(?:url\(\s*["']?\s*(?P<url>[^)"'\s]*))|(?P<import>@import)""",
    re.IGNORECASE,
)
SVG_FORBIDDEN = re.compile(r"<!DOCTYPE|<!ENTITY|<script|<foreignObject", re.IGNORECASE)

def image_findings(folder: Path, reference: str, line: int, text: str, key: str) -> tuple[Path | None, list[Finding]]:
    """`check_image` as located findings; a missing image gets "bedoelde je" from the files there."""
    path, problems = check_image(folder, reference)
    position = text.find(reference)
    column = position + 1 if position >= 0 else 0
    findings = []
    for message, hint in problems:
        fix = None
        if message == msg.IMAGE_MISSING.format(path=reference):
            close = close_path(reference, folder, IMAGE_SUFFIXES)
            if close is not None and column:
                hint = msg.IMAGE_MISSING_SUGGEST.format(path=close)
                fix = Fix("replace", line, (text[:position] + close + text[position + len(reference):],))
        findings.append(Finding(line, message, hint, column, len(reference), key, reference, fix))
    return path, findings


def check_image(folder: Path, reference: str) -> tuple[Path | None, list[tuple[str, str]]]:
    """Return the image path if `reference` is usable, else the (message, hint) problems."""
    if SCHEME.match(reference) or reference.startswith("//"):
        return None, [(msg.IMAGE_REMOTE.format(path=reference), msg.IMAGE_OUTSIDE_HINT)]
    if (link_problem := symlink_outside(folder, reference)) is not None:
        return None, [link_problem]
    if inside(folder, reference) is None:
        return None, [(msg.IMAGE_OUTSIDE.format(path=reference), msg.IMAGE_OUTSIDE_HINT)]
    path = folder / reference
    if not path.is_file():
        return None, [(msg.IMAGE_MISSING.format(path=reference), msg.IMAGE_MISSING_HINT)]
    try:
        with path.open("rb") as handle:
            head = handle.read(512)
    except OSError as exc:
        return None, [(msg.IMAGE_BROKEN.format(path=reference, reason=exc.strerror), msg.IMAGE_BROKEN_HINT)]
    if (size := path.stat().st_size) > MAX_IMAGE_BYTES:
        return None, [(msg.IMAGE_FILE_TOO_LARGE.format(path=reference, size=megabytes(size),
                                                       limit=MAX_IMAGE_BYTES // 2**20),
                       msg.IMAGE_FILE_TOO_LARGE_HINT)]
    if head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")):
        problems = _check_bitmap(path, reference)
    elif b"<svg" in head or (path.suffix.lower() == ".svg" and b"<" in head):
        problems = _check_svg(path, reference)
    else:
        problems = [(msg.IMAGE_KIND.format(path=reference), msg.IMAGE_KIND_HINT)]
    return (None if problems else path), problems


def _check_bitmap(path: Path, reference: str) -> list[tuple[str, str]]:
    # Pillow's own bomb guard would refuse before telling the size; MAX_PIXELS is
    # checked below, before a single pixel is decoded, so the editor sees the real size.
    pillow_limit, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None
    # WeasyPrint switches this on when imported; a cut-off file must still be refused here.
    truncated_ok, ImageFile.LOAD_TRUNCATED_IMAGES = ImageFile.LOAD_TRUNCATED_IMAGES, False
    try:
        with Image.open(path) as image:
            pixels = image.width * image.height
            if pixels > MAX_PIXELS:
                shown = f"{pixels / 1e6:.1f}".replace(".", ",")
                return [(msg.IMAGE_TOO_BIG.format(path=reference, pixels=shown, limit=MAX_PIXELS // 1_000_000),
                         msg.IMAGE_TOO_BIG_HINT)]
            image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        return [(msg.IMAGE_BROKEN.format(path=reference, reason=str(exc)[:80]), msg.IMAGE_BROKEN_HINT)]
    finally:
        Image.MAX_IMAGE_PIXELS = pillow_limit
        ImageFile.LOAD_TRUNCATED_IMAGES = truncated_ok
    return []


def _check_svg(path: Path, reference: str) -> list[tuple[str, str]]:
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [(msg.IMAGE_BROKEN.format(path=reference, reason=str(exc)[:80]), msg.IMAGE_BROKEN_HINT)]
    problems = []
    if match := SVG_FORBIDDEN.search(text):
        problems.append((msg.SVG_ACTIVE.format(path=reference, ref=match.group(0)), msg.SVG_ACTIVE_HINT))
    for match in SVG_REFERENCE.finditer(text):
        target = match.group("href") if match.group("href") is not None else match.group("url")
        if match.group("import") or (target is not None and not target.strip().startswith("#")):
            line = text.count("\n", 0, match.start()) + 1
            shown = f"{match.group(0).strip()} (regel {line})"
            problems.append((msg.SVG_EXTERNAL.format(path=reference, ref=shown), msg.SVG_EXTERNAL_HINT))
    if "<svg" not in text:
        problems.append((msg.IMAGE_KIND.format(path=reference), msg.IMAGE_KIND_HINT))
    else:
        try:
            ElementTree.fromstring(text)
        except ElementTree.ParseError as exc:
            problems.append((msg.IMAGE_BROKEN.format(path=reference, reason=str(exc)), msg.IMAGE_BROKEN_HINT))
    return problems
