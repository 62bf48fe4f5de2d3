"""Strict, safe YAML reading that remembers the line of every key and value.

The contract forbids tags, anchors/aliases and duplicate keys, and editors expect
`titel: Nee` to stay text, so this reader walks PyYAML's event and node layers
itself instead of using `yaml.safe_load`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from . import messages as msg

Path_ = tuple[str | int, ...]


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

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        # Refuse aliases and anchors before the composer expands them: this is
        # what makes an alias bomb ("billion laughs") harmless.
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise YamlProblem(event.start_mark.line + 1, msg.YAML_ANCHOR, msg.YAML_ANCHOR_HINT)
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":
            raise YamlProblem(event.start_mark.line + 1, msg.YAML_TAG.format(tag=tag), msg.YAML_TAG_HINT)
        return super().compose_node(parent, index)


def load_yaml(text: str) -> LocatedYaml:
    """Parse one YAML document; raise YamlProblem with a line and a Dutch message."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        raise _translate_syntax_error(exc, text) from None
    finally:
        loader.dispose()
    located = LocatedYaml(data=None)
    if node is None:
        return located
    located.data = _build(node, (), located, loader)
    return located


def _build(node: yaml.Node, path: Path_, located: LocatedYaml, loader: _Loader) -> Any:
    located.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(key_node.start_mark.line + 1, msg.YAML_COMPLEX_KEY)
            key = key_node.value
            if key in result:
                raise YamlProblem(
                    key_node.start_mark.line + 1,
                    msg.YAML_DUPLICATE_KEY.format(key=key),
                    msg.YAML_DUPLICATE_KEY_HINT,
                )
            child = (*path, key)
            located.lines[child] = key_node.start_mark.line + 1
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
        raise YamlProblem(node.start_mark.line + 1, msg.YAML_BAD_SCALAR.format(value=node.value))


def _translate_syntax_error(exc: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    problem = exc.problem or ""
    context_mark = exc.context_mark
    problem_mark = exc.problem_mark
    line = (problem_mark.line + 1) if problem_mark else 1
    if "found character '\\t'" in problem or "\t" in problem:
        return YamlProblem(line, msg.YAML_TAB, msg.YAML_TAB_HINT)
    if "while scanning a quoted scalar" in (exc.context or "") and context_mark:
        return YamlProblem(context_mark.line + 1, msg.YAML_UNCLOSED_QUOTE, msg.YAML_UNCLOSED_QUOTE_HINT)
    if "mapping values are not allowed" in problem:
        return YamlProblem(line, msg.YAML_COLON_IN_VALUE, msg.YAML_COLON_IN_VALUE_HINT)
    if "expected <block end>" in problem or "expected ',' or" in problem:
        return YamlProblem(line, msg.YAML_INDENT, msg.YAML_INDENT_HINT)
    if "while scanning an alias" in (exc.context or "") or "while scanning an anchor" in (
        exc.context or ""
    ):
        return YamlProblem(line, msg.YAML_ANCHOR, msg.YAML_ANCHOR_HINT)
    if "found character" in problem and "that cannot start any token" in problem:
        return YamlProblem(line, msg.YAML_BAD_START, msg.YAML_BAD_START_HINT)
    if "found unacceptable character" in problem or "special characters are not allowed" in problem:
        return YamlProblem(line, msg.YAML_CONTROL_CHAR)
    if "expected a single document" in problem:
        return YamlProblem(line, msg.YAML_TWO_DOCUMENTS, msg.YAML_TWO_DOCUMENTS_HINT)
    return YamlProblem(line, msg.YAML_GENERIC.format(detail=problem), msg.YAML_GENERIC_HINT)
