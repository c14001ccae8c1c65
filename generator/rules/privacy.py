"""Rules of profile `privacy`: nothing personal is published by mistake.

Every value and key of every loaded file is searched (generator.privacy.scan)
for full ID-card, mobile and bank-card numbers and for e-mail addresses.
Each one is a blocking error located at the match, whose message gives the
masked form to write instead; the full number is never repeated in a message
(messages end up in CI logs).

Exceptions, both explicit:
- numbers listed in community.yml `settings.public_numbers` (the 居委会
  hotline, a public account) may appear anywhere, in any written form;
- an e-mail address may appear only as the community's public contact
  (community.yml `contact.email`), when that contact is publishable and its
  `role` names an organisation, i.e. ends with one of ORGANISATION_ENDINGS
  (“青枫社区居民委员会”, “物业服务中心”, not “张主任” or “联系人李明”).

    PASS  contact: {role: 青枫社区居民委员会, email: qingfeng@example.org}
    PASS  note: 联系电话 138****5678
    FAIL  note: 联系电话 13812345678           -> privacy.mobile, line and column of 138…
    FAIL  note: 有事请发邮件 li@example.com     -> privacy.email
"""

from __future__ import annotations

from typing import Iterator

from generator.findings import Severity
from generator.model.community import Community
from generator.privacy.detect import Kind
from generator.privacy.scan import Hit, scan_community
from generator.rules.registry import Context, Result, rule

E = Severity.ERROR
PROFILE_FILE = "community.yml"
CONTACT_EMAIL = ("contact", "email")
ORGANISATION_ENDINGS = (
    "委员会", "居委会", "村委会", "业委会", "社区", "小区", "党委", "党总支", "支部", "街道", "办事处", "中心", "站",
    "办公室", "服务部", "公司", "物业", "协会", "大厅", "窗口", "所", "局",
)


def organisation_role(role: str) -> bool:
    return role.strip().endswith(ORGANISATION_ENDINGS)


def email_allowed(community: Community, hit: Hit) -> bool:
    """The one place an e-mail may stand: the publishable contact of an organisation."""
    if hit.filename != PROFILE_FILE or hit.path != CONTACT_EMAIL or hit.is_key or community.profile is None:
        return False
    contact = community.profile.contact
    return contact.publishable and organisation_role(contact.role)


def _email_refusal(community: Community, hit: Hit) -> str:
    if hit.filename == PROFILE_FILE and hit.path == CONTACT_EMAIL and community.profile is not None:
        if not community.profile.contact.publishable:
            return "公开联系方式标为不可公开（publishable: false），其中的电子邮箱不能公示"
        return "公开联系方式的联系人（role）不是机构名称，电子邮箱可能属于个人，不能公示"
    return "这里有电子邮箱地址，可能属于个人，不能公示"


# The four rules read one scan: the last community scanned, held by identity
# (rules run one community at a time, so one entry is enough).
_last_scan: list[tuple[Community, list[Hit]]] = []


def _scan(community: Community) -> list[Hit]:
    entry = _last_scan[0] if _last_scan else None
    if entry is None or entry[0] is not community:
        entry = (community, scan_community(community))
        _last_scan[:] = [entry]      # a local entry is returned: safe if rules ever run in threads
    return entry[1]


def _hits(ctx: Context, kind: Kind) -> Iterator[Result]:
    hits = [h for h in _scan(ctx.community) if h.detection.kind is kind]
    if kind is Kind.EMAIL:
        hits = [h for h in hits if not email_allowed(ctx.community, h)]
    figure = f"{len(hits)} 处"
    for hit in hits:
        masked = hit.detection.masked
        if kind is Kind.EMAIL:
            detail = f"{_email_refusal(ctx.community, hit)}；如需保留，只写“{masked}”"
        else:
            detail = f"这里有完整的{kind.label}，不能公示；如需保留，只写“{masked}”"
        yield Result.unmet(detail, figure, hit.location)
    if not hits:
        yield Result.met(f"未发现{'个人' if kind is Kind.EMAIL else '完整的'}{kind.label}")


@rule("privacy.id-card", "privacy", "", E,
      "公示内容中不得出现完整的身份证号码（18 位含校验位，或 15 位旧号码）", "—",
      "删除身份证号码；确需出现时只保留前四位和后四位，如 3303**********1234。")
def id_cards(ctx: Context) -> Iterator[Result]:
    yield from _hits(ctx, Kind.ID_CARD)


@rule("privacy.mobile", "privacy", "", E,
      "公示内容中不得出现完整的手机号码（含带空格、横线或 +86 的写法）", "—",
      "个人手机号码改为 138****5678 的形式，或改写办公电话；如果这是对外公开的服务号码，"
      "把它加入 community.yml 的 settings.public_numbers。")
def mobiles(ctx: Context) -> Iterator[Result]:
    yield from _hits(ctx, Kind.MOBILE)


@rule("privacy.bank-card", "privacy", "", E,
      "公示内容中不得出现完整的银行卡号", "—",
      "银行卡号只保留前四位和后四位，如 6222 **** **** 1234；对公收款账户确需公开的，"
      "把它加入 community.yml 的 settings.public_numbers。")
def bank_cards(ctx: Context) -> Iterator[Result]:
    yield from _hits(ctx, Kind.BANK_CARD)


@rule("privacy.email", "privacy", "", E,
      "电子邮箱只能作为机构的公开联系方式出现（community.yml 的 contact.email，联系人为机构且可公开）", "—",
      "删除个人邮箱，或改为 z***@example.com 的形式；机构邮箱写在 community.yml 的 contact.email 中，"
      "contact.role 写机构名称（如“某某社区居民委员会”）。")
def emails(ctx: Context) -> Iterator[Result]:
    yield from _hits(ctx, Kind.EMAIL)
