"""The rule registry: each rule is data (id, profile, clause, severity,
message, hint) plus one small function that measures the community.

A check function receives a `Context` and yields `Result`s: one per thing
it measured (the whole community, a year, a quarter, a record). A result is
met, unmet, declared (自报) or not applicable; unmet results become findings.
The self-assessment page, the staff guide and the tests all read `RULES`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Callable, Iterable

from generator.findings import Finding, Location, Severity
from generator.model.community import City, Community

if TYPE_CHECKING:
    from generator.figures import Figures


class Status(str, Enum):
    MET = "met"
    UNMET = "unmet"
    DECLARED = "declared"
    NOT_APPLICABLE = "na"

    @property
    def label(self) -> str:
        return {"met": "达标", "unmet": "未达标", "declared": "自报", "na": "不适用"}[self.value]

    @property
    def symbol(self) -> str:
        return {"met": "✔", "unmet": "✘", "declared": "◎", "na": "—"}[self.value]


@dataclass(frozen=True)
class Result:
    status: Status
    figure: str = ""             # what was measured, in words: "6 项（共 8 项）"
    where: Location | None = None
    detail: str = ""             # the specific problem, when unmet
    hint: str = ""               # overrides the rule's hint when set

    @classmethod
    def met(cls, figure: str = "", where: Location | None = None) -> "Result":
        return cls(Status.MET, figure, where)

    @classmethod
    def unmet(cls, detail: str, figure: str = "", where: Location | None = None, hint: str = "") -> "Result":
        return cls(Status.UNMET, figure, where, detail, hint)

    @classmethod
    def declared(cls, figure: str, where: Location | None = None) -> "Result":
        return cls(Status.DECLARED, figure, where)

    @classmethod
    def na(cls, figure: str = "") -> "Result":
        return cls(Status.NOT_APPLICABLE, figure)


@dataclass
class Context:
    community: Community
    city: City
    as_of: date
    figures: "Figures"           # computed once per community


Check = Callable[[Context], Iterable[Result]]

# Integrity and privacy errors make data untrustworthy and block publishing;
# a standard's unmet requirement is published on the self-assessment (decisions 1).
BLOCKING_PROFILES = frozenset({"integrity", "privacy"})
# Rules every community gets whatever its standards, whose errors do not block
# publishing: a vote that failed the law's thresholds is a decision that did
# not pass, not untrustworthy data.
ALWAYS_PROFILES = frozenset({"lifecycle", "votes"})


@dataclass(frozen=True)
class Rule:
    id: str
    profile: str                 # "xingfuli", "renren", "integrity", "privacy" or "lifecycle"
    clause: str                  # "8.3", "表1-11", or "" for integrity rules
    severity: Severity
    requirement: str             # the requirement, paraphrased in Chinese
    threshold: str               # "≥ 6 项", "100%", "—"
    hint: str
    check: Check = field(compare=False, repr=False)
    kinds: tuple[str, ...] = ("社区", "小区", "村")

    @property
    def citation(self) -> str:
        return f"{self.profile} {self.clause}" if self.clause else ""

    @property
    def blocking(self) -> bool:
        return self.profile in BLOCKING_PROFILES and self.severity is Severity.ERROR

    def applies_to(self, community: Community) -> bool:
        if community.profile is None or community.profile.kind not in self.kinds:
            return False
        return self.profile in BLOCKING_PROFILES | ALWAYS_PROFILES or self.profile in community.profiles

    def finding(self, result: Result, community: Community) -> Finding:
        detail = result.detail or self.requirement
        message = f"{detail}（要求：{self.threshold}）" if self.threshold and self.threshold != "—" else detail
        return Finding(
            rule_id=self.id, severity=self.severity, message=message,
            location=result.where or community.loc("community.yml"),
            hint=result.hint or self.hint, clause=self.citation, community=community.slug,
            figure=result.figure or None, threshold=self.threshold, blocking=self.blocking)


RULES: dict[str, Rule] = {}


def rule(id: str, profile: str, clause: str, severity: Severity, requirement: str, threshold: str, hint: str,
         kinds: tuple[str, ...] = ("社区", "小区", "村")) -> Callable[[Check], Check]:
    """Register a check function as a rule with its metadata."""

    def register(check: Check) -> Check:
        if id in RULES:
            raise ValueError(f"duplicate rule id {id}")
        RULES[id] = Rule(id, profile, clause, severity, requirement, threshold, hint, check, kinds)
        return check

    return register


@dataclass(frozen=True)
class Assessment:
    """One rule's results for one community: the self-assessment row."""

    rule: Rule
    results: tuple[Result, ...]

    @property
    def status(self) -> Status:
        statuses = {r.status for r in self.results}
        for status in (Status.UNMET, Status.DECLARED, Status.MET):
            if status in statuses:
                return status
        return Status.NOT_APPLICABLE

    @property
    def figure(self) -> str:
        unmet = [r.figure for r in self.results if r.status is Status.UNMET and r.figure]
        shown = unmet or [r.figure for r in self.results if r.figure]
        return "；".join(dict.fromkeys(shown))


def run_rules(ctx: Context, rules: Iterable[Rule] | None = None) -> tuple[list[Assessment], list[Finding]]:
    assessments: list[Assessment] = []
    findings: list[Finding] = []
    for r in rules if rules is not None else RULES.values():
        if not r.applies_to(ctx.community):
            continue
        results = tuple(r.check(ctx))
        assessments.append(Assessment(r, results))
        findings.extend(r.finding(res, ctx.community) for res in results if res.status is Status.UNMET)
    return assessments, findings
