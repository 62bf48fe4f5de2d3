"""Strict, safe YAML reading that remembers the line of every key and value.

The contract forbids tags, anchors/aliases and duplicate keys, and editors expect
`titel: Nee` to stay text, so this reader walks PyYAML's event and node layers
itself instead of using `yaml.safe_load`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

import yaml

from .. import messages as msg

Path_ = tuple[str | int, ...]
MAX_DEPTH = 50  # nested mappings/lists; the contract needs three


@dataclass
class LocatedYaml:
    """A parsed YAML document plus the 1-based line of each path inside it."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int:
        """Line of the nearest enclosing item that has one (a missing key: its mapping)."""
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


class YamlProblem(Exception):
    def __init__(self, line: int, message: str, hint: str = ""):
        super().__init__(message)
        self.line = line
        self.message = message
        self.hint = hint


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
            raise YamlProblem(self.editor_line(event.start_mark), msg.YAML_ANCHOR, msg.YAML_ANCHOR_HINT)
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":
            shown = tag.replace("tag:yaml.org,2002:", "!!")  # as the editor wrote it
            raise YamlProblem(self.editor_line(event.start_mark), msg.YAML_TAG.format(tag=shown), msg.YAML_TAG_HINT)
        # The composer recurses per level; stop long before Python's recursion limit.
        if len(self._open_nodes) > MAX_DEPTH:
            raise YamlProblem(self.editor_line(event.start_mark), msg.YAML_TOO_DEEP.format(limit=MAX_DEPTH),
                              msg.YAML_TOO_DEEP_HINT)
        self._open_nodes.append(event)
        try:
            return super().compose_node(parent, index)
        finally:
            self._open_nodes.pop()

    def construct_decimal_int(self, node):  # type: ignore[no-untyped-def]
        # YAML 1.1 reads `012` as octal 10; an editor means twelve.
        return int(self.construct_scalar(node), 10)


_Loader.add_constructor("tag:yaml.org,2002:int", _Loader.construct_decimal_int)


def load_yaml(text: str) -> LocatedYaml:
    """Parse one YAML document; raise YamlProblem with a line and a Dutch message."""
    try:
        loader = _Loader(text)  # the reader refuses control characters right here
    except yaml.reader.ReaderError as exc:
        raise YamlProblem(text.count("\n", 0, exc.position) + 1, msg.YAML_CONTROL_CHAR,
                          msg.YAML_CONTROL_CHAR_HINT) from None
    try:
        node = loader.get_single_node()
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        raise _translate_syntax_error(exc, text, loader) from None
    finally:
        loader.dispose()
    located = LocatedYaml(data=None)
    if node is None:
        return located
    located.data = _build(node, (), located, loader)
    return located


def _build(node: yaml.Node, path: Path_, located: LocatedYaml, loader: _Loader) -> Any:
    located.lines.setdefault(path, loader.editor_line(node.start_mark))
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(loader.editor_line(key_node.start_mark), msg.YAML_COMPLEX_KEY)
            key = key_node.value
            if key in result:
                raise YamlProblem(
                    loader.editor_line(key_node.start_mark),
                    msg.YAML_DUPLICATE_KEY.format(key=key),
                    msg.YAML_DUPLICATE_KEY_HINT,
                )
            child = (*path, key)
            located.lines[child] = loader.editor_line(key_node.start_mark)
            result[key] = _build(value_node, child, located, loader)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _build(item, (*path, index), located, loader) for index, item in enumerate(node.value)
        ]
    try:
        return loader.construct_object(node, deep=True)
    except (yaml.constructor.ConstructorError, ValueError):
        # An impossible date such as 2021-02-30 resolves as a timestamp and then fails.
        raise YamlProblem(loader.editor_line(node.start_mark), msg.YAML_BAD_SCALAR.format(value=node.value),
                          msg.YAML_BAD_SCALAR_HINT) from None


def _translate_syntax_error(exc: yaml.MarkedYAMLError, text: str, loader: _Loader) -> YamlProblem:
    problem = exc.problem or ""
    context = exc.context or ""
    opened = loader.editor_line(exc.context_mark) if exc.context_mark else None
    mark = exc.problem_mark
    line = loader.editor_line(mark)
    # The text on the problem's line before it, e.g. to tell a second ': ' from a first.
    before = text[text.rfind("\n", 0, mark.index) + 1 : mark.index].rstrip() if mark else ""
    if "found character '\\t'" in problem or "\t" in problem:
        return YamlProblem(line, msg.YAML_TAB, msg.YAML_TAB_HINT)
    if "quoted scalar" in context and opened:
        if "escape" in problem:
            return YamlProblem(line, msg.YAML_ESCAPE, msg.YAML_ESCAPE_HINT)
        return YamlProblem(opened, msg.YAML_UNCLOSED_QUOTE, msg.YAML_UNCLOSED_QUOTE_HINT)
    if "while scanning a simple key" in context and opened:
        return YamlProblem(opened, msg.YAML_MISSING_COLON, msg.YAML_MISSING_COLON_HINT)
    if "mapping values are not allowed" in problem:
        if ": " in before or before.endswith(":"):
            return YamlProblem(line, msg.YAML_COLON_IN_VALUE, msg.YAML_COLON_IN_VALUE_HINT)
        return YamlProblem(line, msg.YAML_KEY_MISPLACED, msg.YAML_INDENT_HINT)
    if "sequence entries are not allowed" in problem:
        return YamlProblem(line, msg.YAML_LIST_MISPLACED, msg.YAML_LIST_MISPLACED_HINT)
    if "while parsing a flow" in context and opened:
        return YamlProblem(opened, msg.YAML_FLOW_UNCLOSED, msg.YAML_FLOW_UNCLOSED_HINT)
    if "found '<scalar>'" in problem and before.endswith(('"', "'")):
        return YamlProblem(line, msg.YAML_TEXT_AFTER_QUOTE, msg.YAML_TEXT_AFTER_QUOTE_HINT)
    if "expected <block end>" in problem:
        return YamlProblem(line, msg.YAML_INDENT, msg.YAML_INDENT_HINT)
    if "while scanning an alias" in context or "while scanning an anchor" in context:
        return YamlProblem(line, msg.YAML_ANCHOR, msg.YAML_ANCHOR_HINT)
    if "found character" in problem and "that cannot start any token" in problem:
        return YamlProblem(line, msg.YAML_BAD_START, msg.YAML_BAD_START_HINT)
    if "expected a single document" in context:
        return YamlProblem(line, msg.YAML_TWO_DOCUMENTS, msg.YAML_TWO_DOCUMENTS_HINT)
    return YamlProblem(line, msg.YAML_GENERIC.format(detail=problem), msg.YAML_GENERIC_HINT)
