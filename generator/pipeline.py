"""load -> model -> rules: the validated city every renderer reads."""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.clock import reference_date
from generator.figures import Figures
from generator.findings import Finding, Findings
from generator.folders import community_folders
from generator.model.community import City, load_city
from generator.rules import Assessment
from generator.shares import PER_WORKER, Checked, ExtraCheck, check, check_in_workers
from generator.spread import Progress, reported, worker_count


@dataclass
class Validated:
    city: City
    as_of: date
    figures: dict[str, Figures] = field(default_factory=dict)
    assessments: dict[str, list[Assessment]] = field(default_factory=dict)
    findings: Findings = field(default_factory=Findings)
    extra_findings: list[Finding] = field(default_factory=list)     # from validate()'s `extra` check

    def blocking(self) -> list[Finding]:
        """Findings that stop publishing: blocking ones outside draft communities."""
        drafts = {slug for slug, c in self.city.communities.items() if c.is_draft}
        return [f for f in self.findings.blocking if f.community not in drafts]


def validate(root: Path, as_of: date | None = None, only: list[str] | None = None,
             extra: ExtraCheck | None = None, models: bool = True, progress: Progress | None = None) -> Validated:
    """The city under `root` (or the communities in `only`) loaded and checked; `extra`
    runs beside the rules on each community that loaded, its findings kept apart.
    `models=False` may leave out the communities' records, figures and assessments
    (what `gongshi validate` does not print), which saves sending them between cores.
    `progress` hears of each community checked."""
    as_of = reference_date(as_of)
    folders = [f for f in community_folders(root) if only is None or f.name in only]
    workers = worker_count(len(folders), PER_WORKER)
    city = load_city(root, only) if workers == 1 else City(root=root)
    # A loaded city is millions of long-lived objects: kept out of the collector
    # while the rules run, or every collection walks them all again (10–15 %).
    gc.freeze()
    try:
        result = Validated(city=city, as_of=as_of)
        result.findings.extend(city.findings)
        if workers == 1:
            checked = reported((check(community, city, as_of, extra) for community in city.communities.values()),
                               len(city.communities), progress)
        else:
            checked = iter(check_in_workers(root, folders, as_of, workers, extra, models, progress))
        for one in checked:
            _add(result, one)
    finally:
        gc.unfreeze()      # a long `mkdocs serve` must still free the cities it has replaced
    return result


def _add(result: Validated, checked: Checked) -> None:
    community = checked.community
    result.city.communities[community.slug] = community
    result.findings.extend(community.findings)
    if checked.figures is not None:
        result.figures[community.slug] = checked.figures
    if checked.assessments is not None:
        result.assessments[community.slug] = checked.assessments
    if checked.findings is not None:
        result.findings.extend(checked.findings)
    if checked.extra is not None:
        result.extra_findings.extend(checked.extra)
