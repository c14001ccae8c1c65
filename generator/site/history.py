"""修订记录: the dates a record's data file changed in git after the record was
first published, joined with the record's own `changes` entries.

git runs once per file per build (cached on the `GitHistory` object). When
there is no git history the page says why instead of inventing dates.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.model.values import ChangeEntry


@dataclass(frozen=True)
class FileDates:
    dates: tuple[date, ...] = ()
    unavailable: str = ""        # why there is no history, in Chinese; empty when there is


@dataclass
class GitHistory:
    root: Path
    _files: dict[str, FileDates] = field(default_factory=dict)
    _repo_problem: str | None = None

    def dates(self, relative: str) -> FileDates:
        """Commit dates (newest first) of `relative`, a path under `root`."""
        if relative not in self._files:
            self._files[relative] = self._read(relative)
        return self._files[relative]

    def _read(self, relative: str) -> FileDates:
        problem = self._problem()
        if problem:
            return FileDates(unavailable=problem)
        out = self._git("log", "--follow", "--format=%ad", "--date=short", "--", relative)
        if out is None:
            return FileDates(unavailable="无法读取修订历史（git 出错）")
        return FileDates(tuple(date.fromisoformat(line) for line in out.splitlines() if line.strip()))

    def _problem(self) -> str:
        if self._repo_problem is None:
            out = self._git("rev-parse", "--is-inside-work-tree")
            self._repo_problem = "" if out is not None and out.strip() == "true" else \
                (self._repo_problem or "无法读取修订历史（不是 git 仓库）")
        return self._repo_problem

    def _git(self, *args: str) -> str | None:
        try:
            done = subprocess.run(["git", *args], cwd=self.root, capture_output=True, text=True, check=False)
        except OSError:
            self._repo_problem = "无法读取修订历史（没有安装 git）"
            return None
        return done.stdout if done.returncode == 0 else None


@dataclass(frozen=True)
class Revision:
    day: date
    kind: str
    reason: str


@dataclass(frozen=True)
class RevisionLog:
    entries: tuple[Revision, ...]
    unavailable: str = ""


FILE_CHANGED = "数据文件修改"


def revision_log(changes: list[ChangeEntry], file_dates: FileDates, first_published: date | None,
                 since: date | None = None) -> RevisionLog:
    """The record's own change entries plus the git dates that no entry explains,
    oldest first. A git date counts when it is after the record's first publication
    and after `since` (the repository's history_since, decisions 7); the commit that
    added the file is its creation, not a revision."""
    entries = [Revision(c.date, c.kind, c.reason) for c in changes]
    explained = {c.date for c in changes}
    for day in sorted(set(file_dates.dates[:-1])):     # newest first: the last one added the file
        if first_published is not None and day <= first_published:
            continue
        if since is not None and day <= since:
            continue
        if day not in explained:
            entries.append(Revision(day, FILE_CHANGED, "数据文件在这一天有改动（来自 git 提交记录）"))
    return RevisionLog(tuple(sorted(entries, key=lambda e: e.day)), file_dates.unavailable)
