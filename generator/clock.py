"""The build's one reference date (decisions 4): nothing else reads the clock."""

from __future__ import annotations

import os
from datetime import date, datetime, timezone


def reference_date(as_of: date | None = None) -> date:
    """--as-of, else SOURCE_DATE_EPOCH, else today."""
    if as_of is not None:
        return as_of
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return date.today()
