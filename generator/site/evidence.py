"""Evidence files (photos, scanned vouchers, minutes) published beside their record's page.

Lifecycle issue point 3: a file is published only when the privacy checks pass
on its name, and every image is re-encoded without its metadata, so EXIF
(a phone photo's GPS position, camera serial, time) never leaves the office.
The picture is turned upright first, since dropping EXIF also drops the
orientation tag. PDFs are copied as they are: gongshi extracts no text from them.
"""

from __future__ import annotations

import io
from pathlib import Path, PurePosixPath
from typing import Iterator

from PIL import Image, ImageOps

from generator import addresses
from generator.model.community import Community
from generator.privacy.detect import allowlist, detect
from generator.privacy.scan import allowed_numbers
from generator.site.lifecycle import published

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png")
PUBLISHED_SUFFIXES = IMAGE_SUFFIXES + (".pdf",)


def without_metadata(raw: bytes, suffix: str) -> bytes:
    """The image re-encoded from its pixels alone: no EXIF, XMP, ICC comments or PNG text."""
    with Image.open(io.BytesIO(raw)) as source:
        upright = ImageOps.exif_transpose(source)
        clean = Image.frombytes(upright.mode, upright.size, upright.tobytes())
        if upright.mode == "P":
            clean.putpalette(upright.getpalette())
    out = io.BytesIO()
    if suffix in (".jpg", ".jpeg"):
        clean.convert("RGB").save(out, "JPEG", quality=90, optimize=True)
    else:
        clean.save(out, "PNG", optimize=True)
    return out.getvalue()


def publishable_name(community: Community, name: str) -> bool:
    """The file name holds no personal data (a phone number, an ID card number, ...)."""
    return not detect(PurePosixPath(name).name, allowlist(allowed_numbers(community)))


def published_path(community: Community, item_id: str, file: str) -> str | None:
    """Where an evidence file is published, or None when it is not (missing, wrong kind, private name)."""
    source = Path(community.folder, file)
    if source.suffix.lower() not in PUBLISHED_SUFFIXES or not source.is_file() or not publishable_name(community, file):
        return None
    return evidence_path(community.slug, item_id, file)


def evidence_files(community: Community, as_of) -> Iterator[tuple[str, bytes]]:
    """(site path, content) of every evidence file of the published key items."""
    for item in published(community.key_items.items, as_of):
        attached = [e for step in item.steps for e in step.evidence] + [e for m in item.milestones for e in m.evidence]
        seen: set[str] = set()
        for evidence in attached:
            path = published_path(community, item.id, evidence.file)
            if path is None or path in seen:       # a step and a milestone may cite the same file
                continue
            seen.add(path)
            source = Path(community.folder, evidence.file)
            suffix = source.suffix.lower()
            raw = source.read_bytes()
            yield path, without_metadata(raw, suffix) if suffix in IMAGE_SUFFIXES else raw


def evidence_path(slug: str, item_id: str, file: str) -> str:
    """Beside the item's page: wangjiang/item/2025-01/2025-path.jpg."""
    return f"{addresses.key_item(slug, item_id)}{PurePosixPath(file).name}"
