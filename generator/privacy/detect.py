"""Find personal data in a piece of text.

What counts (each detector documents its own false-positive guard):

- ID-card numbers (居民身份证号码, GB 11643): 18 characters whose last one
  is the ISO 7064 mod 11-2 check digit of the first 17 (X allowed), or the
  old 15-digit form whose region code names a province and whose
  characters 7–12 are a real date (19YYMMDD).
- Mobile numbers: 11 digits 1[3-9]xxxxxxxxx, also written 138 1234 5678,
  138-1234-5678, +86 138…, 0086 138….  Landlines (0577-88012345) are not
  mobiles and are never reported.
- Bank-card numbers: 13–19 digits, contiguous or in groups of four
  (6222 0212 3456 7890), passing the Luhn check and not an ID-card number.
  A 12-digit order number, or a longer one failing Luhn, is not reported.
- E-mail addresses.

Where matches overlap, the earlier kind in that list wins, so one number is
reported once. Numbers in `allowed` (e.g. a community's published hotline,
written in any form) are skipped.

    >>> [d.masked for d in detect("电话 138-1234-5678，卡号 6222 0212 3456 7894")]
    ['138****5678', '6222 **** **** 7894']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Callable, Iterable, Iterator

from generator.privacy.mask import mask_bank_card, mask_email, mask_id_card, mask_mobile


class Kind(str, Enum):
    ID_CARD = "id_card"
    MOBILE = "mobile"
    BANK_CARD = "bank_card"
    EMAIL = "email"

    @property
    def label(self) -> str:
        return {"id_card": "身份证号码", "mobile": "手机号码", "bank_card": "银行卡号", "email": "电子邮箱"}[self.value]


_MASKS: dict[Kind, Callable[[str], str]] = {
    Kind.ID_CARD: mask_id_card, Kind.MOBILE: mask_mobile, Kind.BANK_CARD: mask_bank_card, Kind.EMAIL: mask_email,
}


@dataclass(frozen=True)
class Detection:
    kind: Kind
    start: int          # offsets into the text searched
    end: int
    text: str           # as written there

    @property
    def masked(self) -> str:
        return _MASKS[self.kind](self.text)


# ---------------------------------------------------------------- ID cards
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
# GB/T 2260 province-level codes: the first two digits of every real number.
_PROVINCES = frozenset({
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
    "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83", "91",
})
_ID18 = re.compile(r"(?<!\d)\d{17}[\dXx](?![\dXx])")
_ID15 = re.compile(r"(?<!\d)\d{15}(?!\d)")


def id_check_digit(first17: str) -> str:
    return _ID_CHECK[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS)) % 11]


def is_id_card(number: str) -> bool:
    """An 18-character number with a valid check digit, or a plausible 15-digit old one."""
    text = number.strip().upper()
    if len(text) == 18 and text[:17].isdigit():
        return id_check_digit(text[:17]) == text[17]
    if len(text) == 15 and text.isdigit():
        return text[:2] in _PROVINCES and _is_date(1900 + int(text[6:8]), int(text[8:10]), int(text[10:12]))
    return False


def _is_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def find_id_cards(text: str) -> Iterator[Detection]:
    for pattern in (_ID18, _ID15):
        for m in pattern.finditer(text):
            if is_id_card(m.group()):
                yield Detection(Kind.ID_CARD, m.start(), m.end(), m.group())


# ---------------------------------------------------------------- mobiles
_MOBILE = re.compile(r"(?<![\d+])(?:(?:\+|00)?86[ \-]?)?1[3-9]\d[ \-]?\d{4}[ \-]?\d{4}(?!\d)")


def find_mobiles(text: str) -> Iterator[Detection]:
    for m in _MOBILE.finditer(text):
        yield Detection(Kind.MOBILE, m.start(), m.end(), m.group())


# ---------------------------------------------------------------- bank cards
_CARD_CONTIGUOUS = re.compile(r"(?<![\d+.])\d{13,19}(?!\d|\.\d)")
# Groups of four with one consistent separator: 6222 0212 3456 7890 (123).
_CARD_GROUPED = re.compile(r"(?<![\d+.])\d{4}([ \-])\d{4}(?:\1\d{4}){1,2}(?:\1\d{1,3})?(?!\d|[ \-]\d)")


def luhn_valid(digits: str) -> bool:
    total = 0
    for i, c in enumerate(reversed(digits)):
        n = int(c)
        if i % 2:
            n = n * 2 - 9 if n > 4 else n * 2
        total += n
    return total % 10 == 0


def is_bank_card(number: str) -> bool:
    digits = re.sub(r"[ \-]", "", number)
    return digits.isdigit() and 13 <= len(digits) <= 19 and luhn_valid(digits) and not is_id_card(digits)


def find_bank_cards(text: str) -> Iterator[Detection]:
    for pattern in (_CARD_CONTIGUOUS, _CARD_GROUPED):
        for m in pattern.finditer(text):
            if is_bank_card(m.group()):
                yield Detection(Kind.BANK_CARD, m.start(), m.end(), m.group())


# ---------------------------------------------------------------- e-mail
_EMAIL = re.compile(r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]*"
                    r"@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")


def find_emails(text: str) -> Iterator[Detection]:
    for m in _EMAIL.finditer(text):
        yield Detection(Kind.EMAIL, m.start(), m.end(), m.group())


# ---------------------------------------------------------------- all together
_DETECTORS: tuple[Callable[[str], Iterator[Detection]], ...] = (
    find_id_cards, find_mobiles, find_bank_cards, find_emails)


def normalise_number(text: str) -> str:
    """The digits of a phone or card number; a mobile's +86 / 0086 prefix dropped."""
    digits = re.sub(r"\D", "", text)
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and len(digits) == len(prefix) + 11 and digits[len(prefix)] == "1":
            return digits[len(prefix):]
    return digits


# Nothing can be found in a text without 11 digits in a row (separators aside) or an "@":
# most values are short Chinese text, and this one search skips them.
_CANDIDATE = re.compile(r"\d(?:[ \-]?\d){10}|@")


def allowlist(numbers: Iterable[str]) -> frozenset[str]:
    """Published numbers as `detect` compares them: digits only, a mobile's +86 dropped."""
    return frozenset(normalise_number(n) for n in numbers) - {""}


def could_hold(text: str) -> bool:
    """False when `text` cannot hold anything `detect` finds."""
    return _CANDIDATE.search(text) is not None


def detect(text: str, allowed: Iterable[str] = ()) -> list[Detection]:
    """Every piece of personal data in `text`, in order; `allowed` numbers are skipped
    (pass an `allowlist(...)` when calling for many texts)."""
    if not _CANDIDATE.search(text):
        return []
    allow = allowed if isinstance(allowed, frozenset) else allowlist(allowed)
    claimed: list[Detection] = []   # allowed numbers claim their span too: never re-read as another kind
    for detector in _DETECTORS:
        for d in detector(text):
            if not any(d.start < c.end and c.start < d.end for c in claimed):
                claimed.append(d)
    found = [d for d in claimed if d.kind is Kind.EMAIL or normalise_number(d.text) not in allow]
    return sorted(found, key=lambda d: d.start)
