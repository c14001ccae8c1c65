"""`gongshi validate` for a city: each community's findings kept by the content
that produced them, so an unchanged community is not checked again.

A community's findings depend on its own files, on the profiles of the others
(a 小区 names its parent 社区), on the reference date, on the poster font (the
glyph check) and on gongshi itself; the cache key covers all of these. One
changed profile (community.yml) anywhere checks the whole city again.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.fingerprint import FileHashes, add_file, add_tree, code_digest, file_hashes, keep_file_hashes
from generator.findings import Finding, Findings, by_community
from generator.folders import COMMUNITIES_DIR, PROFILE_FILE, community_folders
from generator.pickled import read_pickle, write_pickle

CACHE_DIR = Path(".cache") / "checked"
CACHE_VERSION = b"1"


@dataclass
class Checked:
    as_of: date
    findings: Findings = field(default_factory=Findings)
    names: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Entry:
    key: str
    name: str
    findings: list[Finding]


def check(root: Path, as_of: date, only: list[str] | None = None, glyphs: bool = True) -> Checked:
    folders = community_folders(root)
    if only is not None:
        folders = [f for f in folders if f.name in only]
    if not folders:                      # nothing to cache: the pipeline says what is missing
        return _fresh(root, as_of, only, glyphs, {})
    hashes = file_hashes(root)
    shared = _shared_key(root, as_of, glyphs, hashes)
    keys = {f.name: _key(shared, f, hashes) for f in folders}
    keep_file_hashes(root)
    cached = {slug: _read(root, slug) for slug in keys}
    stale = [slug for slug, key in keys.items() if cached[slug] is None or cached[slug].key != key]
    result = _fresh(root, as_of, stale, glyphs, keys) if stale else Checked(as_of)
    for slug in keys:
        if slug not in stale:
            entry = cached[slug]
            result.findings.extend(entry.findings)
            result.names[slug] = entry.name
    return result


def _fresh(root: Path, as_of: date, only: list[str] | None, glyphs: bool, keys: dict[str, str]) -> Checked:
    from generator.pipeline import validate      # the data model loads only when something is checked

    findings: list[Finding] = []
    extra = None
    if glyphs:
        from generator.posters.glyphs import project_glyph_check

        extra, findings = project_glyph_check(root)
    validated = validate(root, as_of, only, extra, models=False)
    findings = list(validated.findings) + findings + validated.extra_findings
    result = Checked(as_of, Findings(findings), {s: c.name for s, c in validated.city.communities.items()})
    grouped = by_community(findings)
    for slug in keys:
        if slug in result.names:
            _write(root, slug, Entry(keys[slug], result.names[slug], grouped.get(slug, [])))
    return result


def _shared_key(root: Path, as_of: date, glyphs: bool, hashes: FileHashes) -> bytes:
    digest = hashlib.sha256(CACHE_VERSION + as_of.isoformat().encode() + bytes([glyphs]) + code_digest())
    digest.update(os.environ.get("GONGSHI_FONT", "").encode())
    add_file(digest, root / "mkdocs.yml", "mkdocs.yml", hashes)
    for path in sorted((root / COMMUNITIES_DIR).glob(f"*/{PROFILE_FILE}")):
        add_file(digest, path, path.parent.name, hashes)
    return digest.digest()


def _key(shared: bytes, folder: Path, hashes: FileHashes) -> str:
    digest = hashlib.sha256(shared)
    add_tree(digest, folder, folder.name, hashes)
    return digest.hexdigest()


def _cache_file(root: Path, slug: str) -> Path:
    return root / CACHE_DIR / f"{slug}.pickle"


def _read(root: Path, slug: str) -> Entry | None:
    return read_pickle(_cache_file(root, slug), Entry)


def _write(root: Path, slug: str, entry: Entry) -> None:
    write_pickle(_cache_file(root, slug), entry)
