"""Validation spread over every core: each forked worker loads and checks a share
of the communities.

Reading YAML is most of validating a city and each community reads alone, so
a city is cut into one share per core. A worker loads its share, tells the main
process each community's profile, receives every profile of the city (the only
thing a rule reads of another community: a parent's kind, an old name's
owner), runs the rules on its own communities and sends each one back. What
it sends is slimmed: the raw values of a file are no longer needed once its
rules have run, and its positions travel packed (load/document.py), unpacked
only if a poster asks where a text was written.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import traceback
from dataclasses import dataclass
from datetime import date
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any, Callable

from generator.figures import Figures, compute_figures
from generator.findings import Finding
from generator.folders import COMMUNITIES_DIR, PROFILE_FILE
from generator.model.community import City, Community, load_community
from generator.rules import Assessment, Context, run_rules
from generator.spread import Progress

# A worker process costs more than it saves for fewer communities than this.
PER_WORKER = 12


@dataclass
class Checked:
    """One community as the rules left it."""
    community: Community
    figures: Figures | None = None
    assessments: list[Assessment] | None = None
    findings: list[Finding] | None = None
    extra: list[Finding] | None = None      # what the caller's extra check found (validate's glyph check)


# A check the caller adds, run where the rules run (the poster glyph check).
ExtraCheck = Callable[[Checked, City, date], list[Finding]]


def check(community: Community, city: City, as_of: date, extra: ExtraCheck | None = None) -> Checked:
    if not community.loaded:
        return Checked(community)
    figures = compute_figures(community)
    assessments, findings = run_rules(Context(community, city, as_of, figures))
    checked = Checked(community, figures, assessments, findings)
    if extra is not None:
        checked.extra = extra(checked, city, as_of)
    return checked


def check_in_workers(root: Path, folders: list[Path], as_of: date, workers: int,
                     extra: ExtraCheck | None = None, models: bool = True,
                     progress: Progress | None = None) -> list[Checked]:
    """Every community of `folders`, loaded and checked, in the order of `folders`;
    without `models`, each comes back as its profile and findings only. `progress`
    hears of each community loaded and of each one checked (two steps a community)."""
    context = multiprocessing.get_context("fork")
    shares = [folders[i::workers] for i in range(workers)]
    pipes, processes = [], []
    for share in shares:
        ours, theirs = context.Pipe()
        process = context.Process(target=_work, args=(root, share, as_of, extra, models, theirs), daemon=True)
        process.start()
        theirs.close()
        pipes.append(ours)
        processes.append(process)
    steps = 0

    def step() -> None:
        nonlocal steps
        steps += 1
        if progress is not None:
            progress(steps, 2 * len(folders))

    try:
        profiles: dict[str, Any] = {}
        waiting = list(pipes)
        while waiting:
            for pipe in wait(waiting):
                kind, value = _message(pipe)
                if kind == "loaded":
                    step()
                else:
                    profiles.update(value)
                    waiting.remove(pipe)
        for pipe in pipes:
            pipe.send(("profiles", profiles))
        checked: dict[str, Checked] = {}
        # Communities arrive by the million objects: the collector would walk them all again at every batch.
        gc.disable()
        try:
            open_pipes = list(pipes)
            while open_pipes:
                for pipe in wait(open_pipes):
                    batch = _received(pipe)
                    if batch is None:
                        open_pipes.remove(pipe)
                    else:
                        checked[batch.community.slug] = batch
                        step()
        finally:
            gc.enable()
    finally:
        for pipe in pipes:
            pipe.close()
        for process in processes:
            process.join()
    return [checked[folder.name] for folder in folders]


def _received(pipe: Connection) -> Any:
    return _message(pipe)[1]


def _message(pipe: Connection) -> tuple[str, Any]:
    try:
        kind, value = pipe.recv()
    except EOFError:
        raise RuntimeError("a validation worker stopped without an answer") from None
    if kind == "failed":
        raise RuntimeError(f"a validation worker failed:\n{value}")
    return kind, value


def _work(root: Path, share: list[Path], as_of: date, extra: ExtraCheck | None, models: bool,
          pipe: Connection) -> None:
    try:
        loaded = []
        for folder in share:
            loaded.append(load_community(folder))
            pipe.send(("loaded", None))
        pipe.send(("profiles", {c.slug: c.profile for c in loaded}))
        profiles = _received(pipe)
        city = City(root=root, communities={slug: Community(slug, root / COMMUNITIES_DIR / slug, profile=profile)
                                            for slug, profile in profiles.items()})
        city.communities.update((c.slug, c) for c in loaded)
        for community in loaded:
            checked = check(community, city, as_of, extra)
            pipe.send(("checked", _slim(checked) if models else _bare(checked)))
        pipe.send(("done", None))
    except BaseException:
        pipe.send(("failed", traceback.format_exc()))
    finally:
        pipe.close()
        os._exit(0)          # a forked worker leaves without running the parent's exit handlers


def _slim(checked: Checked) -> Checked:
    """Without the raw values the rules have read (a draft's profile says whether it is one)."""
    for filename, doc in checked.community.docs.items():
        if filename != PROFILE_FILE:
            doc.data = None
    return checked


def _bare(checked: Checked) -> Checked:
    """Only what `gongshi validate` prints: the findings and the community's name."""
    c = checked.community
    return Checked(Community(c.slug, c.folder, profile=c.profile, findings=c.findings),
                   findings=checked.findings, extra=checked.extra)
