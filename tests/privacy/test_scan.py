"""Where scan_community places a match: the line and column of the number itself,
whatever the YAML style of the value that holds it."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model.community import load_community
from generator.privacy.scan import scan_community
from tests.conftest import apply_edits, copy_examples

# (community, file, find, replace, the text the finding must point at)
CASES = [
    ("qingfeng", "activities.yml", "note: 议题：人人社区公约（草案）讨论}",
     "note: 议题：人人社区公约（草案）讨论，报名找王阿姨 138 1234 5678}", "138 1234 5678"),
    ("qingfeng", "community.yml", "设立“人人社区”建设工作小组，",
     "设立“人人社区”建设工作小组（联系人 +86 139 0519 8888），", "+86 139 0519 8888"),
    ("wangjiang", "services.yml", "{name: 林秀琴, members: 1, note: 独居老人}",
     '{name: 林秀琴, members: 1, note: "独居老人，女儿电话 139-5770-1234"}', "139-5770-1234"),
    ("wangjiang", "community.yml", "phone: 0577-88012345", "phone: 13812345678", "13812345678"),
    ("qingfeng", "activities.yml", "2024-02: 元宵邻里灯会", "2024-02: 元宵邻里灯会（报名 wang.li@example.com）",
     "wang.li@example.com"),
    ("qingfeng", "services.yml", "{name: 徐立新, members: 2, note: 因病致贫}",
     "{name: 徐立新, members: 2, note: '因病致贫，身份证 320402198507123014'}", "320402198507123014"),
]


def _position(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    offset = -1
    for _ in range(occurrence + 1):
        offset = text.index(needle, offset + 1)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


@pytest.mark.parametrize("slug, filename, find, replace, needle", CASES, ids=[c[4] for c in CASES])
def test_hit_is_located_at_the_match(tmp_path: Path, slug: str, filename: str, find: str, replace: str,
                                     needle: str) -> None:
    root = copy_examples(tmp_path, [slug])
    apply_edits(root, slug, [{"file": filename, "find": find, "replace": replace}])
    community = load_community(root / "communities" / slug)
    hits = scan_community(community)
    text = (root / "communities" / slug / filename).read_text(encoding="utf-8")
    assert [(h.location.file, h.location.line, h.location.column) for h in hits] == [
        (f"communities/{slug}/{filename}", *_position(text, needle))]


def test_repeated_number_is_located_twice(tmp_path: Path) -> None:
    root = copy_examples(tmp_path, ["qingfeng"])
    apply_edits(root, "qingfeng", [{"file": "lists.yml", "find": "text: 天宁区社会组织孵化基地派驻督导 2 名}",
                                    "replace": "text: 督导 13812345678，备用 13812345678}"}])
    hits = scan_community(load_community(root / "communities" / "qingfeng"))
    text = (root / "communities" / "qingfeng" / "lists.yml").read_text(encoding="utf-8")
    assert [(h.location.line, h.location.column) for h in hits] == [
        _position(text, "13812345678", 0), _position(text, "13812345678", 1)]


def test_examples_hold_no_personal_data() -> None:
    root = Path(__file__).resolve().parents[2] / "communities"
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        assert scan_community(load_community(folder)) == [], folder.name
