"""Chapter bodies: markdown-it-py configured for the content contract.

The parser sees raw HTML (so it can be refused with a line number, not escaped
silently), links of any scheme (so forbidden ones can be named), and the
`::: kader` container. Checks run on tokens, which carry line numbers; the HTML
comes out in sections split at `##` so the templates can place the pull quote,
images and markers between sections.

Typography, the WeasyPrint work-around and table titles are rules of their own
(mdrules.py).
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

from ..errors import Finding, Fix
from .mdrules import dutch_typography, keep_lines_whole, render_table_open

MAX_NESTING = 10  # quotes, lists, boxes or emphasis inside one another
FLOATS = ("kader", "figuur", "tabel")  # blocks that may move past the text after them


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str


@dataclass(frozen=True)
class Block:
    """One top-level block of a section: a paragraph, list, table, box or figure, with
    the id the page make-up locates it by (render/placement.py)."""

    id: str
    kind: str  # "tekst", "tabel", "kader" or "figuur"; boxes and figures may move forward
    html: str

    @property
    def floats(self) -> bool:
        return self.kind in FLOATS


@dataclass(frozen=True)
class Section:
    heading: Heading | None
    html: str
    kind: str  # slug of the heading text, e.g. "successen"; "" before the first ##
    # What the section starts and ends with: "tekst", "kader", "figuur", "tabel" or "";
    # the layout keeps the pull quote away from boxes, figures and tables.
    opens_with: str = ""
    closes_with: str = ""
    blocks: tuple[Block, ...] = ()


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
        return f'<aside class="kader"{_id(token)}>\n<h3 class="kader-titel">{title}</h3>\n'
    return "</aside>\n"


def _render_footnote_ref(self, tokens: list[Token], idx: int, options, env) -> str:  # type: ignore[no-untyped-def]
    # WeasyPrint sets footnotes with `float: footnote`: the note's text must sit
    # where it is called, so the definition is rendered in place of the reference.
    note_html = env["bundelpers_footnotes"].get(tokens[idx].meta["id"], "")
    return f'<span class="voetnoot">{note_html}</span>'


def _render_paragraph_open(self, tokens: list[Token], idx: int, options, env) -> str:  # type: ignore[no-untyped-def]
    if tokens[idx].meta.get("figure") is not None:
        return f'<figure class="figuur"{_id(tokens[idx])}>'
    return self.renderToken(tokens, idx, options, env)


def _id(token: Token) -> str:
    anchor = token.attrGet("id")
    return f' id="{escapeHtml(str(anchor))}"' if anchor else ""


def _render_paragraph_close(self, tokens: list[Token], idx: int, options, env) -> str:  # type: ignore[no-untyped-def]
    caption = tokens[idx].meta.get("figure")
    if caption is None:
        return self.renderToken(tokens, idx, options, env)
    label = tokens[idx].meta.get("label", "")
    parts = [f'<span class="figuur-nummer">{escapeHtml(label)}</span>'] if label else []
    parts += [escapeHtml(caption)] if caption else []
    caption_html = f"<figcaption>{' '.join(parts)}</figcaption>" if parts else ""
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
            caption = _typographic_caption(children[0].attrGet("title") or "")
            opening.meta = {**opening.meta, "figure": caption}
            closing.meta = {**closing.meta, "figure": caption}


def _typographic_caption(title: str) -> str:
    """An image title is an attribute, which the typographer does not see: give it quotes."""
    if not title:
        return ""
    inline = PARSER.parseInline(title, {})[0]
    return PARSER.renderer.renderInlineAsText(inline.children or [], PARSER.options, {})


def _make_parser() -> MarkdownIt:
    md = MarkdownIt(
        "commonmark",
        # markdown-it silently drops text deeper than maxNesting token levels (a list
        # costs two); the room above MAX_NESTING lets _check_nesting() refuse it first.
        {"html": True, "maxNesting": 2 * MAX_NESTING + 4},
    )
    md.enable(["table"])
    md.use(dutch_typography)
    md.use(footnote_plugin, inline=False)
    md.core.ruler.push("keep_lines_whole", keep_lines_whole)
    md.use(container_plugin, name="kader", validate=_kader_validate, render=_render_kader)
    md.add_render_rule("footnote_ref", _render_footnote_ref)
    md.add_render_rule("paragraph_open", _render_paragraph_open)
    md.add_render_rule("paragraph_close", _render_paragraph_close)
    md.add_render_rule("image", _render_image)
    md.add_render_rule("table_open", render_table_open)
    # Every URL reaches the token stream; check_links() decides, with a line number.
    md.validateLink = lambda url: True
    return md


PARSER = _make_parser()


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "sectie"


def parse_body(body: str, first_line: int, chapter_slug: str) -> ParsedBody:
    """Parse a chapter body and check it against the contract (mdchecks.py)."""
    from .mdchecks import check_tokens

    env: dict = {}
    parsed = ParsedBody(PARSER.parse(body, env), env, lines=body.split("\n"), first_line=first_line)
    check_tokens(parsed, chapter_slug)
    return parsed


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


def figure_sections(parsed: ParsedBody) -> list[int]:
    """For each figure in the body, in order: the index of the section it lands in
    (sections as render_sections() makes them), so figures can be numbered in reading order."""
    found, section, seen_content = [], 0, False
    for token in _without_footnote_block(parsed.tokens):
        if token.type == "heading_open" and token.tag == "h2":
            section += 1 if seen_content else 0
            seen_content = True
        elif token.type in ("paragraph_open", "table_open", "bullet_list_open", "ordered_list_open",
                            "container_kader_open", "blockquote_open", "fence", "code_block", "hr"):
            seen_content = True
        if token.type == "paragraph_open" and token.meta.get("figure") is not None:
            found.append(section)
    return found


def table_count(parsed: ParsedBody) -> int:
    return sum(1 for token in parsed.tokens if token.type == "table_open" and "title" in token.meta)


def render_sections(parsed: ParsedBody, image_url, figure_labels=(), table_labels=(),  # type: ignore[no-untyped-def]
                    chapter: str = "") -> tuple[Section, ...]:
    """HTML per `##` section; image sources are rewritten by `image_url(src)`; figures and
    titled tables get the labels given, in order ("Figuur 3.1")."""
    for token in parsed.tokens:
        for child in token.children or []:
            if child.type == "image":
                child.attrSet("src", image_url(unquote(child.attrGet("src") or "")))
    figures = iter(figure_labels)
    tables = iter(table_labels)
    for token in parsed.tokens:
        if token.type in ("paragraph_open", "paragraph_close") and token.meta.get("figure") is not None:
            if token.type == "paragraph_open":
                label = next(figures, "")
            token.meta = {**token.meta, "label": label}
        elif token.type == "table_open" and "title" in token.meta:
            token.meta = {**token.meta, "label": next(tables, "")}
    body = _without_footnote_block(parsed.tokens)
    sections: list[Section] = []
    start, heading = 0, None
    for index, token in enumerate(body + [None]):
        if token is None or (token.type == "heading_open" and token.tag == "h2"):
            chunk = body[start:index]
            if heading is not None:
                chunk = chunk[3:]  # the heading itself is placed by the template
            blocks = _blocks(chunk, parsed, f"{chapter}-b{len(sections) + 1}")
            html = "".join(block.html for block in blocks)
            if heading is not None or html.strip():
                kinds = [block.kind for block in blocks] or [""]
                sections.append(Section(heading, html, slugify(heading.text) if heading else "",
                                        kinds[0], kinds[-1], tuple(blocks)))
            if token is not None:
                heading = Heading(2, _plain(body[index + 1]), token.attrGet("id") or "")
                start = index
    return tuple(sections)


def _blocks(chunk: list[Token], parsed: ParsedBody, prefix: str) -> list[Block]:
    """The section's top-level blocks, each rendered on its own with an id."""
    blocks: list[Block] = []
    current: list[Token] = []
    depth = 0
    for token in chunk:
        current.append(token)
        depth += token.nesting
        if depth > 0 or token.nesting == 1:
            continue
        kind = _block_kind(current[0])
        if kind:
            anchor = current[0].attrGet("id") or f"{prefix}-{len(blocks) + 1}"  # h3s have theirs
            current[0].attrSet("id", anchor)
            html = PARSER.renderer.render(current, PARSER.options, parsed.env)
            blocks.append(Block(anchor, kind, html))
        current = []
    return blocks


def _block_kind(token: Token) -> str:
    if token.type == "container_kader_open":
        return "kader"
    if token.type == "table_open":
        return "tabel"
    if token.type == "paragraph_open":
        return "figuur" if token.meta.get("figure") is not None else "tekst"
    if token.type in ("bullet_list_open", "ordered_list_open", "blockquote_open", "heading_open",
                      "fence", "code_block", "hr"):
        return "tekst"
    return ""


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
