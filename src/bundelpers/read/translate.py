"""Turn pydantic validation failures into located Dutch problems.

Pydantic reports a path (`loc`) and an error type per failure; the YAML reader
knows the line of every path. This module is the single bridge between the two.
"""

from __future__ import annotations

import difflib
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from .. import messages as msg
from .yamlload import LocatedYaml

Located = tuple[int, str, str]  # line, message, hint
INT_EXAMPLES = {"jaar": "2021", "gestart": "2019"}


def validation_problems(
    exc: ValidationError, source: LocatedYaml, model: type[BaseModel], prefix: tuple = ()
) -> list[Located]:
    problems: list[Located] = []
    for error in exc.errors(include_url=False):
        loc = tuple(part for part in error["loc"] if isinstance(part, (str, int)))
        problems.append(_one(error, loc, source, model, prefix))
    return problems


def _one(error: dict, loc: tuple, source: LocatedYaml, model: type[BaseModel], prefix: tuple) -> Located:
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    key = str(loc[-1]) if loc else ""
    line = source.line_of(prefix + loc)

    if kind == "missing":
        return line, msg.KEY_MISSING.format(key=key), msg.KEY_MISSING_HINT.format(key=key)
    if kind == "extra_forbidden":
        allowed = sorted(_fields_at(model, loc[:-1]))
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = (
            msg.KEY_UNKNOWN_SUGGEST.format(suggestion=close[0])
            if close
            else msg.KEY_UNKNOWN_HINT.format(allowed=", ".join(allowed))
        )
        return line, msg.KEY_UNKNOWN.format(key=key), hint
    if kind == "nl_text_blank" or (kind == "string_type" and value is None):
        return line, msg.TEXT_BLANK, msg.TEXT_BLANK_HINT
    if kind == "string_type":
        return line, msg.EXPECT_TEXT, msg.EXPECT_TEXT_HINT
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return line, msg.EXPECT_INT, msg.EXPECT_INT_HINT.format(key=key, example=INT_EXAMPLES.get(key, "3"))
    if kind == "greater_than_equal":
        return line, msg.INT_TOO_SMALL.format(minimum=ctx.get("ge")), ""
    if kind == "less_than_equal":
        return line, msg.VALUE_INVALID.format(detail=f"{value} is te groot"), ""
    if kind in {"list_type"}:
        return line, msg.EXPECT_LIST, ""
    if kind == "too_short":
        return line, msg.LIST_EMPTY, ""
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return line, msg.EXPECT_MAPPING, ""
    if kind.startswith("date") or kind == "nl_date":
        return line, msg.EXPECT_DATE, ""
    if kind == "literal_error" and key == "soort":
        return line, msg.EXPECT_SOORT.format(value=value), ""
    if kind == "nl_colour_empty":
        return line, msg.EXPECT_COLOUR, msg.COLOUR_EMPTY_HINT
    if kind == "nl_colour":
        return line, msg.EXPECT_COLOUR, msg.EXPECT_COLOUR_HINT
    if kind == "nl_url":
        return line, msg.EXPECT_URL, ""
    if kind == "nl_email":
        return line, msg.EXPECT_EMAIL.format(value=value), msg.EXPECT_EMAIL_HINT
    if kind == "nl_isbn":
        return line, msg.EXPECT_ISBN.format(value=value), msg.EXPECT_ISBN_HINT
    if kind == "nl_slug":
        return line, msg.EXPECT_SLUG.format(value=value), ""
    if kind == "nl_lang":
        return line, msg.EXPECT_LANG.format(value=value), ""
    if kind == "nl_year_mismatch":
        line = source.line_of(prefix + loc + (ctx["field"],))
        return line, msg.DATE_YEAR_MISMATCH.format(year=ctx["year"], jaar=ctx["jaar"]), ""
    if kind == "nl_updated_before_published":
        line = source.line_of(prefix + loc + (ctx["field"],))
        return line, msg.DATE_UPDATED_TOO_EARLY.format(**ctx), msg.DATE_UPDATED_TOO_EARLY_HINT
    if kind == "nl_paper_thickness":
        return line, msg.EXPECT_PAPER_THICKNESS.format(**ctx), msg.EXPECT_PAPER_THICKNESS_HINT
    return line, msg.VALUE_INVALID.format(detail=error.get("msg", kind)), ""


def _fields_at(model: type[BaseModel], loc: tuple) -> set[str]:
    """Field names of the (nested) model that owns the mapping at `loc`."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return set()
        field = current.model_fields.get(part)
        if field is None:
            return set()
        current = _inner_model(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return set(current.model_fields)
    return set()


def _inner_model(annotation: Any) -> Any:
    """Find the BaseModel inside Optional[...] / list[...] / Annotated[...]."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
