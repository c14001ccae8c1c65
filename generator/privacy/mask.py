"""Masked forms of personal data, as staff are told to publish them.

    mask_name("张三明")              -> "张*明"
    mask_mobile("13812345678")       -> "138****5678"
    mask_id_card("330302199001011234") -> "3303**********1234"
    mask_bank_card("6222021234567890") -> "6222 **** **** 7890"
    mask_email("zhangsan@example.com") -> "z***@example.com"
"""

from __future__ import annotations

import re

_NON_DIGITS = re.compile(r"\D")


def mask_name(name: str) -> str:
    """Keep a name's first and last character: 张三明 → 张*明, 张三 → 张*, 欧阳娜娜 → 欧**娜."""
    name = name.strip()
    if len(name) <= 1:
        return "*" * len(name)
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def mask_mobile(number: str) -> str:
    """138****5678, from any written form (spaces, dashes, +86)."""
    digits = _NON_DIGITS.sub("", number)[-11:]
    return f"{digits[:3]}****{digits[-4:]}"


def mask_id_card(number: str) -> str:
    """First four and last four characters kept: 3303**********1234 (18) or 3303*******1234 (15)."""
    text = number.strip().upper()
    return text[:4] + "*" * (len(text) - 8) + text[-4:]


def mask_bank_card(number: str) -> str:
    """6222 **** **** 1234, whatever the card's length (the length is hidden too)."""
    digits = _NON_DIGITS.sub("", number)
    return f"{digits[:4]} **** **** {digits[-4:]}"


def mask_email(address: str) -> str:
    """z***@example.com: the first character of the mailbox name, then the domain."""
    local, _, domain = address.strip().partition("@")
    return f"{local[:1]}***@{domain}"
