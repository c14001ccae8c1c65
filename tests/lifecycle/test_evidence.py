"""Evidence files (issue 11 point 3): published beside the item page, without
EXIF, and only when their names pass the privacy checks."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from tests.conftest import AS_OF, EXAMPLES
from tests.lifecycle.pages import build

GPS_IFD = 0x8825
PHOTO_EDIT = {"file": "key_items.yml",
              "find": "          - {file: evidence/2025-path.jpg, caption: 修缮完工的望江东路至滨江公园人行步道}\n",
              "replace": "          - {file: evidence/2025-path.jpg, caption: 修缮完工的望江东路至滨江公园人行步道}\n"
                         "          - {file: evidence/phone-gps.jpg, caption: 验收现场}\n"
                         "          - {file: evidence/13812345678.png, caption: 联系人手机截图}\n"}


def gps_photo() -> bytes:
    image = Image.new("RGB", (64, 48), (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"                       # Make
    exif[0x0112] = 6                                  # Orientation: rotate 90° when shown
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (28.0, 1.0, 12.5), 3: "E", 4: (120.0, 39.0, 5.25)})
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def test_published_photo_has_no_exif_and_stays_upright(tmp_path: Path) -> None:
    original = gps_photo()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD), "the fixture carries GPS tags"
    evidence = tmp_path / "src"
    evidence.mkdir()
    (evidence / "phone-gps.jpg").write_bytes(original)
    (evidence / "13812345678.png").write_bytes(original)

    def setup(root: Path) -> None:
        target = root / "communities" / "wangjiang" / "evidence"
        for f in evidence.iterdir():
            (target / f.name).write_bytes(f.read_bytes())

    pages, files = build(tmp_path / "site", AS_OF, {"wangjiang": [PHOTO_EDIT]}, slugs=["wangjiang"], data=True,
                         before=setup)
    published = files["wangjiang/item/2025-01/phone-gps.jpg"].content
    image = Image.open(io.BytesIO(published))
    assert not image.getexif(), dict(image.getexif())
    assert b"Exif" not in published and b"PhoneMaker" not in published
    assert image.size == (48, 64)                     # turned upright before the orientation tag was dropped
    # a file name holding a mobile number is not published
    assert not [p for p in files if "13812345678" in p]


def test_the_example_photo_is_published_beside_its_item(tmp_path: Path) -> None:
    _, files = build(tmp_path, AS_OF, slugs=["wangjiang"], data=True)
    published = files["wangjiang/item/2025-01/2025-path.jpg"].content
    assert not Image.open(io.BytesIO(published)).getexif()
    source = Image.open(EXAMPLES / "wangjiang" / "evidence" / "2025-path.jpg")
    assert Image.open(io.BytesIO(published)).size == source.size
