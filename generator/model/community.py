"""A community's typed records, and a city of them, read from `communities/`."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.findings import Finding, Location, Severity
from generator.folders import COMMUNITIES_DIR, PROFILE_FILE, community_folders  # noqa: F401 -- also imported from here
from generator.load import Document, load_document
from generator.model.errors import build_record, nearest
from generator.model.records import (
    FILE_MODELS, ActivitiesFile, CommunityProfile, FundsFile, KeyItemsFile, ListsFile, PledgesFile, ScenesFile,
    ServicesFile, SurveysFile,
)

# A folder name is the community's permanent address: short lowercase ASCII.
SLUG = re.compile(r"^[a-z0-9][a-z0-9\-]{1,39}$")


@dataclass
class Community:
    slug: str
    folder: Path
    profile: CommunityProfile | None = None
    scenes: ScenesFile = field(default_factory=ScenesFile)
    lists: ListsFile = field(default_factory=ListsFile)
    key_items: KeyItemsFile = field(default_factory=KeyItemsFile)
    pledges: PledgesFile = field(default_factory=PledgesFile)
    funds: FundsFile = field(default_factory=FundsFile)
    activities: ActivitiesFile = field(default_factory=ActivitiesFile)
    surveys: SurveysFile = field(default_factory=SurveysFile)
    services: ServicesFile = field(default_factory=ServicesFile)
    docs: dict[str, Document] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    @property
    def loaded(self) -> bool:
        """True when every present file loaded and matched the schema."""
        return self.profile is not None and not any(f.blocking for f in self.findings)

    @property
    def is_draft(self) -> bool:
        """Drafts are validated but never published (decisions 2). Read from the raw
        file too, so a scaffold whose profile is still incomplete counts as a draft."""
        if self.profile is not None:
            return self.profile.draft
        doc = self.docs.get(PROFILE_FILE)
        return bool(doc and isinstance(doc.data, dict) and doc.data.get("draft") is True)

    @property
    def profiles(self) -> tuple[str, ...]:
        return tuple(self.profile.profiles) if self.profile else ()

    @property
    def name(self) -> str:
        return self.profile.name if self.profile else self.slug

    def display(self, filename: str) -> str:
        return f"{COMMUNITIES_DIR}/{self.slug}/{filename}"

    def loc(self, filename: str, *path: Any, key: bool = False) -> Location:
        """Where `path` stands in `filename`; the file itself if it was not loaded."""
        doc = self.docs.get(filename)
        if doc is None:
            return Location(self.display(filename))
        return doc.where(tuple(path), key=key)

    def has_file(self, filename: str) -> bool:
        return filename in self.docs


_ATTRIBUTE = {name: name.removesuffix(".yml") for name in FILE_MODELS}
_ATTRIBUTE["community.yml"] = "profile"


def load_community(folder: Path, slug: str | None = None) -> Community:
    slug = slug or folder.name
    community = Community(slug=slug, folder=folder)
    if not SLUG.match(slug):
        community.findings.append(Finding(
            "load.folder-name", Severity.ERROR,
            f"文件夹名“{slug}”不能作为网址：只能用小写字母、数字和“-”，2–40 个字符",
            Location(f"{COMMUNITIES_DIR}/{slug}"), "把文件夹改名为简短的拼音，如 wangjiang；已发布过的旧名写进 old_slugs。",
            blocking=True))
    for path in sorted(folder.iterdir()):
        if path.is_dir() or path.name.startswith("."):
            continue
        if path.suffix in (".yml", ".yaml") and path.name not in FILE_MODELS \
                and path.name.removesuffix(".yaml") + ".yml" not in FILE_MODELS:
            guess = nearest(path.name, list(FILE_MODELS))
            community.findings.append(Finding(
                "load.unknown-file", Severity.WARNING, f"不认识的文件“{path.name}”，不会被读取",
                Location(community.display(path.name), 1, 1),
                f"是否想命名为“{guess}”？" if guess else f"可用的文件名：{'、'.join(FILE_MODELS)}"))
    for filename, model in FILE_MODELS.items():
        path = folder / filename
        if not path.exists():
            alt = folder / (filename[:-4] + ".yaml")
            if alt.exists():
                community.findings.append(Finding(
                    "load.extension", Severity.ERROR, f"文件应命名为“{filename}”（扩展名 .yml）",
                    Location(community.display(alt.name), 1, 1), f"把文件改名为 {filename}。", blocking=True))
            continue
        doc = load_document(path, community.display(filename))
        community.docs[filename] = doc
        community.findings.extend(doc.findings)
        if doc.data is None:
            continue
        # Check the schema even when the file had a located load error (a duplicate
        # key, a bad date), so staff see every problem in one round; but say
        # nothing twice about the same place.
        record, findings = build_record(doc, model)
        reported = {f.location for f in doc.findings if f.blocking}
        community.findings.extend(f for f in findings if f.location not in reported)
        if not doc.ok:
            continue
        if record is not None:
            setattr(community, _ATTRIBUTE[filename], record)
    if PROFILE_FILE not in community.docs:
        community.findings.append(Finding(
            "load.no-profile", Severity.ERROR, f"缺少社区概况文件 {PROFILE_FILE}",
            Location(community.display(PROFILE_FILE)), "运行 gongshi new 生成示例，或从示例社区复制一份。",
            community=slug, blocking=True))
    community.findings = [_with_community(f, slug) for f in community.findings]
    return community


def _with_community(finding: Finding, slug: str) -> Finding:
    if finding.community:
        return finding
    from dataclasses import replace
    return replace(finding, community=slug)


@dataclass
class City:
    """Every community under one `communities/` folder."""

    root: Path
    communities: dict[str, Community] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def published(self) -> list[Community]:
        return [c for c in self.communities.values() if c.profile is not None and not c.is_draft]


def load_city(root: Path, only: list[str] | None = None) -> City:
    city = City(root=root)
    folders = community_folders(root)
    if not folders:
        city.findings.append(Finding("load.no-communities", Severity.ERROR,
                                     f"没有找到社区数据：{COMMUNITIES_DIR}/ 下没有文件夹",
                                     Location(COMMUNITIES_DIR), "用 gongshi new 创建一个社区。", blocking=True))
        return city
    if only is not None:
        folders = [f for f in folders if f.name in only]
    with ThreadPoolExecutor(max_workers=4) as pool:
        for community in pool.map(load_community, folders):
            city.communities[community.slug] = community
    return city
