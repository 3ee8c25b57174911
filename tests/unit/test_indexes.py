"""The declared indexes: deployed to Firestore as committed, and used by SQLite's queries."""

from __future__ import annotations

from pathlib import Path

import pytest

from infra.firestore_indexes import INDEXES_JSON, render
from shared.adapters.store_sqlite import SqliteDocumentStore
from shared.indexes import QUERY_INDEXES, QueryIndex
from shared.ports import FieldFilter, Query


def test_the_committed_firestore_indexes_are_the_generated_ones() -> None:
    assert INDEXES_JSON.read_text(encoding="utf-8") == render(), (
        "terraform/firestore_indexes.json is stale: run python -m infra.firestore_indexes"
    )


@pytest.mark.parametrize("index", QUERY_INDEXES, ids=lambda index: index.name)
def test_sqlite_searches_the_index_on_every_declared_field(
    index: QueryIndex, tmp_path: Path
) -> None:
    store = SqliteDocumentStore(tmp_path / "store.sqlite3")
    filters = [FieldFilter(index.fields[0], "==", "x")]
    filters += [FieldFilter(field, "in", ["a", "b"]) for field in index.fields[1:]]
    query = Query(index.collection, filters)
    # White-box on purpose: the plan is the only place where a drift between the indexed
    # expressions and the filters' expressions would show (the query would still answer).
    where, params = store._where(query)
    sql = f"EXPLAIN QUERY PLAN SELECT data FROM {store._source(query)} WHERE {where}"
    (plan,) = [row[3] for row in store._connection().execute(sql, params)]
    expressions = " AND ".join(["collection=?", *["<expr>=?"] * len(index.fields)])
    assert plan == f"SEARCH documents USING INDEX {index.name} ({expressions})"
