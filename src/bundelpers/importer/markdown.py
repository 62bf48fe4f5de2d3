"""mammoth's HTML to the contract's Markdown: sections, emphasis, lists, tables, footnotes,
images with alt text and caption. What has no place in the contract is listed, not guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree import ElementTree

from .. import messages as msg

ESCAPE = re.compile(r"([\\`*_\[\]<>|])")
BULLET_TEXT = re.compile(r"^[\u2022\u00b7\u25aa\u25cf\u2013\uf0b7]\s+")
# Word's own caption numbering ("Tabel 2: ", "Table 2. "): the book numbers tables itself.
CAPTION_NUMBER = re.compile(r"^(?:Tabel|Table)\s*\d*\s*[:.\u2013-]?\s*", re.IGNORECASE)


@dataclass
class Document:
    title: str = ""
    lead: list[str] = field(default_factory=list)  # paragraphs before the first section
    blocks: list[str] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)
    lost: list[str] = field(default_factory=list)
    captions: dict[int, str] = field(default_factory=dict)  # captions no image took, by place in `blocks`

    @property
    def body(self) -> str:
        text = "\n\n".join(self.blocks)
        if self.notes:
            text += "\n\n" + "\n".join(f"[^{label}]: {note}" for label, note in self.notes.items())
        return text + "\n"


def to_markdown(html: str) -> Document:
    try:
        root = ElementTree.fromstring(f"<div>{html}</div>")
    except ElementTree.ParseError as exc:
        document = Document()
        document.lost.append(msg.IMPORT_UNREADABLE.format(detail=exc))
        return document
    document = Document()
    seen_section = False
    for element in list(root):
        if element.tag == "ol" and any((li.get("id") or "").startswith(("footnote-", "endnote-")) for li in element):
            for item in element:
                label = _note_label(item.get("id") or "")
                document.notes[label] = _inline(item, document, drop_backlinks=True).strip()
            continue
        if element.tag == "h1" and "titel" in (element.get("class") or "") and not document.title:
            document.title = _inline(element, document).strip()
            continue
        block = _block(element, document)
        if not block:
            continue
        if element.tag in {"h2", "h3", "h4"}:
            seen_section = True
        if not seen_section and element.tag == "p" and not block.startswith("!["):
            document.lead.append(block)
        else:
            document.blocks.append(block)
    return document


def _note_label(identifier: str) -> str:
    kind, _, number = identifier.partition("-")
    return number if kind == "footnote" else f"e{number}"


def _block(element: ElementTree.Element, document: Document) -> str:
    tag = element.tag
    if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
        level = {"h1": 2, "h2": 2, "h3": 3}.get(tag, 3)
        if tag in {"h4", "h5", "h6"}:
            document.lost.append(msg.IMPORT_DEEP_HEADING.format(text=_inline(element, document).strip()))
        return "#" * level + " " + _inline(element, document).strip()
    if tag == "p":
        text = _inline(element, document).strip()
        if "bijschrift" in (element.get("class") or "") and document.blocks and document.blocks[-1].startswith("!["):
            image = document.blocks.pop()
            return image[:-1] + f' "{text.replace(chr(34), chr(39))}")' if text else image
        if "bijschrift" in (element.get("class") or "") and text:
            if document.blocks and document.blocks[-1].startswith("| "):  # a caption below its table
                return _titled(document.blocks.pop(), text)
            document.captions[len(document.blocks)] = text  # perhaps above a table: see below
        if BULLET_TEXT.match(text):  # a bullet typed by hand
            return "- " + BULLET_TEXT.sub("", text)
        return text
    if tag in {"ul", "ol"}:
        return _list(element, document, 0)
    if tag == "table":
        table = _table(element, document)
        above = len(document.blocks) - 1
        if table and above >= 0 and document.captions.get(above) == document.blocks[above]:
            return _titled(table, document.blocks.pop())
        return table
    if tag == "blockquote":
        inner = "\n\n".join(b for child in element if (b := _block(child, document)))
        return "\n".join("> " + line if line else ">" for line in inner.split("\n"))
    document.lost.append(msg.IMPORT_UNKNOWN_BLOCK.format(tag=tag))
    return _inline(element, document).strip()


def _titled(table: str, caption: str) -> str:
    """A Word caption becomes the table's title line, which bundelpers numbers itself."""
    return f"Tabel: {CAPTION_NUMBER.sub('', caption, count=1) or caption}\n\n{table}"


def _list(element: ElementTree.Element, document: Document, depth: int) -> str:
    lines = []
    for number, item in enumerate((li for li in element if li.tag == "li"), start=1):
        marker = f"{number}. " if element.tag == "ol" else "- "
        indent = "   " * depth if element.tag == "ol" else "  " * depth
        text_parts, nested = [], []
        for child in [item, *list(item)]:
            if child is item:
                continue
            if child.tag in {"ul", "ol"}:
                nested.append(_list(child, document, depth + 1))
        text_parts.append(_inline(item, document, skip_lists=True).strip())
        lines.append(indent + marker + " ".join(t for t in text_parts if t))
        lines.extend(nested)
    return "\n".join(lines)


def _table(element: ElementTree.Element, document: Document) -> str:
    rows = [row for row in element.iter("tr")]
    if not rows:
        return ""
    cells = [[(" ".join(_inline(p, document).strip() for p in cell) or _inline(cell, document)).strip()
              .replace("|", "\\|") for cell in row if cell.tag in {"td", "th"}] for row in rows]
    if any(cell.get("colspan") or cell.get("rowspan") for row in rows for cell in row):
        document.lost.append(msg.IMPORT_MERGED_CELLS)
    width = max(len(row) for row in cells)
    cells = [row + [""] * (width - len(row)) for row in cells]
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(row) + " |" for row in cells[1:]]
    return "\n".join(lines)


def _inline(element: ElementTree.Element, document: Document, *, skip_lists: bool = False,
            drop_backlinks: bool = False) -> str:
    parts = [_escape(element.text or "")]
    for child in element:
        if skip_lists and child.tag in {"ul", "ol"}:
            parts.append(_escape(child.tail or ""))
            continue
        parts.append(_inline_child(child, document, drop_backlinks))
        parts.append(_escape(child.tail or ""))
    return "".join(parts)


def _inline_child(child: ElementTree.Element, document: Document, drop_backlinks: bool) -> str:
    tag = child.tag
    inner = _inline(child, document, drop_backlinks=drop_backlinks)
    if tag == "strong":
        return _wrap("**", inner)
    if tag == "em":
        return _wrap("*", inner)
    if tag == "sup" and (link := child.find("a")) is not None and (link.get("href") or "").startswith(
            ("#footnote-", "#endnote-")):
        return f"[^{_note_label((link.get('href') or '')[1:])}]"
    if tag == "a":
        href = child.get("href") or ""
        if href.startswith("#"):
            return "" if drop_backlinks or href.startswith("#footnote-ref") else inner
        if re.match(r"^(?:https?://|mailto:)", href, re.IGNORECASE):
            return f"[{inner}]({href})" if inner.strip() else f"<{href}>"
        document.lost.append(msg.IMPORT_LINK.format(href=href))
        return inner
    if tag == "img":
        src = child.get("src") or ""
        return f"![{_escape(child.get('alt') or '')}]({src})" if src else ""
    if tag == "br":
        return "\\\n"
    if tag in {"sup", "sub", "s", "u", "span"}:
        if tag in {"sup", "sub", "s"}:
            document.lost.append(msg.IMPORT_FORMAT.format(kind={"sup": "superscript", "sub": "subscript",
                                                                 "s": "doorhaling"}[tag], text=inner))
        return inner
    if tag == "p":
        return inner + " "
    return inner


def _wrap(mark: str, text: str) -> str:
    stripped = text.strip()
    if not stripped:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    return f"{lead}{mark}{stripped}{mark}{trail}"


def _escape(text: str) -> str:
    return ESCAPE.sub(r"\\\1", text)
