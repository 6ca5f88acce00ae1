"""The Neo4j side of the graph schema, shared by the loader, the CSV export and the Cypher lint.

Every label, key, property and relationship type the sinks write is declared here with its
Neo4j type, so that

* the transactional loader and the bulk-import CSVs store the *same* properties
  (both go through :func:`node_props` / :func:`rel_props`);
* the CSV headers (``first_seen:date``, ``aliases:string[]``) come from one table;
* the Cypher lint test can tell Neo4j's parser which labels, types and keys exist.

Storage rule (both sinks): a property whose value is ``None``, ``""`` or an empty list is
not stored. ``neo4j-admin import`` cannot store an empty array and an empty field means
"no value", so the transactional loader follows the same rule; queries read such
properties with ``coalesce(x, [])`` / ``coalesce(x, '')``.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from kg.errors import KgError

__all__ = [
    "NODE_KEYS", "NODE_PROPERTIES", "REL_ENDPOINTS", "REL_PROPERTIES", "DERIVED_RELS",
    "SchemaError", "node_props", "rel_props", "property_keys",
]

#: The key property of each node label (unique, backed by a constraint).
NODE_KEYS: dict[str, str] = {
    "Paper": "arxiv_id",
    "Author": "key",
    "Category": "code",
    "Digest": "id",
    "Method": "key",
    "Dataset": "key",
    "Repository": "url",
}

_S, _D, _L, _B, _A = "string", "date", "long", "boolean", "string[]"

#: Property name -> neo4j-admin import type, per node label (the order is the CSV column order).
NODE_PROPERTIES: dict[str, dict[str, str]] = {
    "Paper": {
        "arxiv_id": _S, "title": _S, "abstract": _S, "tldr": _S, "summary_language": _S, "url": _S,
        "primary_category": _S, "categories": _A, "first_seen": _D, "last_seen": _D, "date_precision": _S,
        "version": _S, "comment": _S, "keywords": _A, "translated_title": _S, "doi": _S,
    },
    "Author": {"key": _S, "name": _S, "probable_merge": _B, "merge_evidence": _S},
    "Category": {"code": _S, "name": _S, "group": _S},
    "Digest": {"id": _S, "date": _D, "source": _S, "format": _S},
    "Method": {"key": _S, "name": _S, "aliases": _A, "group": _S},
    "Dataset": {"key": _S, "name": _S, "aliases": _A},
    "Repository": {"url": _S, "host": _S},
}

#: Relationship type -> (start label, end label).
REL_ENDPOINTS: dict[str, tuple[str, str]] = {
    "AUTHORED": ("Author", "Paper"),
    "IN_CATEGORY": ("Paper", "Category"),
    "LISTED_IN": ("Paper", "Digest"),
    "MENTIONS": ("Paper", "Method"),
    "PROPOSES": ("Paper", "Method"),
    "USES_DATASET": ("Paper", "Dataset"),
    "HAS_CODE": ("Paper", "Repository"),
    "CO_AUTHORED": ("Author", "Author"),
    "CO_OCCURS": ("Method", "Method"),
}

#: Property name -> neo4j-admin import type, per relationship type.
REL_PROPERTIES: dict[str, dict[str, str]] = {
    "AUTHORED": {"position": _L},
    "IN_CATEGORY": {"primary": _B},
    "LISTED_IN": {},
    "MENTIONS": {"count": _L, "in_title": _B, "sources": _A},
    "PROPOSES": {},
    "USES_DATASET": {},
    "HAS_CODE": {},
    "CO_AUTHORED": {"weight": _L, "first": _D, "last": _D},
    "CO_OCCURS": {"weight": _L},
}

#: Relationships derived from others (stored once, smaller node id -> larger); the loader
#: recomputes them in the database instead of sending the graph's values.
DERIVED_RELS: tuple[str, ...] = ("CO_AUTHORED", "CO_OCCURS")


class SchemaError(KgError):
    """A graph attribute that the Neo4j schema does not declare, or of the wrong type."""


#: Set and removed in one transaction by the CO_AUTHORED/CO_OCCURS recompute to write-lock a pair's end nodes;
#: never stored.
LOCK_PROPERTY = "_kg_lock"


def property_keys() -> list[str]:
    """Every property key of every label and relationship type, and :data:`LOCK_PROPERTY`, sorted (for the Cypher lint)."""
    keys = {LOCK_PROPERTY} | {k for props in NODE_PROPERTIES.values() for k in props}
    keys |= {k for props in REL_PROPERTIES.values() for k in props}
    return sorted(keys)


def node_props(label: str, attrs: Mapping[str, Any]) -> dict[str, Any]:
    """The properties Neo4j stores for a graph node: declared, typed, empty values dropped.

    Args:
        label: the node's label (``attrs["label"]`` is ignored, it is not a property).
        attrs: the networkx node attributes.

    Returns:
        A new dict in declaration order; lists are copied as lists of ``str``.

    Raises:
        SchemaError: an attribute that is not declared for the label, or a value of the wrong type.
    """
    declared = NODE_PROPERTIES.get(label)
    if declared is None:
        raise SchemaError(f"node label {label!r} is not in the Neo4j schema (kg/store/schema.py)")
    return _storable(label, declared, {k: v for k, v in attrs.items() if k != "label"})


def rel_props(rel_type: str, attrs: Mapping[str, Any]) -> dict[str, Any]:
    """The properties Neo4j stores for a graph edge (``type`` is the relationship type, not a property).

    Raises:
        SchemaError: as :func:`node_props`.
    """
    declared = REL_PROPERTIES.get(rel_type)
    if declared is None:
        raise SchemaError(f"relationship type {rel_type!r} is not in the Neo4j schema (kg/store/schema.py)")
    return _storable(rel_type, declared, {k: v for k, v in attrs.items() if k != "type"})


def _storable(owner: str, declared: Mapping[str, str], attrs: Mapping[str, Any]) -> dict[str, Any]:
    unknown = attrs.keys() - declared.keys()
    if unknown:
        raise SchemaError(f"{owner} has properties {sorted(unknown)} that kg/store/schema.py does not declare")
    out: dict[str, Any] = {}
    for name, kind in declared.items():
        value = attrs.get(name)
        if value is None or value == "" or (isinstance(value, (list, tuple)) and not value):
            continue
        out[name] = _checked(owner, name, kind, value)
    return out


def _checked(owner: str, name: str, kind: str, value: Any) -> Any:
    ok = {
        "string": lambda v: isinstance(v, str),
        "long": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "boolean": lambda v: isinstance(v, bool),
        # datetime is a date subclass, but the driver would send it as a DateTime
        "date": lambda v: isinstance(v, dt.date) and not isinstance(v, dt.datetime),
        "string[]": lambda v: isinstance(v, (list, tuple)) and all(isinstance(x, str) for x in v),
    }[kind]
    if not ok(value):
        raise SchemaError(f"{owner}.{name} must be {kind}, got {type(value).__name__}: {value!r:.60}")
    return list(value) if kind == "string[]" else value
