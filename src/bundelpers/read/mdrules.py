"""markdown-it rules bundelpers adds to CommonMark: Dutch typography, a work-around for a
line-breaking fault of WeasyPrint 70, and table titles and number columns.

Each is a markdown-it plugin, core rule or render rule, so the parser stays the one
place that turns Markdown into HTML (read/markdown.py registers them).
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token

QUOTES = "“”‘’"
# Dutch elisions take an apostrophe, never an opening quote: ’s-Hertogenbosch, ’s avonds,
# ’t, ’k, ’n, ’m, and decades (de jaren ’80). Smartquotes would pair them with a later quote.
DUTCH_ELISION = re.compile(r"(?<![\w’‘'])'(?=(?:s|t|k|n|m|r|ns)\b|\d\d\b)", re.IGNORECASE)
ELISION_SPACE = re.compile(r"(?<!\w)(’[stknmr]) ", re.IGNORECASE)
OPENING_CONTEXT = re.compile(r"(^|[\s(\[{/–—‘“])\"")
TABLE_TITLE = re.compile(r"^\s*Tabel\s*:\s*", re.IGNORECASE)
NUMBER = re.compile(r"^[-–+±€$]?\s?\d[\d.,\s]*\s?%?$")
# Inline elements whose leading white space WeasyPrint 70 must see inside them.
INLINE_OPENERS = {"em_open", "strong_open", "link_open", "s_open"}


def _elisions(state) -> None:  # type: ignore[no-untyped-def]
    for text in _text_children(state):
        # An elided word never ends a line on its own: ’s‿avonds, ’t‿is.
        text.content = ELISION_SPACE.sub("\\1\u00a0", DUTCH_ELISION.sub("’", text.content))


def _unpaired_quotes(state) -> None:  # type: ignore[no-untyped-def]
    """Straight quotes smartquotes left alone (nothing to pair with): a single one is an
    apostrophe or a closing quote; a double one opens after a space, else it closes."""
    for text in _text_children(state):
        if "'" in text.content or '"' in text.content:
            content = OPENING_CONTEXT.sub(r"\1“", text.content.replace("'", "’"))
            text.content = content.replace('"', "”")


def _text_children(state):  # type: ignore[no-untyped-def]
    for token in state.tokens:
        if token.type == "inline":
            yield from (child for child in token.children or () if child.type == "text")


def dutch_typography(md: MarkdownIt) -> None:
    """markdown-it plugin: typographic quotes with Dutch elisions (contract 1.2). Used for
    the bodies here and, on a plain-text parser, for YAML values (prepare/typography.py)."""
    md.options["typographer"] = True
    md.options["quotes"] = QUOTES
    md.enable(["replacements", "smartquotes"])
    md.core.ruler.before("smartquotes", "dutch_elisions", _elisions)
    md.core.ruler.after("smartquotes", "unpaired_quotes", _unpaired_quotes)


def keep_lines_whole(state) -> None:  # type: ignore[no-untyped-def]
    """Work around a line-breaking fault of WeasyPrint 70, and keep footnote calls on their word.

    WeasyPrint measures a run of text that ends in a space before an inline element
    (`geworden: <em>bonding</em>`) with that space; when the run fits the line only
    without it, WeasyPrint decides that nothing of the run fits and breaks after its
    first word: "In" alone on a line (bundle 3, page 7 before this fix). Moving the space
    into the element (`geworden:<em> bonding</em>`) prints the same and breaks right.
    A space before a footnote call would let the call start a line: it is dropped.
    """
    for token in state.tokens:
        if token.type != "inline" or not token.children:
            continue
        children = token.children
        index = 1
        while index < len(children):
            child, before = children[index], children[index - 1]
            if child.type in INLINE_OPENERS and _ends_in_space(before):
                _strip_end(children, index - 1)
                space = Token("text", "", 0, content=" ")
                children.insert(index + 1, space)
            elif child.type == "footnote_ref" and _ends_in_space(before):
                _strip_end(children, index - 1)
            index += 1
        token.children = [c for c in children if not (c.type == "text" and c.content == "")]


def _ends_in_space(token: Token) -> bool:
    return token.type == "softbreak" or (token.type == "text" and token.content[-1:].isspace())


def _strip_end(children: list[Token], index: int) -> None:
    if children[index].type == "softbreak":
        children[index] = Token("text", "", 0, content="")
    else:
        children[index].content = children[index].content.rstrip()


def render_table_open(self, tokens: list[Token], idx: int, options, env) -> str:  # type: ignore[no-untyped-def]
    """A titled table: the title is a paragraph kept with the table, not a <caption>:
    WeasyPrint 70 tags a captioned table as a table wrapping a table, which PDF/UA
    checkers (and readers) cannot follow."""
    title = tokens[idx].meta.get("title")
    if title is None:
        return self.renderToken(tokens, idx, options, env)
    label = tokens[idx].meta.get("label", "")
    label_html = f'<span class="tabel-nummer">{escapeHtml(label)}</span> ' if label else ""
    anchor = tokens[idx].attrGet("id")
    table = f'<table id="{escapeHtml(str(anchor))}">' if anchor else "<table>"
    return f'<p class="tabel-titel">{label_html}{self.renderInline(title, options, env)}</p>\n{table}\n'


def mark_tables(tokens: list[Token]) -> None:
    """A paragraph "Tabel: …" directly above a table becomes its title (bundelpers adds
    this to the contract, which has no table caption); columns of numbers align right."""
    for index, token in enumerate(tokens):
        if token.type != "table_open":
            continue
        if index >= 3 and tokens[index - 1].type == "paragraph_close" \
                and TABLE_TITLE.match(tokens[index - 2].content) and tokens[index - 3].type == "paragraph_open":
            inline = tokens[index - 2]
            children = list(inline.children or [])
            if children and children[0].type == "text":
                children[0] = children[0].copy(content=TABLE_TITLE.sub("", children[0].content, count=1))
            token.meta = {**token.meta, "title": children}
            for dropped in tokens[index - 3 : index]:
                dropped.meta = {**dropped.meta, "dropped": True}
        _align_numbers(tokens, index)


def _align_numbers(tokens: list[Token], start: int) -> None:
    rows: list[list[tuple[Token, str]]] = []
    for index in range(start, len(tokens)):
        token = tokens[index]
        if token.type == "table_close":
            break
        if token.type == "tr_open":
            rows.append([])
        elif token.type in ("th_open", "td_open"):
            rows[-1].append((token, tokens[index + 1].content.strip()))
    if not rows:
        return
    for column in range(len(rows[0])):
        cells = [row[column] for row in rows if column < len(row)]
        body = [text for cell, text in cells if cell.type == "td_open" and text]
        # The first column names the rows (often years); it stays left unless asked.
        numeric = column > 0 and body and all(NUMBER.match(text) for text in body)
        for cell, _ in cells:
            if numeric or cell.attrGet("style") == "text-align:right":
                cell.attrs.pop("style", None)
                cell.attrSet("class", "getal")
