"""Strict, safe YAML reading that remembers the line of every key and value.

The contract forbids tags, anchors/aliases and duplicate keys, and editors expect
`titel: Nee` to stay text, so this reader walks PyYAML's event and node layers
itself instead of using `yaml.safe_load`.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

import yaml

from .. import messages as msg
from ..errors import Finding, Fix
from .habits import inspect_lines

Path_ = tuple[str | int, ...]
MAX_DEPTH = 50  # nested mappings/lists; the contract needs three


@dataclass(frozen=True)
class Span:
    """Where a value stands: 1-based lines, 0-based columns; `key_*` where its key stands."""

    line: int
    column: int
    end_line: int
    end_column: int
    style: str | None = None  # None: plain; '"' or "'": quoted; '|' or '>': block
    key_line: int = 0
    key_column: int = 0

    def shifted(self, lines: int) -> Span:
        return Span(self.line + lines, self.column, self.end_line + lines, self.end_column, self.style,
                    self.key_line + lines if self.key_line else 0, self.key_column)


@dataclass
class LocatedYaml:
    """A parsed YAML document plus the 1-based line of each path inside it.

    `spans` tells where each value stands and `source` holds the lines of the whole
    file (index = line - 1), so messages can quote the value as written and fixes
    can rewrite exactly that line.
    """

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    spans: dict[Path_, Span] = field(default_factory=dict)
    source: list[str] = field(default_factory=list)

    def line_of(self, path: Path_) -> int:
        """Line of the nearest enclosing item that has one (a missing key: its mapping)."""
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)

    def source_line(self, line: int) -> str:
        return self.source[line - 1] if 0 < line <= len(self.source) else ""

    def shift(self, lines: int, whole_file: list[str]) -> None:
        """Move every position `lines` down (front matter below its '---')."""
        self.lines = {key: line + lines for key, line in self.lines.items()}
        self.spans = {key: span.shifted(lines) for key, span in self.spans.items()}
        self.source = whole_file


class YamlProblem(Exception):
    def __init__(self, line: int, message: str, hint: str = "", *, column: int = 0, width: int = 1,
                 key: str = "", value: str = "", fix: Fix | None = None, first: int = 0):
        # `first`: another line the message names, filled in once the file's offset is known.
        message, hint = (message.format(first=first), hint.format(first=first)) if first else (message, hint)
        super().__init__(message)
        self.first = first
        self.line = line
        self.message = message
        self.hint = hint
        self.finding = Finding(line, message, hint, column, width, key, value, fix)


class _Resolver(yaml.resolver.BaseResolver):
    """YAML 1.2-like implicit types: `ja`, `nee`, `on` and `off` stay text."""


_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789")
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)
_Resolver.add_implicit_resolver(
    "tag:yaml.org,2002:timestamp", re.compile(r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$"), list("0123456789")
)


class _Loader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    yaml.constructor.SafeConstructor,
    _Resolver,
):
    def __init__(self, stream: str):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        _Resolver.__init__(self)
        self._open_nodes: list[yaml.Event] = []
        self.text = stream
        self._newlines = [match.start() for match in re.finditer("\n", stream)]

    def editor_line(self, mark: yaml.Mark | None) -> int:
        # PyYAML also counts U+0085, U+2028 and U+2029 as line ends; editors and
        # this project count only "\n", so the line comes from the character index.
        return bisect_left(self._newlines, mark.index) + 1 if mark is not None else 1

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        # Refuse aliases and anchors before the composer expands them: this is
        # what makes an alias bomb ("billion laughs") harmless.
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            # A real anchor or alias: YAML reuse, not text; no fix but writing the value out.
            raise YamlProblem(self.editor_line(event.start_mark), msg.YAML_ANCHOR, msg.YAML_ANCHOR_USED_HINT,
                              column=column_of(self.text, event.start_mark.index))
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":
            shown = tag.replace("tag:yaml.org,2002:", "!!")  # as the editor wrote it
            line = self.editor_line(event.start_mark)
            source = line_text(self.text, line)
            fixed = re.sub(r"\s*!\S*", "", source, count=1) if "!" in source else None
            raise YamlProblem(line, msg.YAML_TAG.format(tag=shown), msg.YAML_TAG_HINT,
                              column=column_of(self.text, event.start_mark.index), width=len(shown), value=shown,
                              fix=Fix("replace", line, (fixed,)) if fixed is not None else None)
        # The composer recurses per level; stop long before Python's recursion limit.
        if len(self._open_nodes) > MAX_DEPTH:
            raise YamlProblem(self.editor_line(event.start_mark), msg.YAML_TOO_DEEP.format(limit=MAX_DEPTH),
                              msg.YAML_TOO_DEEP_HINT, column=column_of(self.text, event.start_mark.index))
        self._open_nodes.append(event)
        try:
            return super().compose_node(parent, index)
        finally:
            self._open_nodes.pop()

    def construct_decimal_int(self, node):  # type: ignore[no-untyped-def]
        # YAML 1.1 reads `012` as octal 10; an editor means twelve.
        return int(self.construct_scalar(node), 10)


_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_decimal_int)


def read_yaml(text: str, offset: int = 0) -> tuple[LocatedYaml | None, list[Finding]]:
    """Parse one YAML document the way an editor needs it: every finding at once.

    Word and typing habits are found on the raw lines first; their fixes are made
    before parsing, so a syntax or value problem further on is reported as well.
    """
    findings, cleaned = inspect_lines(text)
    try:
        located = load_yaml(cleaned)
    except YamlProblem as problem:
        if problem.first and offset:  # the other line it names, counted in the whole file
            problem = YamlProblem(problem.line, problem.message.replace(f"regel {problem.first}", "regel {first}"),
                                  problem.hint.replace(f"regel {problem.first}", "regel {first}"),
                                  column=problem.finding.column, width=problem.finding.width,
                                  key=problem.finding.key, fix=problem.finding.fix, first=problem.first + offset)
        if not any(found.line == problem.line for found in findings):
            findings.append(problem.finding)
        return None, findings
    return located, findings  # `source` holds the cleaned lines: fixes build on them


def load_yaml(text: str) -> LocatedYaml:
    """Parse one YAML document; raise YamlProblem with a line and a Dutch message."""
    try:
        loader = _Loader(text)  # the reader refuses control characters right here
    except yaml.reader.ReaderError as exc:  # also in reads_back() and _checked(): only after this
        line = text.count("\n", 0, exc.position) + 1
        source = line_text(text, line)
        fixed = "".join(c for c in source if c == "\t" or unicodedata.category(c) != "Cc")
        raise YamlProblem(line, msg.YAML_CONTROL_CHAR, msg.YAML_CONTROL_CHAR_HINT,
                          column=column_of(text, exc.position), value=f"U+{exc.character:04X}"
                          if isinstance(exc.character, int) else "",
                          fix=Fix("replace", line, (fixed,))) from None
    try:
        node = loader.get_single_node()
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        from .yamlerrors import translate_syntax_error

        raise translate_syntax_error(exc, text, loader) from None
    finally:
        loader.dispose()
    located = LocatedYaml(data=None, source=text.split("\n"))
    if node is None:
        return located
    located.data = _build(node, (), located, loader)
    return located


def reads_back(text: str, expected: Any) -> bool:
    """Whether `text` parses, without any message, to `expected` (for proposing a fix)."""
    try:
        loader = _Loader(text)
    except yaml.YAMLError:
        return False
    try:
        node = loader.get_single_node()
        return node is not None and _build(node, (), LocatedYaml(None), loader) == expected
    except (yaml.YAMLError, YamlProblem, RecursionError):
        return False
    finally:
        loader.dispose()


def _span(node: yaml.Node, loader: _Loader, key: yaml.Node | None) -> Span:
    end = node.end_mark
    end_line = loader.editor_line(end)
    if end.column == 0 and end.index > node.start_mark.index:
        end_line -= 1  # a block ends at the start of the next line
    key_line = loader.editor_line(key.start_mark) if key is not None else 0
    return Span(loader.editor_line(node.start_mark), column_of(loader.text, node.start_mark.index) - 1,
                end_line, column_of(loader.text, end.index) - 1, getattr(node, "style", None),
                key_line, column_of(loader.text, key.start_mark.index) - 1 if key is not None else 0)


def _build(node: yaml.Node, path: Path_, located: LocatedYaml, loader: _Loader,
           owner: yaml.Node | None = None) -> Any:
    """`owner` is the key node of this value, when it has one."""
    located.lines.setdefault(path, loader.editor_line(node.start_mark))
    located.spans[path] = _span(node, loader, owner)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(loader.editor_line(key_node.start_mark), msg.YAML_COMPLEX_KEY,
                                  column=column_of(loader.text, key_node.start_mark.index))
            key = key_node.value
            if key in result:
                line = loader.editor_line(key_node.start_mark)
                last = _span(value_node, loader, key_node).end_line
                raise YamlProblem(
                    line, msg.YAML_DUPLICATE_KEY.format(key=key, first="{first}"),
                    msg.YAML_DUPLICATE_KEY_HINT.format(first="{first}"), column=column_of(loader.text, key_node.start_mark.index),
                    width=len(key), key=key, fix=Fix("delete", line, last=max(last, line)),
                    first=located.lines[(*path, key)],
                )
            child = (*path, key)
            located.lines[child] = loader.editor_line(key_node.start_mark)
            result[key] = _build(value_node, child, located, loader, key_node)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _build(item, (*path, index), located, loader) for index, item in enumerate(node.value)
        ]
    try:
        return loader.construct_object(node, deep=True)
    except (yaml.constructor.ConstructorError, ValueError):
        # An impossible date such as 2021-02-30 resolves as a timestamp and then fails:
        # kept as written, so the schema reports it with the file's other problems.
        return node.value


def column_of(text: str, index: int) -> int:
    """1-based column of a character index."""
    return index - text.rfind("\n", 0, index)


def line_text(text: str, line: int) -> str:
    lines = text.split("\n")
    return lines[line - 1] if 0 < line <= len(lines) else ""
