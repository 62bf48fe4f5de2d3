"""What the schema says about a place in a file: the model that owns a mapping, its
field names (for "bedoelde je"), and example lines for a missing key."""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel

from .. import messages as msg
from .habits import yaml_scalar

RAW_EXAMPLES = {"nummer", "jaar", "gestart", "druk", "verschenen", "bijgewerkt", "kleur"}  # not text


def example_lines(key: str, model: Any) -> list[str]:
    field = model.model_fields.get(key) if model is not None else None
    inner = _inner_model(field.annotation) if field is not None else None
    if inner is not None:
        return [f"{name}: {yaml_scalar(msg.EXAMPLES.get(name, 'Tekst'))}"
                for name, f in inner.model_fields.items() if f.is_required()]
    example = msg.EXAMPLES.get(key, "Tekst")
    if field is not None and "list" in str(field.annotation).lower():
        return [f"- {yaml_scalar(example)}"]
    return [example if key in RAW_EXAMPLES else yaml_scalar(example)]


def model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = _inner_model(field.annotation)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def fields_at(model: type[BaseModel], loc: tuple) -> set[str]:
    """Field names of the (nested) model that owns the mapping at `loc`."""
    found = model_at(model, loc)
    return set(found.model_fields) if found is not None else set()


def _inner_model(annotation: Any) -> Any:
    """Find the BaseModel inside Optional[...] / list[...] / Annotated[...]."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
