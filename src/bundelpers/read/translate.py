"""Turn pydantic validation failures into located Dutch problems with a fix.

Pydantic reports a path (`loc`) and an error type per failure; the YAML reader
knows where every path stands and how its line reads. This module is the single
bridge between the two: each failure becomes a Finding that names the key, quotes
the value as written, and rewrites the line into one that is valid.
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import BaseModel, ValidationError

from .. import messages as msg
from ..errors import Finding, Fix
from . import suggest
from .fields import example_lines, fields_at, model_at
from .habits import char_name, yaml_scalar
from .schema import COLOUR_RE, EMAIL_RE, URL_RE
from .yamlload import LocatedYaml, Span

YEAR_KEYS = {"jaar", "gestart"}


def validation_problems(
    exc: ValidationError, source: LocatedYaml, model: type[BaseModel], prefix: tuple = ()
) -> list[Finding]:
    errors = [(tuple(p for p in e["loc"] if isinstance(p, (str, int))), e) for e in exc.errors(include_url=False)]
    # `titell` is one mistake, not two: an unknown key that is close to a missing one renames it.
    renames: dict[tuple, str] = {}
    missing = {loc for loc, e in errors if e["type"] == "missing"}
    for loc, error in errors:
        if error["type"] == "extra_forbidden":
            close = suggest.close_key(str(loc[-1]), sorted(fields_at(model, loc[:-1])))
            if close is not None and (*loc[:-1], close) in missing:
                renames[loc] = close
    findings = []
    for loc, error in errors:
        if error["type"] == "missing" and loc in {(*old[:-1], new) for old, new in renames.items()}:
            continue
        findings.append(_Translator(source, model, prefix + loc, error, renames.get(loc)).finding())
    return findings


class _Translator:
    def __init__(self, source: LocatedYaml, model: type[BaseModel], loc: tuple, error: dict, rename: str | None):
        self.source, self.model, self.loc, self.error = source, model, loc, error
        self.rename = rename
        self.kind = error["type"]
        self.ctx = error.get("ctx") or {}
        self.input = error.get("input")
        names = [part for part in loc if isinstance(part, str)]
        self.key = names[-1] if names else ""
        self.item = bool(loc) and isinstance(loc[-1], int)
        self.span: Span | None = source.spans.get(loc)
        self.line = source.line_of(loc)
        self.written = self._written()

    # --- where and what ------------------------------------------------------
    def _written(self) -> str:
        span = self.span
        if span is None:
            return ""
        text = self.source.source_line(span.line)
        if span.end_line == span.line:
            return text[span.column : span.end_column].strip()
        return text[span.column :].strip() + " …"

    def _value_line(self) -> int:
        span = self.span
        return span.line if span is not None and span.end_line == span.line else self.line

    def at(self, message: str, hint: str = "", fix: Fix | None = None, *, on_key: bool = False) -> Finding:
        span = self.span
        if span is None or on_key:
            line = span.key_line if span is not None and span.key_line else self.line
            column = (span.key_column + 1) if span is not None and span.key_line else 0
            return Finding(line, message, hint, column, max(len(self.key), 1), self.key, self.written, fix)
        return Finding(span.line, message, hint, span.column + 1, max(len(self.written), 1), self.key,
                       self.written, fix)

    # --- fixes ----------------------------------------------------------------
    def _head(self) -> tuple[int, str] | None:
        """(line, text up to and including 'key: ') of the line that holds this value."""
        span = self.span
        if span is None:
            return None
        if span.key_line:
            line_text = self.source.source_line(span.key_line)
            colon = line_text.find(":", span.key_column)
            return span.key_line, line_text[: colon + 1] + " "
        return span.line, self.source.source_line(span.line)[: span.column]

    def replace_value(self, value_text: str) -> Fix | None:
        head = self._head()
        if head is None or self.span is None:
            return None
        line, text = head
        return Fix("replace", line, (text + value_text,), last=max(self.span.end_line, line))

    def replace_with_block(self, items: list[str]) -> Fix | None:
        head = self._head()
        if head is None or self.span is None or not self.span.key_line:
            return None
        line, text = head
        indent = " " * (self.span.key_column + 2)
        lines = (text.rstrip(),) + tuple(f"{indent}{item}" for item in items)
        return Fix("replace", line, lines, last=max(self.span.end_line, line))

    def delete(self) -> Fix | None:
        span = self.span
        if span is None:
            return None
        first = span.key_line or span.line
        return Fix("delete", first, last=max(span.end_line, first))

    def insert_key(self, key: str, value_lines: list[str]) -> Fix | None:
        """A missing key: after the last one-line key of its mapping, at that key's indentation."""
        parent = self.loc[:-1]
        siblings = [(path, span) for path, span in self.source.spans.items()
                    if len(path) == len(parent) + 1 and path[: len(parent)] == parent and span.key_line
                    and span.end_line == span.key_line]
        if not siblings:
            return None
        _, span = max(siblings, key=lambda item: item[1].key_line)
        indent = " " * span.key_column
        if value_lines and value_lines[0].startswith("- ") or len(value_lines) > 1 or (value_lines and ": " in value_lines[0] and not value_lines[0].startswith('"')):
            lines = (f"{indent}{key}:",) + tuple(f"{indent}  {v}" for v in value_lines)
        else:
            lines = (f"{indent}{key}: {value_lines[0]}",)
        return Fix("insert", span.key_line, lines)

    # --- the message ----------------------------------------------------------
    def finding(self) -> Finding:
        kind, key, value = self.kind, self.key, self.input
        shown = self.written or (str(value) if value is not None else "")
        if isinstance(value, str) and (odd := suggest.INVISIBLE_IN_VALUE.search(value)) and kind != "missing":
            def clean(text: str) -> str:
                return suggest.INVISIBLE_IN_VALUE.sub(lambda m: " " if m.group(0) in "\u00a0\u202f" else "",
                                                      text).strip()
            # The value as written, without the character: `jaar: 20<U+200B>21` becomes `jaar: 2021`.
            fixed = clean(self.written) if self.written and " …" not in self.written else yaml_scalar(clean(value))
            return self.at(msg.INVISIBLE_IN_VALUE.format(key=key, char=char_name(odd.group(0)), value=shown),
                           msg.INVISIBLE_IN_VALUE_HINT, self.replace_value(fixed))
        if kind == "missing":
            model = model_at(self.model, self.loc[:-1])
            return self.at(msg.KEY_MISSING.format(key=key), msg.KEY_MISSING_HINT,
                           self.insert_key(key, example_lines(key, model)), on_key=True)
        if kind == "extra_forbidden":
            return self._unknown_key()
        if self.item and kind in {"nl_text_blank", "string_type"} and (value is None or not str(value).strip()):
            list_key = key
            return self.at(msg.LIST_ITEM_BLANK.format(key=list_key), msg.LIST_ITEM_BLANK_HINT, self.delete())
        if kind == "nl_text_blank" or (kind == "string_type" and value is None):
            return self.at(msg.TEXT_BLANK.format(key=key), msg.TEXT_BLANK_HINT,
                           self.replace_value(yaml_scalar(msg.EXAMPLES.get(key, "Tekst"))))
        if kind == "string_type":
            return self._expect_text()
        if kind in {"int_type", "int_parsing", "int_from_float"}:
            return self._expect_int()
        if kind in {"greater_than_equal", "less_than_equal"}:
            return self._out_of_range()
        if kind == "list_type":
            items = [part.strip() for part in re.split(r"[,;]", str(value)) if part.strip()] \
                if isinstance(value, str) else []
            items = [yaml_scalar(item) for item in items] or [yaml_scalar(msg.EXAMPLES.get(key, "Tekst"))]
            return self.at(msg.EXPECT_LIST.format(key=key, value=shown), msg.EXPECT_LIST_HINT.format(key=key),
                           self.replace_with_block([f"- {item}" for item in items]))
        if kind == "too_short":
            return self.at(msg.LIST_EMPTY.format(key=key), msg.LIST_EMPTY_HINT,
                           self.replace_with_block([f"- {yaml_scalar(msg.EXAMPLES.get(key, 'Tekst'))}"]))
        if kind in {"model_type", "dict_type", "model_attributes_type"}:
            return self._expect_mapping()
        if kind.startswith("date") or kind == "nl_date":
            return self._expect_date()
        if kind == "literal_error" and key == "soort":
            close = suggest.close_key(str(value), ["casus", "hoofdstuk"]) or "casus"
            return self.at(msg.EXPECT_SOORT.format(value=shown), msg.EXPECT_SOORT_HINT, self.replace_value(close))
        if kind == "nl_colour_empty":
            return self.at(msg.EXPECT_COLOUR_EMPTY.format(key=key), msg.COLOUR_EMPTY_HINT,
                           self.replace_value(msg.EXAMPLES["kleur"]))
        if kind == "nl_colour":
            return self._expect_colour()
        if kind == "nl_url":
            better = suggest.url(value)
            good = better is not None and URL_RE.match(better)
            return self.at(msg.EXPECT_URL.format(key=key, value=shown),
                           msg.EXPECT_URL_HINT if good else msg.EXPECT_URL_EXAMPLE_HINT,
                           self.replace_value(better if good else msg.EXAMPLES["website"]))
        if kind == "nl_email":
            better = suggest.email(value)
            good = better is not None and EMAIL_RE.match(better)
            return self.at(msg.EXPECT_EMAIL.format(key=key, value=shown),
                           msg.EXPECT_EMAIL_HINT if good else msg.EXPECT_EMAIL_EXAMPLE_HINT,
                           self.replace_value(better if good else msg.EXAMPLES["email"]))
        if kind == "nl_isbn":
            return self.at(msg.EXPECT_ISBN.format(key=key, value=shown), msg.EXPECT_ISBN_HINT, self.delete())
        if kind == "nl_slug":
            return self.at(msg.EXPECT_SLUG.format(key=key, value=shown), msg.EXPECT_SLUG_HINT,
                           self.replace_value(suggest.slug(value)))
        if kind == "nl_lang":
            return self.at(msg.EXPECT_LANG.format(key=key, value=shown), msg.EXPECT_LANG_HINT,
                           self.replace_value("nl"))
        if kind in {"nl_year_mismatch", "nl_updated_before_published"}:
            return self._date_relation()
        if kind == "nl_paper_thickness":
            return self.at(msg.EXPECT_PAPER_THICKNESS.format(key=key, **self.ctx),
                           msg.EXPECT_PAPER_THICKNESS_HINT, self.replace_value("0.1"))
        return self.at(msg.VALUE_INVALID.format(key=key, detail=self.error.get("msg", kind)))

    def _unknown_key(self) -> Finding:
        key = self.key
        allowed = sorted(fields_at(self.model, self.loc[:-1]))
        target = self.rename or suggest.close_key(key, allowed)
        present = self._sibling_keys()
        if target is not None and target not in present:
            head = self.source.source_line(self.span.key_line) if self.span and self.span.key_line else ""
            fix = None
            if head:
                column = self.span.key_column  # type: ignore[union-attr]
                fix = Fix("replace", self.span.key_line,  # type: ignore[union-attr]
                          (head[:column] + target + head[column + len(key):],))
            return self.at(msg.KEY_UNKNOWN.format(key=key), msg.KEY_UNKNOWN_SUGGEST.format(suggestion=target),
                           fix, on_key=True)
        hint = msg.KEY_UNKNOWN_HINT.format(allowed=", ".join(allowed))
        return self.at(msg.KEY_UNKNOWN.format(key=key), hint, self.delete(), on_key=True)

    def _sibling_keys(self) -> set[str]:
        parent = self.loc[:-1]
        return {str(path[-1]) for path in self.source.spans
                if len(path) == len(parent) + 1 and path[: len(parent)] == parent}

    def _expect_text(self) -> Finding:
        value = self.input
        kind = (msg.KIND_BOOL if isinstance(value, bool) else msg.KIND_NUMBER if isinstance(value, (int, float))
                else msg.KIND_DATE if isinstance(value, dt.date) else msg.KIND_LIST if isinstance(value, list)
                else msg.KIND_MAPPING)
        fix = None
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            fix = self.replace_value(yaml_scalar(", ".join(value)))  # a list where one text belongs
        elif not isinstance(value, dict) and self.written and " …" not in self.written:
            fix = self.replace_value(yaml_scalar(self.written) if isinstance(value, list) else f'"{self.written}"')
        return self.at(msg.EXPECT_TEXT.format(key=self.key, value=self.written, kind=kind), msg.EXPECT_TEXT_HINT, fix)

    def _expect_int(self) -> Finding:
        value = self.input
        number = suggest.whole_number(value)
        quoted = self.span is not None and self.span.style in {'"', "'"}
        if number is not None and quoted and str(number) == str(value).strip():
            hint = msg.EXPECT_INT_QUOTED_HINT
        elif number is not None and isinstance(value, str) and suggest.number_word(value) is not None or number is not None:
            hint = msg.EXPECT_INT_WORD_HINT
        else:
            hint = msg.EXPECT_INT_HINT
        if number is None or (self.key in YEAR_KEYS and not 1900 <= number <= 2200) or number < 1:
            number = int(msg.EXAMPLES.get(self.key, "1"))
        return self.at(msg.EXPECT_INT.format(key=self.key, value=self.written or value), hint,
                       self.replace_value(str(number)))

    def _out_of_range(self) -> Finding:
        if self.key in YEAR_KEYS:
            return self.at(msg.YEAR_RANGE.format(key=self.key, value=self.written, low=1900, high=2200),
                           msg.YEAR_RANGE_HINT, self.replace_value(msg.EXAMPLES[self.key]))
        minimum = self.ctx.get("ge", 1)
        return self.at(msg.INT_TOO_SMALL.format(key=self.key, value=self.written, minimum=minimum),
                       msg.INT_TOO_SMALL_HINT.format(minimum=minimum), self.replace_value(str(minimum)))

    def _expect_mapping(self) -> Finding:
        model = model_at(self.model, self.loc)
        lines: list[str] = []
        if model is not None:
            required = [name for name, field in model.model_fields.items() if field.is_required()]
            for index, name in enumerate(required):
                example = self.input if index == 0 and isinstance(self.input, str) and self.input.strip() \
                    else msg.EXAMPLES.get(name, "Tekst")
                lines.append(f"{name}: {yaml_scalar(str(example))}")
        fix = None
        if lines and self.item and self.span is not None:
            head = self.source.source_line(self.span.line)[: self.span.column]
            indent = " " * len(head)
            fix = Fix("replace", self.span.line, (head + lines[0], *(indent + line for line in lines[1:])),
                      last=max(self.span.end_line, self.span.line))
        elif lines:
            fix = self.replace_with_block(lines)
        name = self.key if not self.item else f"{self.key} (item {int(self.loc[-1]) + 1})"
        return self.at(msg.EXPECT_MAPPING.format(key=name, value=self.written), msg.EXPECT_MAPPING_HINT, fix)

    def _expect_date(self) -> Finding:
        value = self.input
        found = suggest.iso_date(value) if isinstance(value, (str, dt.date)) else None
        if isinstance(found, tuple):
            year, month, day = found
            nearest = suggest.existing_day(year, month, day)
            if nearest is not None:
                return self.at(msg.DATE_IMPOSSIBLE.format(key=self.key, value=self.written,
                                                          shown=suggest.dutch_date(year, month, day)),
                               msg.DATE_IMPOSSIBLE_HINT, self.replace_value(nearest.isoformat()))
            found = None
        if isinstance(found, dt.date) and not isinstance(value, dt.date):
            return self.at(msg.EXPECT_DATE.format(key=self.key, value=self.written), msg.EXPECT_DATE_ORDER_HINT,
                           self.replace_value(found.isoformat()))
        return self.at(msg.EXPECT_DATE.format(key=self.key, value=self.written), msg.EXPECT_DATE_HINT,
                       self.replace_value(msg.EXAMPLES.get(self.key, "2021-11-18")))

    def _expect_colour(self) -> Finding:
        better = suggest.colour(self.input)
        name = str(self.input).strip().lower()
        if better is not None and name in suggest.COLOURS:
            hint = msg.EXPECT_COLOUR_NAME_HINT.format(name=name)
        elif better is not None:
            hint = msg.EXPECT_COLOUR_CLOSE_HINT
        else:
            hint = msg.EXPECT_COLOUR_HINT
        value = f'"{better}"' if better and COLOUR_RE.match(better) else msg.EXAMPLES["kleur"]
        return self.at(msg.EXPECT_COLOUR.format(key=self.key, value=self.written), hint, self.replace_value(value))

    def _date_relation(self) -> Finding:
        field_name = self.ctx["field"]
        self.loc = (*self.loc, field_name)
        self.key = field_name
        self.span = self.source.spans.get(self.loc)
        self.line = self.source.line_of(self.loc)
        self.written = self._written()
        if self.kind == "nl_year_mismatch":
            jaar = self.ctx["jaar"]
            published = self.source.data.get("verschenen")
            fix = None
            if isinstance(published, dt.date):
                date = suggest.existing_day(jaar, published.month, published.day)
                fix = self.replace_value(date.isoformat()) if date else None
            return self.at(msg.DATE_YEAR_MISMATCH.format(year=self.ctx["year"], jaar=jaar),
                           msg.DATE_YEAR_MISMATCH_HINT, fix)
        return self.at(msg.DATE_UPDATED_TOO_EARLY.format(**{k: v for k, v in self.ctx.items() if k != "field"}),
                       msg.DATE_UPDATED_TOO_EARLY_HINT, self.replace_value(self.ctx["verschenen"]))
