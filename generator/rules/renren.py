"""Rules of profile `renren`."""

from __future__ import annotations
