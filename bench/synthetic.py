"""A synthetic city of N communities, made from the four examples in communities/.

Communities come in blocks of four, one twin of each example: a 社区 that
follows xingfuli (望江), two of its 小区 (梨花, old estate; 锦绣, real-shaped
accounts) whose `parent` names the block's 社区 twin, and a renren 社区 (青枫).
So the kind/profile mix is the examples' own. Each twin gets its own name stem,
district and street, and grows deterministically (seeded per slug, so a
community is the same at N = 250 and N = 1000):

- sometimes one more year of activities (2023, shifted copies of 2024),
- extra neighbourhood activities in random months,
- extra balanced income/expense pairs in statements with exact totals,
- an extra key item (a second phase of a finished one).

Nothing is ever removed, so no synthetic community is smaller than its
example (decisions 16). The YAML is edited as text, so the comments, amounts
as written and the loader's line numbers all stay as a person would write them.

    python bench/synthetic.py --communities 8 /tmp/city
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SKELETON = ("mkdocs.yml", "content", "theme")
TEMPLATES = ("wangjiang", "lihua", "jinxiu", "qingfeng")     # the order inside a block
PARENT_TEMPLATE = "wangjiang"
STEMS = {"wangjiang": "望江", "lihua": "梨花", "jinxiu": "锦绣", "qingfeng": "青枫"}
WENZHOU = ("鹿城区", "南郊街道")                               # as written in the examples
CHANGZHOU = ("天宁区", "青龙街道")
REGIONS = {
    WENZHOU: (("鹿城区", ("南郊街道", "五马街道", "滨江街道", "松台街道", "双屿街道")),
              ("龙湾区", ("永中街道", "蒲州街道", "状元街道", "海城街道")),
              ("瓯海区", ("景山街道", "新桥街道", "娄桥街道", "梧田街道")),
              ("洞头区", ("北岙街道", "东屏街道"))),
    CHANGZHOU: (("天宁区", ("青龙街道", "茶山街道", "雕庄街道", "兰陵街道")),
                ("钟楼区", ("南大街街道", "荷花池街道", "五星街道", "永红街道")),
                ("新北区", ("三井街道", "河海街道", "龙虎塘街道")),
                ("武进区", ("湖塘镇", "南夏墅街道", "西湖街道"))),
}
# Name stems: first × second character, shuffled by the seed. None contains a
# digit, so the privacy scanner never sees a phone- or ID-like run in a name.
FIRST = "东南西北金银玉翠紫丹春夏秋冬晨曦朝明星云霞松柏竹梅兰桃杏柳杨桂荷菊樱枣槐榆杉橙蓝"
SECOND = "苑园湾湖塘桥浦岸林溪泉池亭坊庭台阁岭峰坪滨洲港源川湘澜汀渚坞岗畈垟埠堤"
EXTRA_ACTIVITIES = ("邻里茶话会", "手工编织课堂", "广场舞交流", "亲子绘本共读", "家庭厨艺分享", "书法兴趣小组",
                    "健康知识讲座", "太极拳晨练", "邻里摄影展", "节约用水宣传", "旧衣回收日", "社区合唱排练")
EXTRA_INCOME = ("辖区企业定向捐赠", "公益创投项目资金", "居民爱心捐赠", "共建单位活动赞助")
EXTRA_EXPENSE = ("邻里活动物资采购", "志愿者服务保障", "公共设施小修", "宣传资料印制", "困难家庭节日慰问")
INCOME_SOURCE = {"辖区企业定向捐赠": "捐赠", "公益创投项目资金": "财政补助", "居民爱心捐赠": "捐赠", "共建单位活动赞助": "捐赠"}


@dataclass(frozen=True)
class Twin:
    slug: str
    template: str
    stem: str
    parent: str | None       # the slug of the block's 社区 twin, for a 小区
    region: tuple[str, str]  # district, street


def plan_city(communities: int, seed: int = 2026) -> list[Twin]:
    """Who is who: slugs, templates, name stems, parents and regions."""
    stems = [a + b for a in FIRST for b in SECOND]
    if communities > len(stems):
        raise ValueError(f"at most {len(stems)} synthetic communities")
    random.Random(seed).shuffle(stems)
    twins: list[Twin] = []
    for index in range(communities):
        block, template = divmod(index, len(TEMPLATES))
        rng = random.Random(f"{seed}-region-{block}-{template in ('qingfeng',)}")
        origin = CHANGZHOU if TEMPLATES[template] == "qingfeng" else WENZHOU
        district, streets = rng.choice(REGIONS[origin])
        name = TEMPLATES[template]
        parent = f"{PARENT_TEMPLATE}-{block:04d}" if name in ("lihua", "jinxiu") else None
        twins.append(Twin(f"{name}-{block:04d}", name, stems[index], parent, (district, rng.choice(streets))))
    return twins


def make_city(target: Path, communities: int, seed: int = 2026, source: Path = PROJECT) -> list[Twin]:
    """Write a project folder with the skeleton of `source` and the synthetic communities."""
    target.mkdir(parents=True, exist_ok=True)
    for name in SKELETON:
        if (source / name).is_dir():
            shutil.copytree(source / name, target / name, dirs_exist_ok=True)
        else:
            shutil.copy2(source / name, target / name)
    twins = plan_city(communities, seed)
    by_block = {t.slug.rsplit("-", 1)[1]: [] for t in twins}
    for twin in twins:
        by_block[twin.slug.rsplit("-", 1)[1]].append(twin)
    for block in by_block.values():
        stems = {STEMS[t.template]: t.stem for t in block}
        for twin in block:
            write_twin(source / "communities" / twin.template, target / "communities" / twin.slug, twin, stems, seed)
    return twins


def write_twin(example: Path, folder: Path, twin: Twin, stems: dict[str, str], seed: int) -> None:
    shutil.copytree(example, folder)
    rng = random.Random(f"{seed}-{twin.slug}")
    origin = CHANGZHOU if twin.template == "qingfeng" else WENZHOU
    words = {**stems, origin[0]: twin.region[0], origin[1]: twin.region[1]}
    pattern = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    earlier_year = rng.random() < 0.5       # one more year of data, 2023, shifted from 2024
    for path in sorted(folder.glob("*.yml")):
        text = pattern.sub(lambda m: words[m.group(0)], path.read_text(encoding="utf-8"))
        if path.name == "community.yml":
            if twin.parent:
                text = re.sub(r"(?m)^parent: .*$", f"parent: {twin.parent}", text)
            # a renamed twin's former name is its own: two communities cannot claim one
            text = re.sub(r"(?m)^old_slugs: \[[^\]]*\]$", f"old_slugs: [{twin.slug}-old]", text)
        elif path.name == "activities.yml":
            text = grow_activities(text, rng, earlier_year)
        elif path.name == "funds.yml":
            text = earlier_statement(text) if earlier_year else text
            if twin.template != "jinxiu":      # jinxiu keeps its real-shaped accounts
                text = grow_funds(text, rng)
        elif path.name == "key_items.yml":
            text = grow_key_items(earlier_items(text) if earlier_year else text, rng)
        elif path.name == "lists.yml" and earlier_year:
            text = earlier_list_entries(text)
        path.write_text(text, encoding="utf-8")


# ---------------------------------------------------------------- activities
_ACTIVITY = re.compile(r"^  - \{date: (\d{4}-\d{2}-\d{2}),")
_THEME = re.compile(r"^  (\d{4})-(\d{2}): ")


def grow_activities(text: str, rng: random.Random, earlier_year: bool) -> str:
    lines = text.split("\n")
    activities = [line for line in lines if _ACTIVITY.match(line)]
    themes = [line for line in lines if _THEME.match(line)]
    if earlier_year:             # 2023, shifted from 2024
        themes = [t.replace("2024", "2023", 1) for t in themes if t.startswith("  2024-")] + themes
        activities += [shift_years(line) for line in activities if line.startswith("  - {date: 2024-")]
    neighbourly = next(line for line in activities if "kind: 邻里活动" in line)
    place = re.search(r"place: ([^,}]+)", neighbourly).group(1)
    organiser = re.search(r"organiser: ([^,}]+)", neighbourly).group(1)
    for _ in range(rng.randint(2, 12)):
        day = date(rng.randint(2024, 2026), rng.randint(1, 10), rng.randint(1, 28))
        activities.append(f'  - {{date: {day.isoformat()}, time: "19:00-20:30", title: {rng.choice(EXTRA_ACTIVITIES)}, '
                          f"kind: 邻里活动, place: {place}, organiser: {organiser}}}")
    activities.sort(key=lambda line: _ACTIVITY.match(line).group(1))
    at_themes, at_activities = lines.index("themes:"), lines.index("activities:")
    between = [line for line in lines[at_themes + 1:at_activities + 1] if not _THEME.match(line)]
    after = [line for line in lines[at_activities + 1:] if not _ACTIVITY.match(line) and line.strip()]
    return "\n".join(lines[:at_themes + 1] + themes + between + activities + after) + "\n"


_YEAR = re.compile(r"(?<![\d.])(202[3-7])(?![\d]|\.\d)")


def shift_years(text: str) -> str:
    """Every year one earlier: dates, ids, titles; a 29 February that no longer exists becomes the 28th."""
    shifted = _YEAR.sub(lambda m: str(int(m.group(1)) - 1), text)
    return re.sub(r"(\d{4})-02-29", lambda m: m.group(0) if int(m.group(1)) % 4 == 0 else f"{m.group(1)}-02-28", shifted)


# ---------------------------------------------------------------- funds
_STATEMENT = re.compile(r"(?m)^  - id: ")


def grow_funds(text: str, rng: random.Random) -> str:
    head, *statements = _STATEMENT.split(text)
    return head + "".join("  - id: " + _grow_statement(s, rng) for s in statements)


def _grow_statement(block: str, rng: random.Random) -> str:
    totals = [re.search(rf"(?m)^    {key}: (\d+\.\d\d)$", block) for key in ("income_total", "expense_total")]
    if not all(totals) or "\n    expense:\n" not in block or rng.random() < 0.3:
        return block             # amounts in 万元, or left as the example
    pairs = [(Decimal(rng.randint(300, 9000)) + Decimal(rng.randint(0, 99)) / 100) for _ in range(rng.randint(1, 3))]
    income = "".join(f"      - {{item: {(item := rng.choice(EXTRA_INCOME))}, amount: {amount:.2f}, "
                     f"source: {INCOME_SOURCE[item]}}}\n" for amount in pairs)
    expense = "".join(f"      - {{item: {rng.choice(EXTRA_EXPENSE)}, amount: {amount:.2f}}}\n" for amount in pairs)
    added = sum(pairs)
    block = block.replace("\n    expense:\n", "\n" + income + "    expense:\n", 1)
    block = re.sub(r"(?m)^    income_total: ", lambda m: expense + m.group(0), block, count=1)
    for key, found in zip(("income_total", "expense_total"), totals):
        block = block.replace(f"    {key}: {found.group(1)}\n", f"    {key}: {Decimal(found.group(1)) + added:.2f}\n", 1)
    return block


# ---------------------------------------------------------------- key items
_ITEM = re.compile(r"(?m)^  - id: (\d{4})-(\d{2})$")


def grow_key_items(text: str, rng: random.Random) -> str:
    """One more item: the second phase of a finished item, in the same year."""
    starts = [m.start() for m in _ITEM.finditer(text)] + [len(text)]
    blocks = [text[a:b] for a, b in zip(starts, starts[1:])]
    done = [b for b in blocks if "status: 已完成" in b]
    if not done:
        return text
    original = rng.choice(done)
    year = _ITEM.match(original).group(1)
    number = max(int(m.group(2)) for m in _ITEM.finditer(text) if m.group(1) == year) + 1
    copy = _ITEM.sub(f"  - id: {year}-{number:02d}", original, count=1)
    copy = re.sub(r"(?m)^(    title: .*)$", r"\1（二期）", copy, count=1)
    last_of_year = max(i for i, b in enumerate(blocks) if _ITEM.match(b).group(1) == year)
    blocks.insert(last_of_year + 1, copy if copy.endswith("\n") else copy + "\n")
    return text[:starts[0]] + "".join(blocks)


# ---------------------------------------------------------------- one more year
def earlier_statement(text: str) -> str:
    """A 2023 statement before the first 2024 one, closing at its opening balance."""
    head, *statements = _STATEMENT.split(text)
    first = next((i for i, s in enumerate(statements) if s.startswith('"2024"')), None)
    if first is None:
        return text
    block = shift_years(statements[first])
    numbers = {key: Decimal(re.search(rf"(?m)^    {key}: (\d+\.\d\d)$", statements[first]).group(1))
               for key in ("opening", "income_total", "expense_total")}
    closing = numbers["opening"]
    opening = closing - numbers["income_total"] + numbers["expense_total"]
    expense_total = numbers["expense_total"]
    if opening < 0:              # keep the balance positive with one more expense line
        extra = -opening + Decimal("10000.00")
        block = re.sub(r"(?m)^    income_total: ",
                       lambda m: f"      - {{item: 公共设施维修, amount: {extra:.2f}}}\n" + m.group(0), block, count=1)
        expense_total += extra
        opening += extra
    for key, value in (("opening", opening), ("expense_total", expense_total), ("closing", closing)):
        block = re.sub(rf"(?m)^    {key}: .*$", f"    {key}: {value:.2f}", block, count=1)
    statements.insert(first, block)
    return head + "".join("  - id: " + s for s in statements)


def earlier_items(text: str) -> str:
    """The 2024 key items again as 2023's, every date a year earlier."""
    starts = [m.start() for m in _ITEM.finditer(text)] + [len(text)]
    blocks = [text[a:b] for a, b in zip(starts, starts[1:])]
    earlier = [shift_years(b) for b in blocks if _ITEM.match(b).group(1) == "2024"]
    earlier = [b if b.endswith("\n") else b + "\n" for b in earlier]
    return text[:starts[0]] + "".join(earlier + blocks)


_LIST_2024 = re.compile(r"^  - \{id: [A-Z]-2024-")


def earlier_list_entries(text: str) -> str:
    """Each run of 2024 list entries is preceded by its 2023 copy, so the sources of 2023's items exist."""
    out: list[str] = []
    run: list[str] = []
    for line in text.split("\n"):
        if _LIST_2024.match(line):
            run.append(line)
            continue
        out += [shift_years(r) for r in run] + run + [line]
        run = []
    return "\n".join(out + [shift_years(r) for r in run] + run)


# ---------------------------------------------------------------- the benchmark's edit
def edit_one_community(project: Path, slug: str, month: str | None = None, mark: str = "（已更新）") -> Path:
    """Change the page text of one community, still valid: an activity's title,
    the first one in `month` (YYYY-MM, so the month's calendar poster changes too) if any."""
    path = project / "communities" / slug / "activities.yml"
    text = path.read_text(encoding="utf-8")
    day = re.escape(month) + r"-\d\d" if month else r"[^,]+"
    edited = re.sub(rf"(?m)^(  - \{{date: {day},[^}}]*?title: )([^,}}]+)", lambda m: m.group(1) + m.group(2) + mark,
                    text, count=1)
    if edited == text and month:
        return edit_one_community(project, slug, None, mark)
    if edited == text:
        raise ValueError(f"no activity title to edit in {path}")
    path.write_text(edited, encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--communities", type=int, default=8)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    twins = make_city(args.folder, args.communities, args.seed)
    print(f"{len(twins)} synthetic communities in {args.folder}")


if __name__ == "__main__":
    main()
