"""Names of private persons in a disclosure (a 低保 list, xingfuli 9.3).

Which fields hold a person's name is part of the schema, field by field: such a
field is typed `PersonName` (generator/model/values.py), and its exported JSON
Schema carries "x-gongshi-person-name": true. Today that is
services.yml `dibao[].households[].name`; a new list that names residents types
its name field the same way, and both outputs mask it with no further code.

Renderers never show a record that may hold one directly: they show
`for_display(record)`, a copy with every such field masked (张三明 → 张*明).
The site's pages and the posters both go through this one function.

    >>> from generator.model.records import Household
    >>> for_display(Household(name="张三明", members=2)).name
    '张*明'
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, TypeVar

from pydantic import BaseModel

from generator.model.values import PERSON_NAME
from generator.privacy.mask import mask_name

R = TypeVar("R", bound=BaseModel)


@lru_cache(maxsize=None)
def person_fields(model: type[BaseModel]) -> frozenset[str]:
    """The fields of `model` (itself, not the records inside it) typed PersonName."""
    return frozenset(name for name, info in model.model_fields.items()
                     if any(meta is PERSON_NAME for meta in info.metadata))


@lru_cache(maxsize=None)
def holds_names(model: type[BaseModel]) -> bool:
    """Whether `model` or any record inside it has a PersonName field."""
    if person_fields(model):
        return True
    return any(holds_names(inner) for inner in records_in(model))


def for_display(record: R) -> R:
    """`record` with every person's name in it masked, however deep; the record itself is unchanged."""
    model = type(record)
    if not holds_names(model):
        return record
    names = person_fields(model)
    update = {}
    for field in model.model_fields:
        value = getattr(record, field)
        shown = _masked(value) if field in names else _displayed(value)
        if shown is not value:
            update[field] = shown
    return record.model_copy(update=update) if update else record


def _masked(value: Any) -> Any:
    if isinstance(value, str):
        return mask_name(value)
    if isinstance(value, (list, tuple)):
        return type(value)(_masked(v) for v in value)
    return value


def _displayed(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return for_display(value)
    if isinstance(value, list):
        shown = [_displayed(v) for v in value]
        return value if all(a is b for a, b in zip(shown, value)) else shown
    if isinstance(value, dict):
        shown_dict = {k: _displayed(v) for k, v in value.items()}
        return value if all(shown_dict[k] is v for k, v in value.items()) else shown_dict
    return value


def records_in(model: type[BaseModel]) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []
    for info in model.model_fields.values():
        stack = [info.annotation]
        while stack:
            annotation = stack.pop()
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                if annotation is not model:
                    found.append(annotation)
            else:
                stack += list(getattr(annotation, "__args__", ()))
    return found
