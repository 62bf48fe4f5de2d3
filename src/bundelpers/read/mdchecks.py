"""The checks a chapter body must pass, on markdown-it's tokens (they carry line numbers).

Refused: raw HTML, '#' headings, headings below ###, links other than http(s) and
mailto, images without alt text, unclosed or untitled boxes, footnotes without
text, too deep nesting. Recognised habits: Word bullets and `##Kop` without a space.
Every problem names its line and column and, where one exists, a literal fix.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from markdown_it.token import Token

from .. import messages as msg
from ..errors import Fix
from . import suggest
from .markdown import MAX_NESTING, BodyImage, ParsedBody, _footnote_html, _mark_figures, slugify
from .mdrules import mark_tables

ALLOWED_LINK = re.compile(r"^(?:https?://[^\s/]+|mailto:[^\s@]+@[^\s@]+)", re.IGNORECASE)
KADER_FENCE_CLOSE = re.compile(r"^\s*:{3,}\s*$")
UNUSED_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")
# Bullets Word leaves in pasted text (U+F0B7 is the Symbol font's bullet), and "o" + tab for a sub-level.
WORD_BULLET = re.compile(r"^(?P<indent>[ ]*)(?P<bullet>[\u2022\u00b7\u25aa\u25e6\u2023\u25cf\u25cb\u25a0\u25a1\u2043\u2219\uf0b7\uf0a7]|o(?=\t))[ \t\u00a0]*(?P<text>\S.*)$")
HEADING_NO_SPACE = re.compile(r"^(?P<indent> {0,3})(?P<marks>#{1,6})(?P<text>[^\s#].*)$")
HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
CONTAINERS = {"blockquote", "bullet_list", "ordered_list", "container_kader"}


def check_tokens(parsed: ParsedBody, chapter_slug: str) -> None:
    _check_nesting(parsed, parsed.first_line)
    _check_habits(parsed)
    _check_blocks(parsed, parsed.lines, parsed.first_line, chapter_slug)


def _check_habits(parsed: ParsedBody) -> None:
    """Word bullets and `##Kop`: lines of ordinary paragraphs that were meant as structure."""
    for token in parsed.tokens:
        if token.type != "paragraph_open" or not token.map:
            continue
        for index in range(*token.map):
            line = parsed.first_line + index
            text = parsed.lines[index]
            if match := WORD_BULLET.match(text):
                parsed.add(line, msg.WORD_BULLET.format(bullet=match.group("bullet").replace("\uf0b7", "•")),
                           msg.WORD_BULLET_HINT, find=match.group("bullet"), key="opsomming",
                           fix_line=f"{match.group('indent')}- {match.group('text')}")
            elif match := HEADING_NO_SPACE.match(text):
                marks = match.group("marks")
                level = min(max(len(marks), 2), 3)
                parsed.add(line, msg.HEADING_NO_SPACE.format(marks=marks, text=text.strip()), msg.HEADING_NO_SPACE_HINT,
                           find=marks + match.group("text")[:1], key="kop", value=text.strip(),
                           fix_line=f"{'#' * level} {match.group('text').strip()}")


def _check_nesting(parsed: ParsedBody, first_line: int) -> None:
    depth = 0
    for token in parsed.tokens:
        if token.type.removesuffix("_open").removesuffix("_close") in CONTAINERS:
            depth += token.nesting
        if depth > MAX_NESTING or max((c.level for c in token.children or ()), default=0) > MAX_NESTING:
            line = first_line + (token.map[0] if token.map else 0)
            parsed.add(line, msg.MD_TOO_DEEP.format(limit=MAX_NESTING), msg.MD_TOO_DEEP_HINT, key="nesting")
            return


def _check_blocks(parsed: ParsedBody, lines: list[str], first_line: int, chapter_slug: str) -> None:
    used_anchors: set[str] = set()
    current_line = first_line
    kept: list[Token] = []
    for index, token in enumerate(parsed.tokens):
        if token.map:
            current_line = first_line + token.map[0]
        if token.type == "html_block":
            if not _is_comment(token.content):
                _html_problem(parsed, current_line, token.content)
            continue  # editors' notes are never printed
        if token.type == "heading_open":
            level = int(token.tag[1])
            text = parsed.tokens[index + 1].content
            source = parsed.text(current_line)
            if level == 1:
                parsed.add(current_line, msg.MD_H1, msg.MD_H1_HINT, find="#", key="kop", value=source.strip(),
                           fix_line=f"## {text}" if token.markup == "#" else None)
            elif level > 3:
                parsed.add(current_line, msg.MD_DEEP_HEADING.format(value=source.strip()), msg.MD_DEEP_HEADING_HINT,
                           find=token.markup, key="kop", fix_line=f"### {text}" if token.markup.startswith("#") else None)
            anchor = _unique(f"{chapter_slug}--{slugify(text)}", used_anchors)
            token.attrSet("id", anchor)
        elif token.type == "container_kader_open":
            title = token.info.strip()[len("kader"):].strip()
            token.meta = {"title": title}
            if not title:
                source = parsed.text(current_line)
                parsed.add(current_line, msg.MD_KADER_NO_TITLE, msg.MD_KADER_NO_TITLE_HINT, find=":::", key="kader",
                           value=source.strip(), fix_line=source.rstrip() + " Titel van het kader")
            end = token.map[1] if token.map else len(lines)
            if end >= len(lines) or not KADER_FENCE_CLOSE.match(lines[end]):
                # The box most likely ends with its first paragraph: close it there.
                last = current_line + 1
                while last < first_line + len(lines) - 1 and parsed.text(last + 1).strip():
                    last += 1
                parsed.add(current_line, msg.MD_KADER_UNCLOSED, msg.MD_KADER_UNCLOSED_HINT, find=":::", key="kader",
                           fix=Fix("insert", last, (":::",)))
        elif token.type == "th_open":
            token.attrSet("scope", "col")
        elif token.type == "inline" and token.children is not None:
            if token.content.lstrip().startswith(":::"):
                name = (token.content.strip(": \n").split(None, 1) or [":::"])[0]
                source = parsed.text(current_line)
                title = name[:1].upper() + name[1:]
                parsed.add(current_line, msg.MD_UNKNOWN_BLOCK.format(name=name), msg.MD_UNKNOWN_BLOCK_HINT,
                           find=name, key="kader", fix_line=f"::: kader {title}" if source.strip().startswith(":::") else None)
            token.children = _check_inline(parsed, token.children, current_line)
        kept.append(token)
    parsed.tokens = kept
    _mark_figures(parsed.tokens)
    mark_tables(parsed.tokens)
    parsed.tokens = [token for token in parsed.tokens if not token.meta.get("dropped")]
    parsed.env["bundelpers_footnotes"] = _footnote_html(parsed.tokens, parsed.env)


def _check_inline(parsed: ParsedBody, children: list[Token], line: int) -> list[Token]:
    kept: list[Token] = []
    html_lines: set[int] = set()  # one HTML problem per line: <span> and </span> are one mistake
    for child in children:
        if child.type in {"softbreak", "hardbreak"}:
            line += 1
        elif child.type == "html_inline":
            if not _is_comment(child.content) and line not in html_lines:
                html_lines.add(line)
                _html_problem(parsed, line, child.content)
            continue
        elif child.type == "link_open":
            href = child.attrGet("href") or ""
            if not ALLOWED_LINK.match(href):
                _link_problem(parsed, line, href)
        elif child.type == "image":
            src = unquote(child.attrGet("src") or "")
            alt = "".join(t.content for t in (child.children or [])).strip()
            if not alt:
                source = parsed.text(line)
                empty = re.search(r"!\[\s*\]", source)
                parsed.add(line, msg.MD_IMAGE_NO_ALT.format(value=src), msg.MD_IMAGE_NO_ALT_HINT,
                           find=empty.group(0) if empty else src, key="afbeelding", value=src,
                           fix_line=source.replace(empty.group(0), "![Wat er op de afbeelding te zien is.]", 1)
                           if empty else None)
            parsed.images.append(BodyImage(src, alt, line))
        elif child.type == "text" and (match := UNUSED_FOOTNOTE.search(child.content)):
            label = match.group(1)
            last = parsed.first_line + len(parsed.lines) - 1
            parsed.add(line, msg.MD_FOOTNOTE_MISSING.format(label=label), msg.MD_FOOTNOTE_MISSING_HINT,
                       find=match.group(0), key="voetnoot",
                       fix=Fix("insert", last, ("", f"[^{label}]: Tekst van de voetnoot.")))
        kept.append(child)
    return kept


def _is_comment(content: str) -> bool:
    stripped = content.strip()
    return stripped.startswith("<!--") and stripped.endswith("-->")


def _html_problem(parsed: ParsedBody, line: int, content: str) -> None:
    snippet = content.strip().split("\n", 1)[0][:60]
    source = parsed.text(line)
    tag = HTML_TAG.search(source)
    without = HTML_TAG.sub("", source).rstrip() if "<!--" not in source else None
    fix = None
    if without is not None and "\n" not in content.strip():
        fix = Fix("replace", line, (without,)) if without.strip() else Fix("delete", line)
    parsed.add(line, msg.MD_HTML.format(snippet=snippet), msg.MD_HTML_HINT, find=tag.group(0) if tag else snippet,
               key="HTML", value=snippet, fix=fix)


def _link_problem(parsed: ParsedBody, line: int, href: str) -> None:
    source = parsed.text(line)
    better = suggest.url(href) if not href.startswith("#") else None
    if better is not None and ALLOWED_LINK.match(better) and href in source:
        fixed = source.replace(href, better, 1)
        hint = msg.MD_LINK_SCHEME_HINT
    else:
        # No address to be had: the link text stays, as plain text.
        pattern = re.compile(r"\[([^\]]*)\]\(\s*<?" + re.escape(href) + r">?(?:\s+\"[^\"]*\")?\s*\)")
        match = pattern.search(source)
        fixed = source[: match.start()] + match.group(1) + source[match.end():] if match else None
        hint = msg.MD_LINK_SCHEME_NO_FIX if fixed is None else msg.MD_LINK_SCHEME_PLAIN
    parsed.add(line, msg.MD_LINK_SCHEME.format(url=href), hint, find=href, key="link", fix_line=fixed)


def _unique(anchor: str, used: set[str]) -> str:
    candidate, counter = anchor, 2
    while candidate in used:
        candidate, counter = f"{anchor}-{counter}", counter + 1
    used.add(candidate)
    return candidate
