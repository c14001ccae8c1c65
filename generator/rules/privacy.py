"""Rules of profile `privacy`."""

from __future__ import annotations
