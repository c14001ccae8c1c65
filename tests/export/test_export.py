"""`gongshi export`: the examples exported once, built once by MkDocs and once by
Zensical (in subprocesses, side by side), and compared as a reader sees them."""

from __future__ import annotations

import filecmp
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import AS_OF, apply_edits, run_cli
from tests.e2e.tools import executable, missing
from tests.site.conftest import copy_project, page_text
from tests.site.test_output import test_no_resource_is_loaded_from_another_host as assert_no_external_host

HERE = Path(__file__).parent
TEXTS = yaml.safe_load((HERE / "texts.yml").read_text(encoding="utf-8"))
SEARCH = HERE / "zensical_search.js"


def zensical_available() -> None:
    if importlib.util.find_spec("zensical") is None:
        missing("the Python module zensical (pip package zensical, in the test extra)")


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """{"mkdocs": site, "zensical": site} of one export of the examples.
    Posters are left out (--no-posters): they are drawn by the tested poster renderer, not by a builder."""
    zensical_available()
    root = copy_project(tmp_path_factory.mktemp("project"))
    result = run_cli(root, "export", "out", "--as-of", AS_OF.isoformat(), "--no-posters")
    assert result.exit_code == 0, result.output
    out = root / "out"
    builds = {
        "mkdocs": subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(root / "mkdocs")],
                                   cwd=out, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True),
        "zensical": subprocess.Popen([sys.executable, "-m", "zensical", "build", "--clean"],
                                     cwd=out, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True),
    }
    for name, process in builds.items():
        output, _ = process.communicate(timeout=600)
        assert process.returncode == 0, f"{name} build failed:\n{output}"
    return {"mkdocs": root / "mkdocs", "zensical": out / "site"}


def page_urls(site: Path) -> set[str]:
    return {p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")}


def test_both_builders_make_the_same_pages(sites: dict[str, Path]) -> None:
    mkdocs, zensical = page_urls(sites["mkdocs"]), page_urls(sites["zensical"])
    assert mkdocs == zensical
    assert {"./", "wangjiang/funds/2025/", "guide/", "area/76f9c6bb/"} <= mkdocs


@pytest.mark.parametrize("case", TEXTS, ids=[c["page"] or "portal" for c in TEXTS])
def test_chosen_texts_are_on_the_same_page_in_both(sites: dict[str, Path], case: dict) -> None:
    for builder, site in sites.items():
        text = "".join(page_text(site, case["page"]).split())
        for expected in case["texts"]:
            assert "".join(expected.split()) in text, f"{builder} /{case['page']}: missing {expected!r}"


def test_data_files_are_copied_as_they_are(sites: dict[str, Path]) -> None:
    """…and the redirect pages at a renamed community's old addresses (tests/site/test_redirects.py)."""
    for path in ("wangjiang/data/funds.csv", "wangjiang/calendar.ics", "feed.xml", "datapackage.json",
                 "jinxiu-huayuan/funds/index.html"):
        assert filecmp.cmp(sites["mkdocs"] / path, sites["zensical"] / path, shallow=False), path


# Zensical's bundle names XML namespaces (createElementNS): identifiers, never fetched.
XML_NAMESPACES = ("http://www.w3.org/2000/svg", "http://www.w3.org/1999/xhtml", "http://www.w3.org/1998/Math/MathML")


def test_the_zensical_site_loads_nothing_from_another_host(sites: dict[str, Path],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import tests.site.test_output as scan

    monkeypatch.setattr(scan, "INERT_SCRIPT_HOSTS", scan.INERT_SCRIPT_HOSTS + XML_NAMESPACES)
    assert_no_external_host(sites["zensical"])
    import zensical

    original = next((Path(zensical.__file__).parent / "templates/assets/javascripts").glob("bundle.*.min.js"))
    served = sites["zensical"] / "assets/javascripts" / original.name
    # The patched copy in the export's theme/ won over Zensical's own bundle.
    assert "https://unpkg.com/" in original.read_text(encoding="utf-8")
    assert "https://unpkg.com/" not in served.read_text(encoding="utf-8")


def zensical_search(site: Path, query: str) -> set[str]:
    """Pages Zensical's own search worker finds for `query`, run in Node over the built index."""
    import zensical

    worker = next((Path(zensical.__file__).parent / "templates/assets/javascripts/workers").glob("search.*.min.js"))
    found = subprocess.run([executable("node", "nodejs"), str(SEARCH), str(worker), str(site / "search.json"), query],
                           check=True, capture_output=True, text=True).stdout
    return {line.split("#")[0] for line in found.splitlines()}


def test_zensical_search_finds_chinese_words(sites: dict[str, Path]) -> None:
    assert "lihua/funds/2025/" in zensical_search(sites["zensical"], "停车")       # 地面临时停车费
    assert "qingfeng/item/2025-01/" in zensical_search(sites["zensical"], "电梯")  # 老旧小区加装电梯协商服务
    assert "wangjiang/item/2024-04/" in zensical_search(sites["zensical"], "停车秩序")


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_export_into_content_is_refused(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    before = tree(root)
    result = run_cli(root, "export", "content/site", "--as-of", AS_OF.isoformat(), "--no-posters")
    assert result.exit_code == 2
    assert "content/ 只放人工编写的内容" in result.output
    assert tree(root) == before


def test_a_blocking_error_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    apply_edits(root, "wangjiang", [{"file": "community.yml", "find": "phone: 0577-88012345", "replace": "phone: 13812345678"}])
    (root / "out").mkdir()
    (root / "out" / ".gongshi-export").write_text("an earlier export\n", encoding="utf-8")
    result = run_cli(root, "export", "out", "--as-of", AS_OF.isoformat(), "--no-posters")
    assert result.exit_code == 1
    assert "community.yml:" in result.output and "未导出" in result.output
    assert [p.name for p in (root / "out").iterdir()] == [".gongshi-export"]
    assert not [p for p in root.iterdir() if p.name.startswith(".out-")]


def test_an_export_on_several_cores_is_the_same_export(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each community's pages and data files made in its own worker process: the same files, byte for byte."""
    root = copy_project(tmp_path)
    exported = {}
    for workers in ("1", "3"):
        monkeypatch.setenv("GONGSHI_WORKERS", workers)
        result = run_cli(root, "export", f"out-{workers}", "--as-of", AS_OF.isoformat(), "--no-posters")
        assert result.exit_code == 0, result.output
        exported[workers] = tree(root / f"out-{workers}")
    assert len(exported["1"]) > 200 and exported["3"] == exported["1"]
