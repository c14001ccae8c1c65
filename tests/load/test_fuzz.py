"""No input can make loading or schema checking raise: every case ends in a
Document with findings or data (and a record or findings for the schema).

Three kinds of input: random bytes, random YAML-ish text built from the
characters that matter to YAML and to Chinese input methods, and small
mutations of the example community's real files.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.load import Document, load_bytes, load_text
from generator.model.errors import build_record
from generator.model.records import FILE_MODELS
from tests.conftest import EXAMPLES

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# YAML syntax, the full-width look-alikes a Chinese IME types, invisible and
# control characters, a lone surrogate, digits, letters and Chinese text.
YAMLISH = list(":-?[]{},#&*!|>'\"%@`~ \t\n\r") + list("：－，“”（）　\u00a0\ufeff\u200b\x00\x07\x85\u2028\ud800") \
    + list("ab_01259.eE+") + ["望江", "社区", "2025-02-30", "2025-03-01", "name", "kind", "<<", "---", "...", "  "]
MODELS = sorted(FILE_MODELS)
SAMPLES = {name: (EXAMPLES / "wangjiang" / name).read_text(encoding="utf-8")
           for name in MODELS if (EXAMPLES / "wangjiang" / name).is_file()}


def check(doc: Document, filename: str) -> None:
    assert isinstance(doc, Document)
    assert doc.findings or doc.data is not None
    for finding in doc.findings:
        assert finding.location is not None and finding.location.line >= 1
        finding.format()
    if doc.ok and doc.data is not None:
        record, findings = build_record(doc, FILE_MODELS[filename])
        assert record is not None or findings
        for finding in findings:
            assert finding.location is not None and finding.location.line >= 1
            finding.format()


@SETTINGS
@given(raw=st.binary(max_size=600), filename=st.sampled_from(MODELS))
def test_random_bytes(raw: bytes, filename: str) -> None:
    check(load_bytes(raw, filename), filename)


@SETTINGS
@given(pieces=st.lists(st.sampled_from(YAMLISH), max_size=120), filename=st.sampled_from(MODELS))
def test_random_yamlish_text(pieces: list[str], filename: str) -> None:
    check(load_text("".join(pieces), filename), filename)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str]:
    filename = draw(st.sampled_from(sorted(SAMPLES)))
    lines = SAMPLES[filename].split("\n")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(lines) - 1))
        line = lines[at]
        operation = draw(st.sampled_from(["insert", "delete", "duplicate", "indent", "dedent", "replace"]))
        if operation == "insert":
            column = draw(st.integers(0, len(line)))
            lines[at] = line[:column] + draw(st.sampled_from(YAMLISH)) + line[column:]
        elif operation == "delete" and line:
            column = draw(st.integers(0, len(line) - 1))
            lines[at] = line[:column] + line[column + draw(st.integers(1, 3)):]
        elif operation == "duplicate":
            lines.insert(at, line)
        elif operation == "indent":
            lines[at] = draw(st.sampled_from([" ", "  ", "\t", "\u3000"])) + line
        elif operation == "dedent":
            lines[at] = line[1:]
        elif operation == "replace":
            lines[at] = draw(st.sampled_from(["", "---", "- ", "x:", "<<: *a", "a: &a 1", "  - [", "? x"]))
    return filename, "\n".join(lines)


@SETTINGS
@given(case=mutated())
def test_mutations_of_a_valid_file(case: tuple[str, str]) -> None:
    filename, text = case
    check(load_text(text, filename), filename)


def test_the_unmutated_examples_load_cleanly() -> None:
    assert SAMPLES, "the example community wangjiang is missing"
    for filename, text in SAMPLES.items():
        doc = load_text(text, filename)
        assert doc.findings == [], [f.format() for f in doc.findings]
        record, findings = build_record(doc, FILE_MODELS[filename])
        assert record is not None and findings == []


def test_the_examples_folder_exists() -> None:
    assert Path(EXAMPLES, "wangjiang").is_dir()
