"""Every kind of free-text field the schema has, read from the models themselves,
so a field added later is covered by the safety tests without editing them.

A field is named by its path pattern in its file: `items[].steps[].note`,
`themes{}` (the values of a mapping), `renren.positive[]`.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Any, Iterator

from pydantic import BaseModel

from generator.model.records import FILE_MODELS
from generator.model.values import Period


@dataclass(frozen=True)
class TextField:
    filename: str
    path: str           # e.g. "items[].steps[].note"
    free: bool          # False: constrained by a pattern (ids, times), so it cannot hold arbitrary text


def text_fields() -> list[TextField]:
    found: list[TextField] = []
    for filename, model in FILE_MODELS.items():
        found += _walk(filename, model, "")
    return found


def _walk(filename: str, model: type[BaseModel], prefix: str) -> list[TextField]:
    found: list[TextField] = []
    for name, info in model.model_fields.items():
        constrained = any(getattr(m, "pattern", None) for m in info.metadata)
        found += _visit(filename, info.annotation, prefix + name, constrained)
    return found


def _visit(filename: str, annotation: Any, path: str, constrained: bool) -> list[TextField]:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        return [f for a in args if a is not type(None) for f in _visit(filename, a, path, constrained)]
    if origin is typing.Annotated:
        return _visit(filename, args[0], path, constrained)
    if origin is list:
        return _visit(filename, args[0], path + "[]", constrained)
    if origin is dict:
        return _visit(filename, args[1], path + "{}", constrained)
    if origin is typing.Literal:
        return []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _walk(filename, annotation, path + ".")
    if annotation is str:
        return [TextField(filename, path, not constrained)]
    if annotation is Period:       # {start, end, label}: the label is free text
        return [TextField(filename, path + ".label", True)]
    return []


def values_at(data: Any, path: str) -> Iterator[Any]:
    """The values at `path` (a TextField.path) in a file's loaded data."""
    if not path:
        yield data
        return
    if path.startswith("[]"):
        if isinstance(data, list):
            for item in data:
                yield from values_at(item, path[2:])
        return
    if path.startswith("{}"):
        if isinstance(data, dict):
            for item in data.values():
                yield from values_at(item, path[2:])
        return
    path = path.removeprefix(".")
    name, rest = _split(path)
    if isinstance(data, dict) and name in data:
        yield from values_at(data[name], rest)


def _split(path: str) -> tuple[str, str]:
    for i, char in enumerate(path):
        if char in ".[{":
            return path[:i], path[i:]
    return path, ""
