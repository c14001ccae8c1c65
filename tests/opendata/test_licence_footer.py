"""The licence chosen in mkdocs.yml reaches the footer and the data packages
through the MkDocs plugin (one real build, two communities to keep it short)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from generator.site.build import build_site
from tests.conftest import AS_OF, ROOT, copy_examples


def test_licence_from_mkdocs_yml_is_in_footer_and_packages(tmp_path: Path) -> None:
    root = copy_examples(tmp_path, ["jinxiu", "wangjiang"])
    for name in ("content", "theme"):
        shutil.copytree(ROOT / name, root / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace("extra:\n", "extra:\n  gongshi_licence: CC0-1.0\n", 1),
                                     encoding="utf-8")
    site = root / "site"
    build_site(root, site, AS_OF)
    footer = (site / "jinxiu" / "index.html").read_text(encoding="utf-8")
    assert '公示数据按 CC0-1.0 许可开放：<a href="../datapackage.json">数据包说明（datapackage.json）</a>' in footer
    for path in ("datapackage.json", "jinxiu/data/datapackage.json"):
        assert json.loads((site / path).read_text(encoding="utf-8"))["licenses"][0]["name"] == "CC0-1.0"
    assert json.loads((site / "jinxiu/data/jinxiu.json").read_text(encoding="utf-8"))["licence"]["name"] == "CC0-1.0"
