"""Findings: the one value type for every problem gongshi reports.

The loader's syntax errors, schema errors, the standards' rules and the
privacy checks all produce `Finding`s; the CLI, the MkDocs log, the
self-assessment page and the staff report read the same list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Iterable


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]


@dataclass(frozen=True, order=True)
class Location:
    """A place in a source file; line and column are 1-based (0 = unknown)."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column or 1}"
        return self.file


@dataclass(frozen=True)
class Finding:
    rule_id: str
    severity: Severity
    message: str
    location: Location | None = None
    hint: str = ""
    clause: str = ""          # e.g. "xingfuli 8.3"; empty for load/schema findings
    community: str = ""       # slug
    figure: Any = None        # what was measured, for the self-assessment page
    threshold: Any = None
    blocking: bool = False    # makes the data untrustworthy: blocks publishing (decisions 1)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def format(self) -> str:
        where = str(self.location) if self.location else (f"communities/{self.community}" if self.community else "gongshi")
        clause = f" [{self.clause}]" if self.clause else ""
        text = f"{where}: {self.severity.label}{clause} {self.message}"
        if self.hint:
            text += f"\n    修改建议：{self.hint}"
        return text

    def to_json(self) -> dict[str, Any]:
        loc = self.location
        return {
            "rule": self.rule_id,
            "severity": self.severity.value,
            "clause": self.clause,
            "community": self.community,
            "file": loc.file if loc else None,
            "line": loc.line if loc else None,
            "column": loc.column if loc else None,
            "message": self.message,
            "hint": self.hint,
            "figure": _jsonable(self.figure),
            "threshold": _jsonable(self.threshold),
            "blocking": self.blocking,
        }


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, str)):
        return value
    return str(value)


def unmet_by_community(findings: Iterable[Finding], slugs: Iterable[str]) -> dict[str, int]:
    """How many standard requirements each of `slugs` does not meet (non-blocking findings with a clause)."""
    counts = dict.fromkeys(slugs, 0)
    for finding in findings:
        if not finding.blocking and finding.clause and finding.community in counts:
            counts[finding.community] += 1
    return counts


def by_community(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    """Findings grouped by community slug ("" for the city's own), order kept."""
    grouped: dict[str, list[Finding]] = {}
    for finding in findings:
        grouped.setdefault(finding.community, []).append(finding)
    return grouped


@dataclass
class Findings:
    """An ordered collection with the counts the CLI and pages need."""

    items: list[Finding] = field(default_factory=list)

    def add(self, finding: Finding) -> None:
        self.items.append(finding)

    def extend(self, findings: "list[Finding] | Findings") -> None:
        self.items.extend(findings.items if isinstance(findings, Findings) else findings)

    def __iter__(self):
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.items if f.severity is severity)

    @property
    def has_errors(self) -> bool:
        return any(f.is_error for f in self.items)

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.items if f.blocking]

    def sorted(self) -> list[Finding]:
        def key(f: Finding) -> tuple:
            loc = f.location or Location("")
            return (f.community, loc.file, loc.line, loc.column, f.rule_id, f.message)

        return sorted(self.items, key=key)
