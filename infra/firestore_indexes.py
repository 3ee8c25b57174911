"""Writes terraform/firestore_indexes.json from the indexes declared in shared.indexes."""

from __future__ import annotations

import json
from pathlib import Path

from shared.indexes import firestore_index_definitions

INDEXES_JSON = Path(__file__).resolve().parents[1] / "terraform" / "firestore_indexes.json"


def render() -> str:
    return json.dumps(firestore_index_definitions(), indent=2) + "\n"


def main() -> None:
    INDEXES_JSON.write_text(render(), encoding="utf-8")
    print(f"wrote {INDEXES_JSON}")


if __name__ == "__main__":
    main()
