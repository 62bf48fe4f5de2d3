"""PyYAML's syntax errors as Dutch problems, each with the line it starts at and a fix.

A fix is proposed only after trying it: the file with the fix made must parse past
the problem's line (`_checked`). That keeps every printed fix one that works when
followed literally.
"""

from __future__ import annotations

import re

import yaml

from .. import messages as msg
from ..errors import Fix
from .habits import yaml_scalar
from .yamlload import YamlProblem, _Loader, column_of, line_text

VALUE_START = re.compile(r"^(\s*(?:-\s+)*(?:[^\s:#][^:#]*?:\s+)?)(\S.*?)\s*$")


def quote_value_problem(text: str, line: int, message: str, hint: str, index: int) -> YamlProblem:
    """A value YAML misreads because of its first character: the fix quotes it."""
    source = line_text(text, line)
    match = VALUE_START.match(source)
    fix = None
    value = ""
    column = column_of(text, index)
    if match:
        value = match.group(2)
        message = message.format(value=value) if "{value}" in message else message
        column = len(match.group(1)) + 1  # the value's first character is the cause
        candidate = match.group(1) + yaml_scalar(value)
        fix = _checked(text, line, (candidate,))
    return YamlProblem(line, message, hint, column=column, value=value, fix=fix)


def _checked(text: str, line: int, lines: tuple[str, ...]) -> Fix | None:
    """The fix, if the file with it made gets past `line` (a fix must work when followed)."""
    fix = Fix("replace", line, lines)
    try:
        loader = _Loader(fix.apply(text))
    except yaml.YAMLError:
        return None
    try:
        loader.get_single_node()
    except yaml.MarkedYAMLError as later:
        if later.problem_mark is None or loader.editor_line(later.problem_mark) <= line or (
                later.context_mark is not None and loader.editor_line(later.context_mark) <= line):
            return None
    except YamlProblem as later:  # refused further on: this line is fixed
        if later.line <= line:
            return None
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    return fix


def _reindented(text: str, line: int) -> Fix | None:
    """Try the indentation of each line above; the first that parses is the fix."""
    source = line_text(text, line)
    body = source.lstrip(" ")
    tried: set[int] = set()
    for above in reversed(text.split("\n")[: line - 1]):
        if not above.strip() or above.lstrip().startswith("#"):
            continue
        width = len(above) - len(above.lstrip(" "))
        for candidate in (width, width + 2):
            if candidate in tried or candidate == len(source) - len(body):
                continue
            tried.add(candidate)
            if (fix := _checked(text, line, (" " * candidate + body,))) is not None:
                return fix
    return None


def translate_syntax_error(exc: yaml.MarkedYAMLError, text: str, loader: _Loader) -> YamlProblem:
    problem = exc.problem or ""
    context = exc.context or ""
    opened = loader.editor_line(exc.context_mark) if exc.context_mark else None
    mark = exc.problem_mark
    line = loader.editor_line(mark)
    column = column_of(text, mark.index) if mark else 0
    source = line_text(text, line)
    # The text on the problem's line before it, e.g. to tell a second ': ' from a first.
    before = text[text.rfind("\n", 0, mark.index) + 1 : mark.index].rstrip() if mark else ""
    if "found character '\\t'" in problem or "\t" in problem:
        fix = _checked(text, line, (source.replace("\t", "  "),))
        return YamlProblem(line, msg.YAML_TAB, msg.YAML_TAB_HINT, column=column, fix=fix)
    if "quoted scalar" in context and opened:
        if "escape" in problem:
            match = VALUE_START.match(source)
            fix = None
            inner = match.group(2)[1:-1] if match else ""
            if match and match.group(2).startswith('"') and match.group(2).endswith('"') and "'" not in inner:
                fix = _checked(text, line, (match.group(1) + "'" + inner + "'",))
            return YamlProblem(line, msg.YAML_ESCAPE, msg.YAML_ESCAPE_HINT, column=column, fix=fix)
        opening = line_text(text, opened)
        quote_column = column_of(text, exc.context_mark.index)
        quote = opening[quote_column - 1 : quote_column]
        fix = _checked(text, opened, (opening.rstrip() + quote,))
        return YamlProblem(opened, msg.YAML_UNCLOSED_QUOTE, msg.YAML_UNCLOSED_QUOTE_HINT,
                           column=quote_column, value=opening[quote_column - 1 :].strip(), fix=fix)
    if "while scanning a simple key" in context and opened:
        opening = line_text(text, opened)
        stripped = opening.lstrip()
        indent = opening[: len(opening) - len(stripped)]
        word, _, rest = stripped.partition(" ")
        candidates = [indent + word + ": " + rest.strip()] if rest.strip() else [indent + word + ":"]
        fix = next((f for c in candidates if (f := _checked(text, opened, (c,))) is not None), None)
        fix = fix or _reindented(text, opened)
        return YamlProblem(opened, msg.YAML_MISSING_COLON.format(value=stripped), msg.YAML_MISSING_COLON_HINT,
                           column=len(indent) + len(word) + 1, value=stripped, fix=fix)
    if "mapping values are not allowed" in problem:
        if ": " in before or before.endswith(":"):
            match = VALUE_START.match(source)
            fix = None
            if match:
                fix = _checked(text, line, (match.group(1) + yaml_scalar(match.group(2)),))
            return YamlProblem(line, msg.YAML_COLON_IN_VALUE, msg.YAML_COLON_IN_VALUE_HINT, column=column,
                               value=match.group(2) if match else "", fix=fix)
        return YamlProblem(line, msg.YAML_KEY_MISPLACED, msg.YAML_INDENT_HINT,
                           column=len(source) - len(source.lstrip()) + 1, fix=_reindented(text, line))
    if "sequence entries are not allowed" in problem:
        return YamlProblem(line, msg.YAML_LIST_MISPLACED, msg.YAML_LIST_MISPLACED_HINT, column=column,
                           fix=_reindented(text, line))
    if "while parsing a flow" in context and opened:
        opening = line_text(text, opened)
        closer = "]" if "[" in opening else "}"
        fix = _checked(text, opened, (opening.rstrip() + closer,))
        return YamlProblem(opened, msg.YAML_FLOW_UNCLOSED, msg.YAML_FLOW_UNCLOSED_HINT,
                           column=column_of(text, exc.context_mark.index), fix=fix)
    if "found '<scalar>'" in problem and before.endswith(('"', "'")):
        match = VALUE_START.match(source)
        fix = _checked(text, line, (match.group(1) + yaml_scalar(match.group(2)),)) if match else None
        return YamlProblem(line, msg.YAML_TEXT_AFTER_QUOTE, msg.YAML_TEXT_AFTER_QUOTE_HINT, column=column,
                           value=match.group(2) if match else "", fix=fix)
    if "expected <block end>" in problem:
        return YamlProblem(line, msg.YAML_INDENT, msg.YAML_INDENT_HINT,
                           column=len(source) - len(source.lstrip()) + 1, fix=_reindented(text, line))
    if "while scanning an alias" in context or "while scanning an anchor" in context:
        return quote_value_problem(text, line, msg.YAML_STAR_START, msg.YAML_ANCHOR_HINT, mark.index)
    if "found character" in problem and "that cannot start any token" in problem:
        return quote_value_problem(text, line, msg.YAML_BAD_START, msg.YAML_BAD_START_HINT, mark.index)
    if "expected a single document" in context:
        return YamlProblem(line, msg.YAML_TWO_DOCUMENTS, msg.YAML_TWO_DOCUMENTS_HINT, column=column,
                           fix=Fix("delete", line))
    return YamlProblem(line, msg.YAML_GENERIC.format(detail=problem), msg.YAML_GENERIC_HINT, column=column)
