"""Rules of profile `integrity`."""

from __future__ import annotations
