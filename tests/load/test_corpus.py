"""The bad-input corpus: what staff see when a data file is wrong.

Each folder in corpus/ holds one data file, named as the real file it
replaces in an example community, and expect.yml:

    file: community.yml      # the file's name in the community
    line: 3                  # where the finding must point (0: the file as a whole)
    column: 5                # optional
    message: 全角冒号“：”     # must appear on that output line
    hint: households         # optional: must appear in the 修改建议 line below it
    also: [{line, message, hint}]   # optional further findings in the same file
    exit: 1                  # gongshi validate's exit code
    community: wangjiang     # optional (default wangjiang)
    remove: [funds.yml]      # optional: files taken out of the community first
    generate: large          # optional: the file is made here, not kept in git

Without `message`, the case is a file that must load with no finding at all.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import AS_OF, copy_examples, run_cli

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(p for p in CORPUS.iterdir() if p.is_dir())


def large_file() -> bytes:
    """Valid YAML just over the size limit: an activity calendar for a very busy community."""
    entry = "  - {date: 2025-03-05, title: 学雷锋便民服务集市, kind: 志愿服务, place: 社区党群服务中心广场}\n"
    return ("activities:\n" + entry * (2_300_000 // len(entry.encode()))).encode("utf-8")


def expectations(expect: dict[str, Any]) -> list[dict[str, Any]]:
    first = {k: expect[k] for k in ("line", "column", "message", "hint") if k in expect}
    return [first, *expect.get("also", [])]


def find_line(output: list[str], prefix: str, message: str) -> int | None:
    for index, line in enumerate(output):
        if line.startswith(prefix) and message in line:
            return index
    return None


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_corpus_case(case: Path, tmp_path: Path) -> None:
    expect = yaml.safe_load((case / "expect.yml").read_text(encoding="utf-8"))
    slug = expect.get("community", "wangjiang")
    root = copy_examples(tmp_path)
    folder = root / "communities" / slug
    for name in expect.get("remove", []):
        (folder / name).unlink()
    target = folder / expect["file"]
    if expect.get("generate") == "large":
        target.write_bytes(large_file())
    else:
        shutil.copyfile(case / expect["file"], target)

    result = run_cli(root, "validate", f"communities/{slug}", "--as-of", AS_OF.isoformat())
    output = result.output.splitlines()
    shown = "\n".join(output)
    assert "Traceback" not in shown and "内部错误" not in shown, shown
    assert result.exit_code == expect["exit"], shown

    file = f"communities/{slug}/{expect['file']}"
    if "message" not in expect:
        assert not [line for line in output if line.startswith(file)], shown
        return
    for wanted in expectations(expect):
        if wanted["line"] == 0:
            prefix = f"{file}: "
        else:
            prefix = f"{file}:{wanted['line']}:" + (f"{wanted['column']}:" if "column" in wanted else "")
        index = find_line(output, prefix, wanted["message"])
        assert index is not None, f"no line starting {prefix!r} with {wanted['message']!r}:\n{shown}"
        if "hint" in wanted:
            hint = output[index + 1] if index + 1 < len(output) else ""
            assert hint.startswith("    修改建议：") and wanted["hint"] in hint, f"hint {wanted['hint']!r}:\n{shown}"
