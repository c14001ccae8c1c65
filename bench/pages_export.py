"""Write the pages gongshi computes for a project as input for the peer builders.

Run by bench/city.py in a subprocess with the synthetic project as cwd:

    python bench/pages_export.py --as-of 2026-11-23 OUT

OUT/pages.json   [{"path", "title", "body_html"}, ...]  (Page values of generator/site/pages.py)
OUT/docs/        the same pages as an ordinary MkDocs docs folder (write_docs_folder)
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from generator.pipeline import validate
from generator.site.context import SiteConfig
from generator.site.pages import build_pages, write_docs_folder

SITE_URL = "https://gongshi.example.cn/"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--as-of", type=date.fromisoformat, required=True)
    parser.add_argument("--project", type=Path, default=Path.cwd())
    args = parser.parse_args()
    validated = validate(args.project.resolve(), args.as_of)
    pages = build_pages(validated, SiteConfig(SITE_URL, args.project.resolve()))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "pages.json").write_text(
        json.dumps([{"path": p.path, "title": p.title, "body_html": p.body_html} for p in pages], ensure_ascii=False),
        encoding="utf-8")
    write_docs_folder(pages, [], args.out / "docs")
    print(len(pages))


if __name__ == "__main__":
    main()
