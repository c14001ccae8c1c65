"""`gongshi watch`, as staff run it: a process that, after each save, updates the
site and draws the edited community's posters; a mistake is reported with its
file and line and leaves the site as it was; Ctrl-C stops it."""

from __future__ import annotations

import json
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.conftest import AS_OF, apply_edits, run_cli
from tests.posters.pdfread import text_of
from tests.safety.test_atomic import tree_hashes
from tests.site.conftest import copy_project

TITLE = {"file": "activities.yml", "find": "2026-11-15, time: \"19:00-20:30\", title: 邻里茶话会,",
         "replace": "2026-11-15, time: \"19:00-20:30\", title: 邻里茶话会（改到周六）,"}
PROFILE = {"file": "community.yml", "find": "phone: 0577-88012345", "replace": "phone: 0577-88012399"}
MOBILE = {"file": "activities.yml", "find": "（改到周六）", "replace": "（报名电话 13912345678）"}


class Watching:
    """`gongshi watch` in a child process, its output read line by line."""

    def __init__(self, root: Path) -> None:
        self.child = subprocess.Popen(
            [sys.executable, "-c", "from generator.cli import main; main()", "watch", "--as-of", AS_OF.isoformat()],
            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
            # A shell's background job ignores Ctrl-C, and so would its children (CI may run the suite so):
            # the watch gets the terminal's default, as when staff start it.
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.child.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, words: str, seconds: float = 180) -> list[str]:
        """The lines printed until one containing `words`."""
        until, lines = time.monotonic() + seconds, []
        while time.monotonic() < until:
            try:
                line = self.lines.get(timeout=0.5)
            except queue.Empty:
                continue
            lines.append(line)
            self.seen.append(line)
            if words in line:
                return lines
        raise AssertionError(f"“{words}” not printed within {seconds} s; output so far:\n" + "\n".join(self.seen))

    def stop(self) -> int:
        self.child.send_signal(signal.SIGINT)
        try:
            return self.child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.child.send_signal(signal.SIGUSR1)      # where it is stuck, printed by faulthandler
            time.sleep(2)
            stuck = []
            while not self.lines.empty():
                stuck.append(self.lines.get())
            raise AssertionError("Ctrl-C did not stop gongshi watch within 30 s:\n" + "\n".join(self.seen + stuck))
        finally:
            self.child.kill()


def processes_naming(root: Path) -> list[str]:
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        if str(root).encode() in args and any(b"prepare_common_fonts" in a for a in args):
            found.append(cmdline.parent.name)
    return found


def common_font_prepared(folder: Path, within: float) -> bool:
    from generator.posters.prepared import COMMON_CHARACTERS, INDEX

    common = {ord(ch) for ch in COMMON_CHARACTERS}
    until = time.monotonic() + within
    while time.monotonic() < until:
        try:
            files = json.loads((folder / INDEX).read_text(encoding="utf-8"))["files"]
        except (OSError, ValueError, KeyError):
            files = {}
        if any(common <= set(entry["codepoints"]) for entry in files.values()):
            return True
        time.sleep(0.5)
    return False


def watching_a_built_project(tmp_path: Path) -> tuple[Path, Watching]:
    """The examples built without posters, then `gongshi watch` started on them."""
    root = copy_project(tmp_path)
    assert run_cli(root, "build", "--no-posters", "--as-of", AS_OF.isoformat()).exit_code == 0
    return root, Watching(root)


def test_each_save_updates_the_site_and_the_posters_until_ctrl_c(tmp_path: Path) -> None:
    root, watching = watching_a_built_project(tmp_path)
    try:
        watching.wait_for("site/ 已是最新")

        apply_edits(root, "wangjiang", [TITLE])
        done = watching.wait_for("已发布到 site/")
        assert "只重新生成了 wangjiang" in done[-1] and "海报" in done[-1]
        month = root / "site" / "wangjiang" / "calendar" / "2026-11" / "index.html"
        assert "邻里茶话会（改到周六）" in month.read_text(encoding="utf-8")
        calendar = next((root / "site" / "wangjiang" / "posters").glob("calendar-2026-11-*.pdf"))
        assert "邻里茶话会（改到周六）" in text_of(calendar)
        assert not list((root / "site" / "lihua" / "posters").glob("*.pdf"))      # only the edited community's

        before = tree_hashes(root / "site")
        apply_edits(root, "wangjiang", [MOBILE])
        refused = watching.wait_for("未发布")
        assert any("communities/wangjiang/activities.yml:" in line and "手机号码" in line for line in refused), refused
        assert tree_hashes(root / "site") == before

        apply_edits(root, "wangjiang", [{**MOBILE, "find": MOBILE["replace"], "replace": MOBILE["find"]}])
        watching.wait_for("site/ 已是最新")      # back to what the site was built from

        apply_edits(root, "wangjiang", [PROFILE])      # every page names the community: a full build
        assert "完整生成" in watching.wait_for("已发布到 site/")[-1]
        assert "0577-88012399" in (root / "site" / "wangjiang" / "index.html").read_text(encoding="utf-8")

        # Meanwhile the poster fonts were prepared for every common character (posters/prepared.py).
        assert common_font_prepared(root / ".cache" / "posters" / "fonts", within=120)
    finally:
        code = watching.stop()
    assert code == 0 and "已停止监视" in "\n".join(watching.seen + list(watching.lines.queue))
    assert not [p.name for p in root.iterdir() if p.name.startswith(".site-")], "a staging folder was left behind"


def test_stopping_while_the_fonts_are_prepared_leaves_no_process_behind(tmp_path: Path) -> None:
    """The background font preparation (two faces, two worker processes) ends with the watch."""
    root, watching = watching_a_built_project(tmp_path)
    try:
        watching.wait_for("site/ 已是最新")
        until = time.monotonic() + 30         # the preparing process and its two workers, one per face
        while len(processes_naming(root)) < 3 and time.monotonic() < until:
            time.sleep(0.1)
        assert len(processes_naming(root)) >= 3, "the font preparation did not start its workers"
    finally:
        assert watching.stop() == 0
    time.sleep(1)
    assert processes_naming(root) == []
