"""load -> model -> rules: the validated city every renderer reads."""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.clock import reference_date
from generator.figures import Figures, compute_figures
from generator.findings import Finding, Findings
from generator.model.community import City, load_city
from generator.rules import Assessment, Context, run_rules


@dataclass
class Validated:
    city: City
    as_of: date
    figures: dict[str, Figures] = field(default_factory=dict)
    assessments: dict[str, list[Assessment]] = field(default_factory=dict)
    findings: Findings = field(default_factory=Findings)

    def blocking(self) -> list[Finding]:
        """Findings that stop publishing: blocking ones outside draft communities."""
        drafts = {slug for slug, c in self.city.communities.items() if c.is_draft}
        return [f for f in self.findings.blocking if f.community not in drafts]


def validate(root: Path, as_of: date | None = None, only: list[str] | None = None) -> Validated:
    as_of = reference_date(as_of)
    city = load_city(root, only)
    # A loaded city is millions of long-lived objects: kept out of the collector
    # while the rules run, or every collection walks them all again (10–15 %).
    gc.freeze()
    try:
        result = Validated(city=city, as_of=as_of)
        result.findings.extend(city.findings)
        for slug, community in city.communities.items():
            result.findings.extend(community.findings)
            if not community.loaded:
                continue
            figures = compute_figures(community)
            result.figures[slug] = figures
            assessments, findings = run_rules(Context(community, city, as_of, figures))
            result.assessments[slug] = assessments
            result.findings.extend(findings)
    finally:
        gc.unfreeze()      # a long `mkdocs serve` must still free the cities it has replaced
    return result
