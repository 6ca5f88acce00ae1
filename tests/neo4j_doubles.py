"""A Neo4j driver double for the loader tests: records every statement and its parameters.

``FakeDriver(fail_on=...)`` raises a given exception at one of the points where the real
driver would ("connect", "version", "write", "read"); ``version`` sets what
``dbms.components()`` reports.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Counters:
    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0


class FakeResult:
    def __init__(self, records: list[dict[str, Any]], counters: Counters | None = None) -> None:
        self._records = records
        self._counters = counters or Counters()

    def single(self) -> dict[str, Any] | None:
        return self._records[0] if self._records else None

    def consume(self) -> Any:
        return type("Summary", (), {"counters": self._counters})()

    def keys(self) -> list[str]:
        return list(self._records[0]) if self._records else []

    def __iter__(self):
        # a neo4j.Record's values() and record["key"]
        return iter(type("Record", (), {"values": lambda self, r=r: list(r.values()),
                                        "__getitem__": lambda self, k, r=r: r[k]})() for r in self._records)


@dataclass
class Call:
    kind: str  # "run" (auto-commit), "write", "read"
    text: str
    params: dict[str, Any]
    database: str


class FakeTx:
    def __init__(self, driver: FakeDriver, kind: str, database: str) -> None:
        self.driver, self.kind, self.database = driver, kind, database

    def run(self, text: str, params: dict[str, Any] | None = None) -> FakeResult:
        params = params or {}
        self.driver.calls.append(Call(self.kind, text, params, self.database))
        self.driver.maybe_fail(self.kind)
        rows = params.get("rows")
        if self.kind == "read":
            return FakeResult(self.driver.read_rows)
        written = len(rows) if rows is not None else 0
        return FakeResult([{"written": written}] if rows is not None else [],
                          Counters(nodes_created=written, properties_set=2 * written))


class FakeSession:
    def __init__(self, driver: FakeDriver, database: str) -> None:
        self.driver, self.database = driver, database

    def __enter__(self) -> FakeSession:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def run(self, text: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        self.driver.calls.append(Call("run", text, params or {}, self.database))
        self.driver.maybe_fail("version")
        return [{"name": "Neo4j Kernel", "versions": [self.driver.version], "edition": "community"}]

    def execute_write(self, fn, *args: Any) -> Any:
        return fn(FakeTx(self.driver, "write", self.database), *args)

    def execute_read(self, fn, *args: Any) -> Any:
        return fn(FakeTx(self.driver, "read", self.database), *args)


@dataclass
class FakeDriver:
    version: str = "5.26.0"
    fail_on: str = ""
    error: BaseException | None = None
    read_rows: list[dict[str, Any]] = field(default_factory=list)
    calls: list[Call] = field(default_factory=list)
    uri: str = ""
    auth: tuple[str, str] = ("", "")
    closed: bool = False

    def factory(self, uri: str, auth: tuple[str, str]) -> FakeDriver:
        self.uri, self.auth = uri, auth
        return self

    def maybe_fail(self, point: str) -> None:
        if self.fail_on == point and self.error is not None:
            raise self.error

    def verify_connectivity(self) -> None:
        self.maybe_fail("connect")

    def session(self, database: str) -> FakeSession:
        return FakeSession(self, database)

    def close(self) -> None:
        self.closed = True

    def writes(self) -> list[Call]:
        return [c for c in self.calls if c.kind == "write"]
