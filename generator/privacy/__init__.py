"""Personal data: find it in text (`detect`), hide it for display (`mask`),
and find it in a community's loaded files (`scan`).

Rules refuse what `scan` finds; renderers call `mask` (e.g. `mask_name` on a
低保 list) and may call `detect` on text they show. Neither knows about the
other's output format.
"""

from generator.privacy.detect import Detection, Kind, detect
from generator.privacy.mask import mask_bank_card, mask_email, mask_id_card, mask_mobile, mask_name

__all__ = ["Detection", "Kind", "detect", "mask_bank_card", "mask_email", "mask_id_card", "mask_mobile",
           "mask_name"]
