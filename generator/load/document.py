"""Load a data file: bytes -> text -> values, every problem a located finding.

`load_document` never raises and never loses a fact: encoding problems and
editor slips (text.py), parse errors (syntax.py) and what the reader refuses
(reader.py) all become Chinese findings with file, line and column, and
every value it returns keeps where it was written.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.findings import Finding, Location
from generator.load.reader import Path_, Point, Reading, error, read
from generator.load.syntax import describe
from generator.load.text import INDENT_GUESSES, MAX_FILE_BYTES, Suspect, clean, decode, repair, scan_lines, split_lines


class Positions(Mapping[Path_, Location]):
    """Where each value of a file stands. A file has thousands of values and
    only a few of their locations are ever asked for, so they are kept as
    (line, column) pairs in `points` and a Location is made on demand.
    Pickled, the pairs travel as one packed blob, unpacked on first use: a city
    validated on several cores sends every file's positions to the main process,
    which asks for almost none of them."""

    __slots__ = ("file", "_points", "_packed")

    def __init__(self, file: str, points: dict[Path_, Point] | None = None, packed: bytes = b"") -> None:
        self.file = file
        self._points = points
        self._packed = packed

    @property
    def points(self) -> dict[Path_, Point]:
        if self._points is None:
            self._points = pickle.loads(self._packed) if self._packed else {}
            self._packed = b""
        return self._points

    def __reduce__(self) -> tuple[Any, ...]:
        packed = self._packed or pickle.dumps(self.points, protocol=pickle.HIGHEST_PROTOCOL)
        return Positions, (self.file, None, packed)

    def __getitem__(self, path: Path_) -> Location:
        line, column = self.points[path]
        return Location(self.file, line, column)

    def __contains__(self, path: object) -> bool:
        return path in self.points

    def __iter__(self) -> Iterator[Path_]:
        return iter(self.points)

    def __len__(self) -> int:
        return len(self.points)


@dataclass
class Document:
    """One loaded file: its values, and where each value and key stands."""

    file: str
    data: Any = None
    positions: Mapping[Path_, Location] = field(default_factory=dict)
    key_positions: Mapping[Path_, Location] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(f.blocking for f in self.findings)

    def where(self, path: Path_, *, key: bool = False) -> Location:
        """The location of `path`, or of its nearest ancestor that has one."""
        table = self.key_positions if key else self.positions
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if key and probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), Location(self.file, 1, 1))


def _confirmed_slips(suspects: list[Suspect], reading: Reading) -> list[Finding]:
    """The parse succeeded: a slip counts where the parser took it for text where
    structure was meant, that is where a plain value starts at the slip (or at an
    earlier slip on the same line, whose value then holds this one)."""
    confirmed = []
    for suspect in suspects:
        if suspect.start is None or suspect.line in reading.continued:
            continue
        starts = sorted(s.start for s in suspects if s.line == suspect.line and s.start and s.start <= suspect.start)
        for start in starts:
            is_key = reading.plain_starts.get((suspect.line, start))
            if is_key is not None and (is_key or not suspect.key_only):
                confirmed.append(suspect.finding)
                break
    return confirmed


def _read_repaired(text: str, file: str, suspects: list[Suspect], failed: Reading) -> tuple[Reading, list[Finding]]:
    """The parse failed and the text has slips: read it as probably meant. If that
    reads, the slips explain the failure; if not, the first other problem is added."""
    guesses = INDENT_GUESSES if any(s.indent.strip(" ") for s in suspects) else INDENT_GUESSES[:1]
    attempts = []
    for tab, fullwidth in guesses:
        repaired = repair(text, suspects, tab, fullwidth)
        reading = read(repaired, file, frozenset(s.line for s in suspects))
        if reading.error is None:
            kept = [s.finding for s in suspects if s.line not in reading.continued]
            if kept:
                return reading, kept
            return failed, [describe(failed.error, split_lines(text), file)]
        attempts.append((reading, repaired))
    reading, repaired = attempts[0]
    explained = describe(reading.error, split_lines(repaired), file)
    kept = [s.finding for s in suspects]
    # A guessed indentation width may itself cause an error on or just below its line.
    guessed = {s.line + d for s in suspects if s.indent.strip(" ") for d in (0, 1)}
    if explained.location and explained.location.line not in guessed:
        kept.append(explained)
    return reading, kept


def _empty(file: str) -> Finding:
    return error("load.empty", "文件里没有内容", "填写内容，或删除这个文件；可参考 gongshi new 生成的示例。",
                 Location(file, 1, 1))


def load_text(text: str, file: str) -> Document:
    """Read YAML text; every problem becomes a located finding, never an exception."""
    text, findings = clean(text, file)
    suspects = scan_lines(text, file)
    reading = read(text, file, frozenset(s.line for s in suspects))
    if reading.error is None:
        return _finish(reading, file, findings + _confirmed_slips(suspects, reading))
    if suspects:
        reading, explained = _read_repaired(text, file, suspects, reading)
        return _finish(reading, file, findings + explained)
    return _finish(reading, file, findings + [describe(reading.error, split_lines(text), file)])


def _finish(reading: Reading, file: str, findings: list[Finding]) -> Document:
    doc = Document(file, reading.data, Positions(file, reading.positions), Positions(file, reading.key_positions),
                   findings + reading.findings)
    if reading.error is None and reading.empty and doc.ok:
        doc.findings.append(_empty(file))
    return doc


def load_bytes(raw: bytes, file: str) -> Document:
    """Read a file's bytes: encoding and size problems, then the YAML."""
    text, findings = decode(raw, file)
    if text is None:
        return Document(file=file, findings=findings)
    doc = load_text(text, file)
    doc.findings[:0] = findings
    return doc


def load_document(path: Path, display: str | None = None) -> Document:
    """Load a file from disk; `display` is the path shown to staff."""
    file = display or str(path)
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)  # decode() refuses anything longer: no need to read it all
    except OSError as exc:
        return Document(file=file, findings=[error("load.unreadable", f"无法读取文件：{exc.strerror or exc}",
                                                    "检查文件是否存在、是否有读取权限。", Location(file, 1, 1))])
    return load_bytes(raw, file)
