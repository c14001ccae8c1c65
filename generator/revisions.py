"""The history check (lifecycle issue point 4, decisions 7): published figures
that changed after their 公示期 started, with no change entry to explain them.

Each data file is read at every git revision since `settings.history_since`
(a commit or a date) and, last, as it stands in the working tree; records
are matched by id and their figures compared version by version. Old texts
go through the same loader and schema as the current ones.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from generator.load import load_text
from generator.model.community import Community
from generator.model.errors import build_record
from generator.model.records import FILE_MODELS
from generator.model.values import Disclosable
from generator.model.windows import effective_window


@dataclass(frozen=True)
class Watched:
    list_key: str
    figures: tuple[str, ...]      # the fields whose change a resident would call a changed figure


# Progress and milestones change as work goes on; they are not corrections.
WATCHED: dict[str, Watched] = {
    "funds.yml": Watched("statements", ("period", "nil", "opening", "income", "expense", "income_total",
                                        "expense_total", "closing", "sub_accounts")),
    "key_items.yml": Watched("items", ("budget", "sub_items", "vote")),
    "pledges.yml": Watched("pledges", ("clauses", "vote")),
    "surveys.yml": Watched("surveys", ("population", "respondents", "items", "aware")),
    "services.yml": Watched("dibao", ("households",)),
}


@dataclass(frozen=True)
class Version:
    rev: str              # a commit, or "" for the working tree
    day: date
    text: str | None      # None: the file did not exist


@dataclass(frozen=True)
class FigureChange:
    filename: str
    path: tuple[Any, ...]     # of the current record's id
    record_id: str
    title: str
    day: date
    rev: str
    window_start: date

    def message(self) -> str:
        where = f"提交 {self.rev[:7]}" if self.rev else "尚未提交的修改"
        return (f"“{self.title}”（编号 {self.record_id}）公布的数字在 {self.day} 有改动（{where}），"
                f"此时公示已于 {self.window_start} 开始，但没有 {self.day} 或之后的修订记录")


@dataclass
class HistoryReport:
    unexplained: list[FigureChange] = field(default_factory=list)
    versions: int = 0
    unavailable: str = ""       # why the check could not run, in Chinese


def _git(cwd: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


def _versions(top: Path, relative: str, since: str, as_of: date, working: str | None) -> list[Version] | None:
    """The baseline at `since`, each later commit touching the file, then the working tree."""
    log = _git(top, "log", "--reverse", "--format=%H %cs", "--", relative) or ""
    commits = [(rev, date.fromisoformat(day)) for rev, day in (line.split() for line in log.splitlines() if line)]
    if _git(top, "rev-parse", "--verify", "--quiet", f"{since}^{{commit}}") is not None:
        later = (_git(top, "rev-list", f"{since}..HEAD", "--", relative) or "").split()
        baseline_rev = since
        after = [(rev, day) for rev, day in commits if rev in later]
    else:
        try:
            cutoff = date.fromisoformat(since)
        except ValueError:
            return None
        before = [rev for rev, day in commits if day <= cutoff]
        baseline_rev = before[-1] if before else ""
        after = [(rev, day) for rev, day in commits if day > cutoff]
    versions = [Version(baseline_rev, date.min, _show(top, baseline_rev, relative) if baseline_rev else None)]
    versions += [Version(rev, day, _show(top, rev, relative)) for rev, day in after]
    if working != versions[-1].text:
        versions.append(Version("", as_of, working))
    return versions


def _show(top: Path, rev: str, relative: str) -> str | None:
    return _git(top, "show", f"{rev}:{relative}")


def _records(text: str | None, filename: str) -> dict[str, Disclosable]:
    if text is None:
        return {}
    model, _ = build_record(load_text(text, filename), FILE_MODELS[filename])
    if model is None:
        return {}
    return {str(r.id): r for r in getattr(model, WATCHED[filename].list_key)}


def _figures(record: Disclosable, names: tuple[str, ...]) -> dict[str, Any]:
    return record.model_dump(include=set(names))


def _started(record: Disclosable) -> date | None:
    """When the record was first shown: its window, its 公布日期, or (a key item) its first public step."""
    window = effective_window(record)
    if window:
        return window.start
    steps = [w.start for s in getattr(record, "steps", []) if (w := effective_window(s))]
    return min(steps) if steps else getattr(record, "disclosed", None)


def unexplained_changes(c: Community, since: str, as_of: date) -> HistoryReport:
    top_out = _git(c.folder, "rev-parse", "--show-toplevel")
    if top_out is None:
        return HistoryReport(unavailable="没有 git 修订历史，无法核对")
    top = Path(top_out.strip())
    report = HistoryReport()
    for filename, watched in WATCHED.items():
        path = c.folder / filename
        if not path.exists():
            continue
        relative = path.resolve().relative_to(top.resolve()).as_posix()
        versions = _versions(top, relative, since, as_of, path.read_text(encoding="utf-8"))
        if versions is None:
            return HistoryReport(unavailable=f"修订检查起点“{since}”既不是 git 提交，也不是日期（YYYY-MM-DD）")
        report.versions += len(versions)
        latest: dict[str, tuple[date, str, date]] = {}     # id -> (day, rev, window start)
        previous = _records(versions[0].text, filename)
        for version in versions[1:]:
            current = _records(version.text, filename)
            for record_id, new in current.items():
                old = previous.get(record_id)
                start = _started(old) if old else None
                if old is None or start is None or start > version.day:
                    continue
                if _figures(old, watched.figures) != _figures(new, watched.figures):
                    latest[record_id] = (version.day, version.rev, start)
            previous = current or previous
        records = getattr(getattr(c, filename.removesuffix(".yml")), watched.list_key)
        for index, record in enumerate(records):
            change = latest.get(str(record.id))
            if change and not any(entry.date >= change[0] for entry in record.changes):
                report.unexplained.append(FigureChange(
                    filename, (watched.list_key, index, "id"), str(record.id),
                    getattr(record, "title", None) or str(record.id), *change))
    return report
