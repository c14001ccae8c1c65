"""The build manifest written behind a long-running `gongshi watch`: stopping it
never hangs, even when the process that writes the manifest is stuck."""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

import pytest

from generator.fingerprint import ProjectDigest
from generator.site import manifest
from generator.site.context import SiteConfig
from generator.site.manifest import BuiltSite, Manifest, manifest_written, read_manifest, site_key, write_manifest
from generator.site.summary import Listing


def a_manifest(root: Path) -> Manifest:
    listing = Listing([], SiteConfig("https://gongshi.example.cn/", root, "CC-BY-4.0"), date(2026, 11, 23))
    return Manifest(site_key(root, root / "site"), ProjectDigest("shared", {"wangjiang": "key"}), BuiltSite(listing))


def test_a_stuck_writer_is_replaced_and_the_manifest_still_written(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    parent, real = os.getpid(), manifest.write_pickle

    def stuck_in_the_child(path: Path, value: object) -> None:
        if os.getpid() != parent:
            time.sleep(3600)        # as a child blocked on a lock a thread held at the fork
        real(path, value)

    monkeypatch.setattr(manifest, "write_pickle", stuck_in_the_child)
    monkeypatch.setattr(manifest, "WRITER_SECONDS", 0.5)
    write_manifest(tmp_path, a_manifest(tmp_path), behind=True)
    started = time.monotonic()
    manifest_written(tmp_path)
    assert time.monotonic() - started < 5
    manifest._HELD.clear()          # read it from the disk, not from memory
    written = read_manifest(tmp_path, tmp_path / "site")
    assert written is not None and written.digest.communities == {"wangjiang": "key"}


def test_a_writer_that_finishes_is_waited_for(tmp_path: Path) -> None:
    write_manifest(tmp_path, a_manifest(tmp_path), behind=True)
    manifest_written(tmp_path)
    manifest._HELD.clear()
    written = read_manifest(tmp_path, tmp_path / "site")
    assert written is not None and written.digest.shared == "shared"
