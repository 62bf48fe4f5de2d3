"""Chapter bodies: markdown-it-py configured for the content contract.

The parser sees raw HTML (so it can be refused with a line number, not escaped
silently), links of any scheme (so forbidden ones can be named), and the
`::: kader` container. Checks run on tokens, which carry line numbers; the HTML
comes out in sections split at `##` so the templates can place the pull quote,
images and markers between sections.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.footnote import footnote_plugin

from .. import messages as msg
from ..errors import Finding, Fix
from . import suggest

ALLOWED_LINK = re.compile(r"^(?:https?://[^\s/]+|mailto:[^\s@]+@[^\s@]+)", re.IGNORECASE)
KADER_FENCE_CLOSE = re.compile(r"^\s*:{3,}\s*$")
UNUSED_FOOTNOTE = re.compile(r"\[\^([^\]\s]+)\]")
# Bullets Word leaves in pasted text (U+F0B7 is the Symbol font's bullet), and "o" + tab for a sub-level.
WORD_BULLET = re.compile(r"^(?P<indent>[ ]*)(?P<bullet>[\u2022\u00b7\u25aa\u25e6\u2023\u25cf\u25cb\u25a0\u25a1\u2043\u2219\uf0b7\uf0a7]|o(?=\t))[ \t\u00a0]*(?P<text>\S.*)$")
HEADING_NO_SPACE = re.compile(r"^(?P<indent> {0,3})(?P<marks>#{1,6})(?P<text>[^\s#].*)$")
HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
MAX_NESTING = 10  # quotes, lists, boxes or emphasis inside one another
CONTAINERS = {"blockquote", "bullet_list", "ordered_list", "container_kader"}


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str


@dataclass(frozen=True)
class Section:
    heading: Heading | None
    html: str
    kind: str  # slug of the heading text, e.g. "successen"; "" before the first ##


@dataclass(frozen=True)
class BodyImage:
    src: str
    alt: str
    line: int


@dataclass
class ParsedBody:
    """Tokens plus what the checks found; render_sections() makes the HTML."""

    tokens: list[Token]
    env: dict
    images: list[BodyImage] = field(default_factory=list)
    problems: list[Finding] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # the body's lines, for columns and fixes
    first_line: int = 1

    def text(self, line: int) -> str:
        index = line - self.first_line
        return self.lines[index] if 0 <= index < len(self.lines) else ""

    def add(self, line: int, message: str, hint: str = "", *, find: str = "", key: str = "",
            value: str = "", fix_line: str | None = None, fix: Fix | None = None) -> None:
        """A problem on body line `line`; `find` locates the column, `fix_line` replaces the line."""
        text = self.text(line)
        position = text.find(find) if find else len(text) - len(text.lstrip())
        column = position + 1 if position >= 0 and text else 0
        if fix is None and fix_line is not None and fix_line != text:
            fix = Fix("replace", line, (fix_line,))
        self.problems.append(Finding(line, message, hint, column, max(len(find), 1), key, value or find, fix))


def _kader_validate(params: str, *args: object) -> bool:
    return params.strip().split(" ", 1)[0] == "kader"


def _render_kader(self, tokens: list[Token], idx: int, options, env) -> str:  # type: ignore[no-untyped-def]
    token = tokens[idx]
    if token.nesting == 1:
        title = escapeHtml(token.meta.get("title", ""))
        return f'<aside class="kader">\n<h3 class="kader-titel">{title}</h3>\n'
    return "</aside>\n"


def _render_footnote_ref(self, tokens: list[Token], idx: int, options, env) -> str:  # type: ignore[no-untyped-def]
    # WeasyPrint sets footnotes with `float: footnote`: the note's text must sit
    # where it is called, so the definition is rendered in place of the reference.
    note_html = env["bundelpers_footnotes"].get(tokens[idx].meta["id"], "")
    return f'<span class="voetnoot">{note_html}</span>'


def _render_paragraph_open(self, tokens: list[Token], idx: int, options, env) -> str:  # type: ignore[no-untyped-def]
    if tokens[idx].meta.get("figure") is not None:
        return '<figure class="figuur">'
    return self.renderToken(tokens, idx, options, env)


def _render_paragraph_close(self, tokens: list[Token], idx: int, options, env) -> str:  # type: ignore[no-untyped-def]
    caption = tokens[idx].meta.get("figure")
    if caption is None:
        return self.renderToken(tokens, idx, options, env)
    caption_html = f"<figcaption>{escapeHtml(caption)}</figcaption>" if caption else ""
    return f"{caption_html}</figure>\n"


def _render_image(self, tokens: list[Token], idx: int, options, env) -> str:  # type: ignore[no-untyped-def]
    token = tokens[idx]
    alt = escapeHtml(self.renderInlineAsText(token.children or [], options, env))
    return f'<img src="{escapeHtml(token.attrGet("src") or "")}" alt="{alt}" />'


def _mark_figures(tokens: list[Token]) -> None:
    """A paragraph holding only an image becomes a figure; its title is the caption."""
    for index in range(len(tokens) - 2):
        opening, inline, closing = tokens[index : index + 3]
        children = [c for c in (inline.children or []) if not (c.type == "text" and not c.content.strip())]
        if opening.type == "paragraph_open" and inline.type == "inline" and len(children) == 1 \
                and children[0].type == "image" and closing.type == "paragraph_close":
            caption = children[0].attrGet("title") or ""
            opening.meta = {**opening.meta, "figure": caption}
            closing.meta = {**closing.meta, "figure": caption}


def _make_parser() -> MarkdownIt:
    md = MarkdownIt(
        "commonmark",
        # markdown-it silently drops text deeper than maxNesting token levels (a list
        # costs two); the room above MAX_NESTING lets _check_nesting() refuse it first.
        {"html": True, "typographer": True, "quotes": "“”‘’", "maxNesting": 2 * MAX_NESTING + 4},
    )
    md.enable(["table", "replacements", "smartquotes"])
    md.use(footnote_plugin, inline=False)
    md.use(container_plugin, name="kader", validate=_kader_validate, render=_render_kader)
    md.add_render_rule("footnote_ref", _render_footnote_ref)
    md.add_render_rule("paragraph_open", _render_paragraph_open)
    md.add_render_rule("paragraph_close", _render_paragraph_close)
    md.add_render_rule("image", _render_image)
    # Every URL reaches the token stream; check_links() decides, with a line number.
    md.validateLink = lambda url: True
    return md


PARSER = _make_parser()


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "sectie"


def parse_body(body: str, first_line: int, chapter_slug: str) -> ParsedBody:
    env: dict = {}
    tokens = PARSER.parse(body, env)
    parsed = ParsedBody(tokens, env, lines=body.split("\n"), first_line=first_line)
    _check_nesting(parsed, first_line)
    _check_habits(parsed)
    _check_blocks(parsed, body.split("\n"), first_line, chapter_slug)
    return parsed


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
                last = first_line + len(lines) - 1
                while last > current_line and not parsed.text(last).strip():
                    last -= 1
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


def _footnote_html(tokens: list[Token], env: dict) -> dict[int, str]:
    notes: dict[int, str] = {}
    current: int | None = None
    for token in tokens:
        if token.type == "footnote_open":
            current = token.meta["id"]
            notes[current] = ""
        elif token.type == "footnote_close":
            current = None
        elif current is not None and token.type == "inline":
            separator = " " if notes[current] else ""
            notes[current] += separator + PARSER.renderer.renderInline(token.children or [], PARSER.options, env)
    return notes


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


def render_sections(parsed: ParsedBody, image_url) -> tuple[Section, ...]:  # type: ignore[no-untyped-def]
    """HTML per `##` section; image sources are rewritten by `image_url(src)`."""
    for token in parsed.tokens:
        for child in token.children or []:
            if child.type == "image":
                child.attrSet("src", image_url(unquote(child.attrGet("src") or "")))
    body = _without_footnote_block(parsed.tokens)
    sections: list[Section] = []
    start, heading = 0, None
    for index, token in enumerate(body + [None]):
        if token is None or (token.type == "heading_open" and token.tag == "h2"):
            chunk = body[start:index]
            if heading is not None:
                chunk = chunk[3:]  # the heading itself is placed by the template
            html = PARSER.renderer.render(chunk, PARSER.options, parsed.env)
            if heading is not None or html.strip():
                sections.append(Section(heading, html, slugify(heading.text) if heading else ""))
            if token is not None:
                heading = Heading(2, _plain(body[index + 1]), token.attrGet("id") or "")
                start = index
    return tuple(sections)


def _plain(inline: Token) -> str:
    return "".join(
        child.content for child in (inline.children or []) if child.type in {"text", "code_inline"}
    ).strip()


def _without_footnote_block(tokens: list[Token]) -> list[Token]:
    result, inside = [], False
    for token in tokens:
        if token.type == "footnote_block_open":
            inside = True
        if not inside:
            result.append(token)
        if token.type == "footnote_block_close":
            inside = False
    return result


def headings(parsed: ParsedBody) -> list[Heading]:
    found = []
    for index, token in enumerate(parsed.tokens):
        if token.type == "heading_open" and token.tag in {"h2", "h3"}:
            found.append(Heading(int(token.tag[1]), _plain(parsed.tokens[index + 1]), token.attrGet("id") or ""))
    return found
