"""Lighthouse (npm, from .ci/node) on the portal and one community's fund page,
with its default mobile configuration (a Moto G Power screen, slow 4G and a 4×
slower CPU, simulated) in Debian's chromium; prints the four category scores,
the median of several runs (Lighthouse's own advice on a noisy machine).

    bash .ci/system-deps.sh          # once: chromium, node and lighthouse
    python bench/lighthouse.py       # builds the example site, serves it on 127.0.0.1
    python bench/lighthouse.py --site site/ --runs 5 --save /tmp/lighthouse/

Files are served gzip-compressed, as any production host serves them;
--no-gzip serves them as plain http.server does. Targets (the real-clients
issue): accessibility ≥ 95, best practices ≥ 95, performance ≥ 90; the exit
code is 1 when one is missed. Not part of .ci/run: a run takes about 15 s a page.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_DIR = ROOT / ".ci" / "node"
PAGES = {"portal": "", "fund page": "wangjiang/funds/2025/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 90, "accessibility": 95, "best-practices": 95}
# As root Chromium needs --no-sandbox; the rest keep it off Google's hosts (closed network here).
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")


class CompressingHandler(http.server.SimpleHTTPRequestHandler):
    """Static files gzip-compressed for clients that accept it, as a production
    host (nginx, a CDN, GitHub Pages) serves them; http.server alone never compresses."""

    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")
    cache: dict[str, bytes] = {}

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.endswith("/"):
            path = path / "index.html"
        if not (path.is_file() and path.suffix in self.COMPRESSIBLE
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            super().do_GET()
            return
        body = self.cache.get(str(path))
        if body is None:
            body = self.cache[str(path)] = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


class PlainHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(folder: Path, compress: bool = True) -> Iterator[str]:
    handler = CompressingHandler if compress else PlainHandler
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def build_example_site(target: Path, as_of: date) -> Path:
    """Build the repository's communities into `target`; nothing is written in the repository."""
    from generator.site.build import build_site

    project = target / "project"
    for name in ("communities", "content", "theme"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    build_site(project, target / "site", as_of)
    return target / "site"


def lighthouse(url: str, chromium: str) -> dict:
    """One Lighthouse run (default config: mobile) on `url`; returns its JSON report."""
    command = ["npx", "--no-install", "lighthouse", url, "--output=json", "--output-path=stdout", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
    env = {**os.environ, "CHROME_PATH": chromium}
    run = subprocess.run(command, cwd=NODE_DIR, env=env, capture_output=True, text=True, check=False)
    if run.returncode != 0:
        sys.exit(f"lighthouse failed on {url}:\n{run.stderr[-2000:]}")
    return json.loads(run.stdout)


def scores(report: dict) -> dict[str, int]:
    return {key: round(report["categories"][key]["score"] * 100) for key in CATEGORIES}


def median_scores(url: str, chromium: str, runs: int, save: Path | None, name: str) -> dict[str, int]:
    """Lighthouse's own advice for noisy machines: several runs, the median of each score."""
    each = []
    for number in range(1, runs + 1):
        report = lighthouse(url, chromium)
        if save:
            save.mkdir(parents=True, exist_ok=True)
            (save / f"{name.replace(' ', '-')}-{number}.json").write_text(json.dumps(report), encoding="utf-8")
        each.append(scores(report))
        print(f"  {name} run {number}: " + ", ".join(f"{c} {each[-1][c]}" for c in CATEGORIES), file=sys.stderr)
    return {c: round(statistics.median(run[c] for run in each)) for c in CATEGORIES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="an already built site folder (default: build the examples)")
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2026, 11, 23),
                        help="reference date of the build (default: the examples' snapshot, 2026-11-23)")
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median is reported (default 3)")
    parser.add_argument("--save", type=Path, help="keep each Lighthouse JSON report in this folder")
    parser.add_argument("--no-gzip", action="store_true", help="serve files uncompressed (plain http.server)")
    args = parser.parse_args()

    chromium = shutil.which("chromium")
    if chromium is None or not (NODE_DIR / "node_modules" / "lighthouse").is_dir():
        sys.exit("chromium or lighthouse is missing: run `bash .ci/system-deps.sh`")
    with tempfile.TemporaryDirectory() as scratch:
        site = args.site or build_example_site(Path(scratch), args.as_of)
        with serve(site, compress=not args.no_gzip) as base:
            found = {name: median_scores(base + path, chromium, args.runs, args.save, name)
                     for name, path in PAGES.items()}

    print(f"Lighthouse, mobile, median of {args.runs} runs, files served "
          + ("uncompressed" if args.no_gzip else "gzip-compressed"))
    print(f"{'page':<12}" + "".join(f"{c:>16}" for c in CATEGORIES))
    missed = []
    for name, got in found.items():
        print(f"{name:<12}" + "".join(f"{got[c]:>16}" for c in CATEGORIES))
        missed += [f"{name} {c} {got[c]} < {target}" for c, target in TARGETS.items() if got[c] < target]
    print("targets: " + ", ".join(f"{c} ≥ {t}" for c, t in TARGETS.items()) + (
        " — all met" if not missed else " — missed: " + "; ".join(missed)))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
