"""A .docx file to clean HTML with mammoth, images saved into the bundle's beeld/.

Dutch Word names its styles "Kop 1", "Titel", "Citaat"; English Word "Heading 1",
"Title", "Quote". Both map to the same HTML, so the Markdown step sees one shape:
h1 for the document title (class titel), h2/h3 for sections, p.bijschrift for captions.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import mammoth
from PIL import Image

STYLE_MAP = "\n".join([
    *(f"p[style-name='{name}'] => h1.titel:fresh" for name in ("Title", "Titel")),
    *(f"p[style-name='{name}'] => p.ondertitel:fresh" for name in ("Subtitle", "Ondertitel")),
    *(f"p[style-name='{name}'] => h2:fresh" for name in ("Heading 1", "heading 1", "Kop 1")),
    *(f"p[style-name='{name}'] => h3:fresh" for name in ("Heading 2", "heading 2", "Kop 2")),
    *(f"p[style-name='{name}'] => h4:fresh" for name in ("Heading 3", "heading 3", "Kop 3", "Heading 4", "Kop 4")),
    *(f"p[style-name='{name}'] => blockquote > p:fresh" for name in ("Quote", "Citaat", "Intense Quote",
                                                                      "Duidelijk citaat")),
    *(f"p[style-name='{name}'] => p.bijschrift:fresh" for name in ("Caption", "Bijschrift")),
    *(f"p[style-name='{name}'] => p:fresh" for name in ("List Paragraph", "Lijstalinea", "Normal (Web)",
                                                       "Standaard (Web)", "No Spacing", "Geen afstand")),
])
KEPT = {"image/png": ".png", "image/jpeg": ".jpg", "image/svg+xml": ".svg"}
CONVERTIBLE = {"image/gif", "image/bmp", "image/tiff", "image/x-tiff", "image/webp"}


@dataclass
class Converted:
    html: str
    images: list[tuple[Path, str]] = field(default_factory=list)  # file, alt text
    lost: list[str] = field(default_factory=list)  # what could not be converted, in Dutch


def convert(docx: Path, image_folder: Path, stem: str) -> Converted:
    from .. import messages as msg

    converted = Converted("")

    @mammoth.images.img_element
    def save_image(image) -> dict:  # type: ignore[no-untyped-def]
        number = len(converted.images) + 1
        alt = (image.alt_text or "").strip()
        with image.open() as stream:
            data = stream.read()
        suffix = KEPT.get(image.content_type)
        if suffix is None and image.content_type in CONVERTIBLE:
            data, suffix = _as_png(data), ".png"
        if suffix is None:
            converted.lost.append(msg.IMPORT_IMAGE_KIND.format(number=number, kind=image.content_type))
            return {"src": "", "alt": alt}
        target = image_folder / f"{stem}-{number}{suffix}"
        image_folder.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        converted.images.append((target, alt))
        if not alt:
            converted.lost.append(msg.IMPORT_IMAGE_NO_ALT.format(file=target.name))
        return {"src": f"{image_folder.name}/{target.name}", "alt": alt}

    with docx.open("rb") as handle:
        result = mammoth.convert_to_html(handle, style_map=STYLE_MAP, convert_image=save_image)
    converted.html = result.value
    for message in result.messages:
        converted.lost.append(msg.IMPORT_MAMMOTH.format(detail=message.message))
    return converted


def _as_png(data: bytes) -> bytes:
    out = io.BytesIO()
    with Image.open(io.BytesIO(data)) as image:
        image.save(out, "PNG")
    return out.getvalue()
