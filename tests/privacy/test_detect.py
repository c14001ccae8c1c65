"""The personal-data detectors and maskers, as tables of input and expected output."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from generator.privacy import detect, mask_bank_card, mask_email, mask_id_card, mask_mobile, mask_name
from generator.privacy.detect import id_check_digit, luhn_valid

# (text, [(kind, text as written, masked form)])
DETECT_CASES: list[tuple[str, list[tuple[str, str, str]]]] = [
    # ID cards: 18 characters with a valid check digit (X allowed), 15 digits with a real birth date
    ("身份证 330302199001011235", [("id_card", "330302199001011235", "3303**********1235")]),
    ("11010519491231002X", [("id_card", "11010519491231002X", "1101**********002X")]),
    ("11010519491231002x号", [("id_card", "11010519491231002x", "1101**********002X")]),
    ("旧证 320402850712301", [("id_card", "320402850712301", "3204*******2301")]),
    ("330302199001011236", []),                        # wrong check digit, fails Luhn
    # wrong check digit but passes Luhn: still refused, as a card number
    ("330302199001011234", [("bank_card", "330302199001011234", "3303 **** **** 1234")]),
    ("320402851312301", []),                           # month 13: not an old ID card
    ("3303**********1235", []),                        # already masked
    # mobiles, in every common written form
    ("13812345678", [("mobile", "13812345678", "138****5678")]),
    ("电话：13812345678。", [("mobile", "13812345678", "138****5678")]),
    ("138 1234 5678", [("mobile", "138 1234 5678", "138****5678")]),
    ("138-1234-5678", [("mobile", "138-1234-5678", "138****5678")]),
    ("+86 138 1234 5678", [("mobile", "+86 138 1234 5678", "138****5678")]),
    ("+8613812345678", [("mobile", "+8613812345678", "138****5678")]),
    ("008613812345678", [("mobile", "008613812345678", "138****5678")]),
    ("138****5678", []),
    ("0577-88012345", []),                             # an office landline
    ("12345678901", []),                               # 12… is no mobile prefix
    ("138123456789", []),                              # 12 digits: not a mobile
    # bank cards: 13-19 digits passing Luhn, contiguous or in groups of four
    ("6228480012345671", [("bank_card", "6228480012345671", "6228 **** **** 5671")]),
    ("卡号 6228 4800 1234 5671", [("bank_card", "6228 4800 1234 5671", "6228 **** **** 5671")]),
    ("6228-4800-1234-5671", [("bank_card", "6228-4800-1234-5671", "6228 **** **** 5671")]),
    ("6217001234567890122", [("bank_card", "6217001234567890122", "6217 **** **** 0122")]),
    ("6228480012345670", []),                          # fails Luhn
    ("订单号 202501150001", []),                        # 12 digits, fails Luhn
    ("6228 **** **** 5671", []),
    ("收入 12345678901234.50 元", []),                 # an amount, not a card
    # e-mail
    ("zhangsan@example.com", [("email", "zhangsan@example.com", "z***@example.com")]),
    ("邮箱：li.ming+work@mail.example.cn。", [("email", "li.ming+work@mail.example.cn", "l***@mail.example.cn")]),
    ("z***@example.com", []),
    # several in one text, in order
    ("张先生 13812345678，卡号 6228480012345671", [("mobile", "13812345678", "138****5678"),
                                                  ("bank_card", "6228480012345671", "6228 **** **** 5671")]),
    # ordinary text
    ("2025-01-15 召开议事会，应到 48 人", []),
]


@pytest.mark.parametrize("text, expected", DETECT_CASES, ids=[c[0] for c in DETECT_CASES])
def test_detect(text: str, expected: list[tuple[str, str, str]]) -> None:
    found = [(d.kind.value, d.text, d.masked) for d in detect(text)]
    assert found == expected
    for d in detect(text):
        assert text[d.start:d.end] == d.text


# (text, allowed numbers): an allowlisted number is not reported, in whatever form either is written
ALLOWED_CASES = [
    ("热线 13912345678", ["139-1234-5678"]),
    ("热线 139 1234 5678", ["13912345678"]),
    ("热线 +86 139 1234 5678", ["13912345678"]),
    ("捐款账户 6228480012345671", ["6228 4800 1234 5671"]),
]


@pytest.mark.parametrize("text, allowed", ALLOWED_CASES, ids=[c[0] for c in ALLOWED_CASES])
def test_allowed_numbers_are_skipped(text: str, allowed: list[str]) -> None:
    assert detect(text, allowed) == []


def test_an_allowed_number_does_not_hide_another() -> None:
    assert [d.masked for d in detect("13912345678 或 13812345678", ["13912345678"])] == ["138****5678"]


MASK_NAME_CASES = [
    ("张三明", "张*明"),
    ("张三", "张*"),
    ("欧阳娜娜", "欧**娜"),
    ("司马相如", "司**如"),
    (" 李四 ", "李*"),
    ("买买提·艾力", "买****力"),
    ("张", "*"),
    ("", ""),
]


@pytest.mark.parametrize("name, expected", MASK_NAME_CASES)
def test_mask_name(name: str, expected: str) -> None:
    assert mask_name(name) == expected


MASK_CASES = [
    (mask_mobile, "13812345678", "138****5678"),
    (mask_mobile, "+86 138-1234-5678", "138****5678"),
    (mask_id_card, "330302199001011235", "3303**********1235"),
    (mask_id_card, "11010519491231002x", "1101**********002X"),
    (mask_bank_card, "6217001234567890122", "6217 **** **** 0122"),
    (mask_email, "zhangsan@example.com", "z***@example.com"),
]


@pytest.mark.parametrize("masker, value, expected", MASK_CASES, ids=[f"{c[0].__name__}-{c[1]}" for c in MASK_CASES])
def test_maskers(masker, value: str, expected: str) -> None:
    assert masker(value) == expected


# ---------------------------------------------------------------- properties

mobiles = st.builds(lambda second, rest: f"1{second}{rest:09d}", st.integers(3, 9), st.integers(0, 10**9 - 1))
id_bodies = st.from_regex(r"\A[1-6]\d{5}(19[5-9]\d|200\d)(0[1-9]|1[0-2])(0[1-9]|1\d|2[0-8])\d{3}\Z")


@settings(max_examples=50, deadline=None)
@given(mobiles, st.sampled_from(["{}", "电话{}。", "{} 王", "联系人：{}，"]))
def test_every_mobile_is_found_and_its_mask_is_not(number: str, frame: str) -> None:
    found = detect(frame.format(number))
    assert [(d.kind.value, d.text) for d in found] == [("mobile", number)]
    assert detect(frame.format(found[0].masked)) == []


@settings(max_examples=50, deadline=None)
@given(id_bodies)
def test_every_valid_id_card_is_found_as_one(body: str) -> None:
    number = body + id_check_digit(body)
    found = detect(f"身份证{number}")
    assert [(d.kind.value, d.text) for d in found] == [("id_card", number)]
    assert detect(found[0].masked) == []


@settings(max_examples=50, deadline=None)
@given(st.from_regex(r"\A62\d{14}\Z"))
def test_a_card_number_is_found_exactly_when_it_passes_luhn(number: str) -> None:
    kinds = [d.kind.value for d in detect(f"卡号 {number}")]
    assert kinds == (["bank_card"] if luhn_valid(number) else [])
