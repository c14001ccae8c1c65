"""Owners' votes against Civil Code art. 278: the four ratios and their thresholds.

Participation is measured against all owners, agreement against the owners who
took part, each both by heads and by exclusive floor area (decisions 17: the
matter a vote decides sets the agreement threshold). The rule in
generator/rules/votes.py judges with these figures and the item and pledge
pages print them, so the page and the validator cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction

from generator.model.catalogue import SUPERMAJORITY_MATTERS
from generator.model.values import Vote


@dataclass(frozen=True)
class Threshold:
    share: Fraction
    strict: bool          # "过半数" is more than half; "三分之二以上" includes two thirds

    @property
    def words(self) -> str:
        return {Fraction(2, 3): "≥ 2/3", Fraction(3, 4): "≥ 3/4", Fraction(1, 2): "> 1/2"}[self.share]

    def met(self, ratio: Fraction) -> bool:
        return ratio > self.share if self.strict else ratio >= self.share


PARTICIPATION = Threshold(Fraction(2, 3), strict=False)
SUPERMAJORITY = Threshold(Fraction(3, 4), strict=False)
MAJORITY = Threshold(Fraction(1, 2), strict=True)


@dataclass(frozen=True)
class Ratio:
    """One of the four: e.g. 参与表决人数 398 / 全体业主人数 486."""

    label: str            # "参与表决（人数）"
    part: int | Decimal
    whole: int | Decimal
    unit: str             # "人" or "㎡"
    threshold: Threshold

    @property
    def value(self) -> Fraction:
        return Fraction(self.part) / Fraction(self.whole) if self.whole else Fraction(0)

    @property
    def met(self) -> bool:
        return bool(self.whole) and self.threshold.met(self.value)

    @property
    def percent(self) -> str:
        """Truncated, never rounded up: 66.66…% shows as 66.66%, not as 66.67%."""
        shown = (Decimal(self.value.numerator) * 100 / Decimal(self.value.denominator)).quantize(
            Decimal("0.01"), rounding=ROUND_DOWN) if self.whole else Decimal(0)
        return f"{shown}%"

    @property
    def text(self) -> str:
        """"参与表决（人数）398/486 人 = 81.89%（要求 ≥ 2/3）"."""
        return f"{self.label}{self.part}/{self.whole} {self.unit} = {self.percent}（要求 {self.threshold.words}）"


@dataclass(frozen=True)
class VoteAssessment:
    vote: Vote
    agreement_threshold: Threshold
    ratios: tuple[Ratio, Ratio, Ratio, Ratio]   # participation heads, area; agreement heads, area

    @property
    def participation_met(self) -> bool:
        return all(r.met for r in self.ratios[:2])

    @property
    def agreement_met(self) -> bool:
        return all(r.met for r in self.ratios[2:])

    @property
    def passed(self) -> bool:
        return self.participation_met and self.agreement_met

    @property
    def failed(self) -> tuple[Ratio, ...]:
        return tuple(r for r in self.ratios if not r.met)

    @property
    def basis(self) -> str:
        """Which paragraph of art. 278 applies, in words."""
        kind = "须经参与表决面积和人数各四分之三以上同意" if self.agreement_threshold is SUPERMAJORITY \
            else "须经参与表决面积和人数各过半数同意"
        return f"《民法典》第二百七十八条：参与表决的面积和人数各须占三分之二以上；“{self.vote.matter}”{kind}"

    @property
    def verdict(self) -> str:
        if self.passed:
            return "按《民法典》第二百七十八条的比例，表决通过"
        parts = (["参与表决未达三分之二"] if not self.participation_met else []) + \
                ([f"同意未达{'四分之三' if self.agreement_threshold is SUPERMAJORITY else '过半数'}"]
                 if not self.agreement_met else [])
        return f"按《民法典》第二百七十八条的比例，表决未通过：{'，'.join(parts)}"


def agreement_threshold(matter: str) -> Threshold:
    return SUPERMAJORITY if matter in SUPERMAJORITY_MATTERS else MAJORITY


def assess(vote: Vote) -> VoteAssessment:
    agreement = agreement_threshold(vote.matter)
    return VoteAssessment(vote, agreement, (
        Ratio("参与表决（人数）", vote.participating.heads, vote.total.heads, "人", PARTICIPATION),
        Ratio("参与表决（面积）", vote.participating.area, vote.total.area, "㎡", PARTICIPATION),
        Ratio("同意（人数）", vote.agree.heads, vote.participating.heads, "人", agreement),
        Ratio("同意（面积）", vote.agree.area, vote.participating.area, "㎡", agreement),
    ))
