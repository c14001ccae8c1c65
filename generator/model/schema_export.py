"""JSON Schema for every data file, generated from the same models that
validate at run time, so the editor's completion can never drift from the
validator."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator import addresses
from generator.model.records import FILE_MODELS, FILE_TITLES

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def file_schema(filename: str) -> dict[str, Any]:
    schema = FILE_MODELS[filename].model_json_schema(mode="validation")
    schema["$schema"] = SCHEMA_DIALECT
    schema["title"] = f"gongshi {filename}：{FILE_TITLES[filename]}"
    return schema


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for filename in FILE_MODELS:
        path = folder / Path(addresses.schema_file(filename)).name
        path.write_text(json.dumps(file_schema(filename), ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                        encoding="utf-8")
        written.append(path)
    return written
