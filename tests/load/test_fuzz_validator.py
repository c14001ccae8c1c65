"""The whole validator (load → model → figures → every rule) never raises and never
hangs: one data file of an example community is replaced by random or mutated
YAML, and `validate` must return findings that each name at least their file.

Three kinds of input: random structures under the file's real top-level keys
(nested keys drawn from the schema's own field names, so deep records are
reached), the real data with one node swapped for a random value (numbers,
dates and text the rules then compute with), and text mutations of the real
file (a line deleted, duplicated or swapped, a digit changed, a character
inserted). Each case is bounded in time twice: Hypothesis' deadline, and an
alarm that stops a hang.
"""

from __future__ import annotations

import copy
import json
import signal
import shutil
from contextlib import contextmanager
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from generator.load import load_document
from generator.model.records import FILE_MODELS
from generator.pipeline import validate
from tests.conftest import AS_OF, EXAMPLES

SETTINGS = settings(max_examples=60, deadline=timedelta(seconds=5), derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
HANG_SECONDS = 30
SLUGS = ("wangjiang", "lihua", "qingfeng")
SOURCES = [(slug, name) for slug in SLUGS for name in sorted(FILE_MODELS) if (EXAMPLES / slug / name).is_file()]
TEXTS = {source: (EXAMPLES / source[0] / source[1]).read_text(encoding="utf-8") for source in SOURCES}


def field_names(model: type[BaseModel], seen: set[type] | None = None) -> set[str]:
    """Every field name of `model` and the records inside it."""
    seen = seen if seen is not None else set()
    if model in seen:
        return set()
    seen.add(model)
    names = set(model.model_fields)
    for info in model.model_fields.values():
        stack = [info.annotation]
        while stack:
            annotation = stack.pop()
            stack += list(getattr(annotation, "__args__", ()))
            if isinstance(annotation, type) and issubclass(annotation, BaseModel):
                names |= field_names(annotation, seen)
    return names


FIELD_NAMES = sorted(set().union(*(field_names(m) for m in FILE_MODELS.values())))
# Values the standards and the money code compute with: zero, negatives, huge, odd dates and amounts.
EDGE_TEXT = ["", " ", "0", "-1", "1e309", "NaN", "约", "万元", "约 1.2 万元", "1,234.50", "2025-02-30", "2025-Q5",
             "2025-H3", "2025-13", "9999", "P-2024-01", "党员群众建议", "已完成", "社区", "小区", "xingfuli",
             "renren", "wangjiang", "满意度", "决议公开", "重新公示", "望江社区", "\u0000", "\ufeff", "\u2028",
             "13812345678", "a@b.cn"]
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(-10**15, 10**15), st.sampled_from([0, 1, -1, 100, 10**12]),
    st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
    st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)),
    st.text(max_size=24), st.sampled_from(EDGE_TEXT))
KEYS = st.one_of(st.sampled_from(FIELD_NAMES), st.text(min_size=1, max_size=8))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                        st.dictionaries(KEYS, inner, max_size=5)), max_leaves=16)


class Dumper(yaml.SafeDumper):
    """Decimals written as plain YAML numbers, as staff write amounts."""


Dumper.add_representer(Decimal, lambda dumper, value: dumper.represent_scalar("tag:yaml.org,2002:float", str(value)))


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=120)


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    """Stop a case that hangs (the deadline only measures cases that finish)."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def stop(_signum: int, _frame: Any) -> None:
        raise TimeoutError(f"validate did not return within {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("fuzz")
    for slug in SLUGS:
        shutil.copytree(EXAMPLES / slug, root / "communities" / slug)
    return root


def check(root: Path, slug: str, filename: str, text: str) -> None:
    """Validate with `filename` of `slug` replaced by `text`: returns, and every finding has a place."""
    path = root / "communities" / slug / filename
    path.write_text(text, encoding="utf-8")
    try:
        with time_limit(HANG_SECONDS):
            result = validate(root, AS_OF, [slug])
    finally:
        path.write_text(TEXTS[(slug, filename)], encoding="utf-8")
    for finding in result.findings:
        assert finding.location is not None and finding.location.file, finding.format()
        assert finding.format()
        json.dumps(finding.to_json(), ensure_ascii=False)


# ---------------------------------------------------------------- random structures
@st.composite
def random_file(draw: st.DrawFn) -> tuple[str, str, str]:
    slug, filename = draw(st.sampled_from(SOURCES))
    keys = sorted(FILE_MODELS[filename].model_fields)
    data = draw(st.dictionaries(st.sampled_from(keys), VALUES, max_size=len(keys)))
    return slug, filename, dump(data)


@SETTINGS
@given(case=random_file())
def test_random_structures_under_the_real_keys(project: Path, case: tuple[str, str, str]) -> None:
    check(project, *case)


# ---------------------------------------------------------------- one node swapped
def real_data(source: tuple[str, str]) -> Any:
    return load_document(EXAMPLES / source[0] / source[1], source[1]).data


REAL = {source: real_data(source) for source in SOURCES}


def node_paths(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if path:
        yield path
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in children:
        yield from node_paths(child, path + (key,))


@st.composite
def swapped_node(draw: st.DrawFn) -> tuple[str, str, str]:
    slug, filename = draw(st.sampled_from(SOURCES))
    data = copy.deepcopy(REAL[(slug, filename)])
    path = draw(st.sampled_from(list(node_paths(data))))
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = draw(VALUES)
    return slug, filename, dump(data)


@SETTINGS
@given(case=swapped_node())
def test_real_data_with_one_node_swapped(project: Path, case: tuple[str, str, str]) -> None:
    check(project, *case)


# ---------------------------------------------------------------- text mutations
@st.composite
def mutated_text(draw: st.DrawFn) -> tuple[str, str, str]:
    slug, filename = draw(st.sampled_from(SOURCES))
    lines = TEXTS[(slug, filename)].split("\n")
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(lines) - 1))
        operation = draw(st.sampled_from(["delete", "duplicate", "swap", "digit", "insert"]))
        if operation == "delete":
            del lines[at]
        elif operation == "duplicate":
            lines.insert(at, lines[at])
        elif operation == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif operation == "digit":
            digits = [i for i, c in enumerate(lines[at]) if c.isdigit()]
            if digits:
                i = draw(st.sampled_from(digits))
                lines[at] = lines[at][:i] + draw(st.sampled_from("0123456789")) + lines[at][i + 1:]
        else:
            column = draw(st.integers(0, len(lines[at])))
            char = draw(st.characters(exclude_categories=("Cs",)))
            lines[at] = lines[at][:column] + char + lines[at][column:]
        if not lines:
            lines = [""]
    return slug, filename, "\n".join(lines)


@SETTINGS
@given(case=mutated_text())
def test_mutations_of_the_real_text(project: Path, case: tuple[str, str, str]) -> None:
    check(project, *case)


def test_the_unmutated_examples_validate_without_blocking_findings(project: Path) -> None:
    for slug in SLUGS:
        result = validate(project, AS_OF, [slug])
        assert [f.format() for f in result.blocking()] == []
