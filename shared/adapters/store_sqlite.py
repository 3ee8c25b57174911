"""The embedded document store: Firestore's collection/document model kept in one SQLite file."""

from __future__ import annotations

import itertools
import json
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import orjson

from shared.errors import BadInput, NotFound
from shared.indexes import QUERY_INDEXES, QueryIndex
from shared.ports import Document, FieldFilter, Query, StoreTransaction, effective_order_field

T = TypeVar("T")
_IDS_PER_STATEMENT = 500

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    collection TEXT NOT NULL,
    id TEXT NOT NULL,
    data TEXT NOT NULL,
    PRIMARY KEY (collection, id)
) WITHOUT ROWID;
"""


def _field_sql(field: str) -> str:
    # Field names become part of a JSON path; only plain identifiers are allowed so that a
    # name can never change the shape of the SQL around it.
    if not field.replace("_", "").isalnum():
        raise BadInput(f"unsupported field name in a query: {field!r}")
    return f"json_extract(data, '$.{field}')"


def _index_sql(index: QueryIndex) -> str:
    # The indexed expressions are built by _field_sql, the function that writes the filters:
    # SQLite uses an expression index only when the query spells the expression identically.
    if not index.name.replace("_", "").isalnum():
        raise BadInput(f"unsupported index name: {index.name!r}")
    columns = ", ".join(["collection", *map(_field_sql, index.fields)])
    return f"CREATE INDEX IF NOT EXISTS {index.name} ON documents ({columns})"


def _index_for(query: Query, indexes: Sequence[QueryIndex]) -> QueryIndex | None:
    """The declared index whose leading fields the query's ==/in filters pin down the most."""
    pinned = {
        f.field for f in query.filters if f.op == "in" or (f.op == "==" and f.value is not None)
    }
    best, best_pinned = None, 0
    for index in indexes:
        if index.collection != query.collection:
            continue
        leading = len(list(itertools.takewhile(pinned.__contains__, index.fields)))
        if leading > best_pinned:
            best, best_pinned = index, leading
    return best


def _data_sql(fields: Sequence[str] | None) -> str:
    """The document, or with a projection only its named fields, as JSON text."""
    if fields is None:
        return "data"
    for field in fields:
        _field_sql(field)  # refuses anything but a plain identifier
    pairs = ", ".join(f"'{field}', data -> '$.{field}'" for field in fields)
    return f"json_object({pairs})"


def _to_sql_value(value: Any) -> Any:
    # json_extract yields 1/0 for JSON booleans and TEXT for strings; bind the same shapes.
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True)
    return value


def _condition(flt: FieldFilter) -> tuple[str, list[Any]]:
    column = _field_sql(flt.field)
    if flt.op in ("in", "array_contains_any"):
        values = list(flt.value)
        if not values:
            return "0", []
        marks = ",".join("?" * len(values))
        params = [_to_sql_value(v) for v in values]
        if flt.op == "in":
            return f"{column} IN ({marks})", params
        return (
            f"EXISTS (SELECT 1 FROM json_each(data, '$.{flt.field}') WHERE value IN ({marks}))",
            params,
        )
    if flt.op == "array_contains":
        return (
            f"EXISTS (SELECT 1 FROM json_each(data, '$.{flt.field}') WHERE value = ?)",
            [_to_sql_value(flt.value)],
        )
    if flt.op == "==" and flt.value is None:
        return f"json_type(data, '$.{flt.field}') = 'null'", []
    if flt.op == "!=":
        # As in Firestore, documents without the field (or with null) never match "!=".
        return f"({column} IS NOT NULL AND {column} != ?)", [_to_sql_value(flt.value)]
    sql_op = "=" if flt.op == "==" else flt.op
    return f"{column} {sql_op} ?", [_to_sql_value(flt.value)]


class _SqliteTransaction:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection

    def get(self, collection: str, doc_id: str) -> Document | None:
        row = self._connection.execute(
            "SELECT data FROM documents WHERE collection = ? AND id = ?", (collection, doc_id)
        ).fetchone()
        return None if row is None else dict(orjson.loads(row[0]))

    def get_many(
        self, collection: str, doc_ids: Sequence[str], fields: Sequence[str] | None = None
    ) -> dict[str, Document]:
        found: dict[str, Document] = {}
        ids = list(dict.fromkeys(doc_ids))
        for start in range(0, len(ids), _IDS_PER_STATEMENT):
            chunk = ids[start : start + _IDS_PER_STATEMENT]
            rows = self._connection.execute(
                f"SELECT id, {_data_sql(fields)} FROM documents WHERE collection = ? "
                f"AND id IN ({','.join('?' * len(chunk))})",
                (collection, *chunk),
            )
            found.update((row[0], orjson.loads(row[1])) for row in rows)
        return found

    def set(self, collection: str, doc_id: str, document: Document) -> None:
        self._connection.execute(
            "INSERT OR REPLACE INTO documents (collection, id, data) VALUES (?, ?, ?)",
            (collection, doc_id, json.dumps(document)),
        )

    def set_many(self, collection: str, documents: dict[str, Document]) -> None:
        self._connection.executemany(
            "INSERT OR REPLACE INTO documents (collection, id, data) VALUES (?, ?, ?)",
            [(collection, doc_id, json.dumps(doc)) for doc_id, doc in documents.items()],
        )

    def delete(self, collection: str, doc_id: str) -> None:
        self._connection.execute(
            "DELETE FROM documents WHERE collection = ? AND id = ?", (collection, doc_id)
        )


class SqliteDocumentStore:
    """One connection per thread; writes serialise on SQLite's lock (WAL lets reads go on)."""

    def __init__(self, path: Path | str, indexes: Sequence[QueryIndex] = QUERY_INDEXES) -> None:
        self._path = str(path)
        if self._path != ":memory:":
            Path(self._path).parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._indexes = tuple(indexes)
        with self._write() as connection:
            connection.execute(_SCHEMA)
            for index in indexes:
                connection.execute(_index_sql(index))

    def _connection(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = sqlite3.connect(self._path, timeout=30, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            self._local.connection = connection
        return connection

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        connection = self._connection()
        # IMMEDIATE takes the write lock up front, so reads inside see no concurrent writer:
        # that is what makes read-modify-write safe across threads and processes.
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield connection
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")

    def get(self, collection: str, doc_id: str) -> Document | None:
        return _SqliteTransaction(self._connection()).get(collection, doc_id)

    def get_many(
        self, collection: str, doc_ids: Sequence[str], fields: Sequence[str] | None = None
    ) -> dict[str, Document]:
        return _SqliteTransaction(self._connection()).get_many(collection, doc_ids, fields)

    def create(self, collection: str, doc_id: str, document: Document) -> bool:
        with self._write() as connection:
            cursor = connection.execute(
                "INSERT OR IGNORE INTO documents (collection, id, data) VALUES (?, ?, ?)",
                (collection, doc_id, json.dumps(document)),
            )
            return cursor.rowcount == 1

    def set(self, collection: str, doc_id: str, document: Document) -> None:
        with self._write() as connection:
            _SqliteTransaction(connection).set(collection, doc_id, document)

    def set_many(self, collection: str, documents: dict[str, Document]) -> None:
        with self._write() as connection:
            _SqliteTransaction(connection).set_many(collection, documents)

    def update(self, collection: str, doc_id: str, fields: Document) -> None:
        with self._write() as connection:
            transaction = _SqliteTransaction(connection)
            current = transaction.get(collection, doc_id)
            if current is None:
                raise NotFound(f"{collection}/{doc_id} does not exist")
            transaction.set(collection, doc_id, {**current, **fields})

    def delete(self, collection: str, doc_id: str) -> None:
        with self._write() as connection:
            _SqliteTransaction(connection).delete(collection, doc_id)

    def _source(self, query: Query) -> str:
        # Without statistics SQLite's planner prefers the covering primary key (a scan of the
        # whole collection) to any expression index; name the index, as Firestore would use it.
        index = _index_for(query, self._indexes)
        return "documents" if index is None else f"documents INDEXED BY {index.name}"

    def _where(self, query: Query) -> tuple[str, list[Any]]:
        clauses, params = ["collection = ?"], [query.collection]
        for flt in query.filters:
            clause, values = _condition(flt)
            clauses.append(clause)
            params.extend(values)
        return " AND ".join(clauses), params

    def query(self, query: Query) -> list[Document]:
        where, params = self._where(query)
        direction = "DESC" if query.descending else "ASC"
        comparison = "<" if query.descending else ">"
        order_by = effective_order_field(query)
        if order_by:
            column = _field_sql(order_by)
            # Firestore leaves out documents that lack the ordered field.
            where += f" AND json_type(data, '$.{order_by}') IS NOT NULL"
            order = f"{column} {direction}, id {direction}"
            if query.start_after_id is not None:
                cursor_doc = self.get(query.collection, query.start_after_id)
                if cursor_doc is None:
                    raise NotFound(f"cursor document {query.start_after_id} does not exist")
                where += f" AND ({column} {comparison} ? OR ({column} = ? AND id {comparison} ?))"
                value = _to_sql_value(cursor_doc.get(order_by))
                params += [value, value, query.start_after_id]
        else:
            order = f"id {direction}"
            if query.start_after_id is not None:
                where += f" AND id {comparison} ?"
                params.append(query.start_after_id)
        data = _data_sql(query.fields)
        sql = f"SELECT {data} FROM {self._source(query)} WHERE {where} ORDER BY {order}"
        if query.limit is not None:
            sql += " LIMIT ?"
            params.append(query.limit)
        return [orjson.loads(row[0]) for row in self._connection().execute(sql, params)]

    def count(self, query: Query) -> int:
        where, params = self._where(query)
        row = self._connection().execute(
            f"SELECT COUNT(*) FROM {self._source(query)} WHERE {where}", params
        )
        return int(row.fetchone()[0])

    def run_transaction(self, work: Callable[[StoreTransaction], T]) -> T:
        with self._write() as connection:
            return work(_SqliteTransaction(connection))
