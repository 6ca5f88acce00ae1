"""File sinks for the graph: GraphML, node-link JSON and the build summary.

Both graph writers stream: they walk the graph once, write as they go and never copy it,
so their memory does not grow with the output (a year of digests is a few hundred MB of
GraphML). Output is deterministic: the same graph gives the same bytes.

GraphML (:func:`write_graphml`) is laid out as networkx's ``write_graphml`` lays it out
(same keys, ids, order and indentation), with two differences:

* a node's ``label`` is its **display name** (a paper's title, an author's, method's or
  dataset's name, a category's code, a digest's id, a repository's URL: see
  :func:`kg.graph.display_name`) and its type (the Neo4j label, ``Paper``, ``Author``, ...) is
  in its own ``type`` attribute, so Gephi and yEd caption nodes with something readable;
* text is XML-safe whatever it holds: characters XML 1.0 forbids become U+FFFD
  (:func:`kg.safetext.xml_text`) and a carriage return is written ``&#13;``.

GraphML cannot hold lists or dates: lists are joined with ``;`` and dates written as ISO
strings (:func:`flat_graph` gives the same values as a graph).

Node-link JSON (:func:`write_node_link`) is byte for byte what
``json.dumps(nx.node_link_data(G, edges="edges"), ensure_ascii=False, indent=1)`` gave
(``nx.node_link_graph(data, edges="edges")`` reads it back), made with msgspec's encoder a
few thousand elements at a time; lone surrogates, which UTF-8 cannot hold, become U+FFFD.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from pathlib import Path
from typing import Any, BinaryIO

import msgspec
import networkx as nx

from kg.graph import display_name, gc_paused, keyed_edges
from kg.safetext import xml_text

__all__ = ["LIST_DELIMITER", "flat_graph", "write_graphml", "write_node_link", "write_summary"]

#: Joins list-valued properties in GraphML (the same delimiter the Neo4j import files use).
LIST_DELIMITER = ";"
_BUFFER = 1 << 20  # bytes per write: big enough that the system calls do not count
_BATCH = 4096  # graph elements per encoder call


def _flat(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, frozenset)):
        return LIST_DELIMITER.join(str(v) for v in value)
    return value


def flat_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` whose attribute values are all GraphML scalars (str, int, float, bool).

    The writers do not need it (they flatten as they write); it is for code that wants the
    GraphML values as a graph.

    >>> G = nx.MultiDiGraph(); G.add_node("Paper:1", categories=["cs.LG", "cs.AI"], first_seen=dt.date(2026, 1, 5))
    >>> flat_graph(G).nodes["Paper:1"]
    {'categories': 'cs.LG;cs.AI', 'first_seen': '2026-01-05'}
    """
    H = nx.MultiDiGraph(**{k: _flat(v) for k, v in G.graph.items()})
    H.add_nodes_from((n, {k: _flat(v) for k, v in d.items()}) for n, d in G.nodes(data=True))
    H.add_edges_from((u, v, k, {a: _flat(x) for a, x in d.items()}) for u, v, k, d in G.edges(keys=True, data=True))
    return H


# --------------------------------------------------------------------------- GraphML

_HEADER = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns'
    ' http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
)
# What needs work before text goes into XML: markup characters, CR, and what XML 1.0 forbids.
_XML_SPECIAL = re.compile("[&<>\"\r\n\t\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TEXT_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
_ATTR_ESCAPES = {**_TEXT_ESCAPES, '"': "&quot;", "\n": "&#10;", "\t": "&#09;"}
_XML_TYPES: dict[type, str] = {int: "long", bool: "boolean", float: "double"}


def _escaper(table: dict[str, str]) -> Callable[[str], str]:
    specials = re.compile("[" + re.escape("".join(table)) + "]")

    def escape(text: str) -> str:
        if _XML_SPECIAL.search(text) is None:  # nearly every value: one scan, no copy
            return text
        text = xml_text(text)[0]
        return specials.sub(lambda m: table[m.group()], text)

    return escape


_text = _escaper(_TEXT_ESCAPES)  # element content: as ElementTree escapes it, plus CR
_attr = _escaper(_ATTR_ESCAPES)  # attribute values (node ids)


def _xml_type(value_type: type) -> str:
    """The GraphML ``attr.type`` of a Python type, as networkx names it (numpy scalars included)."""
    from networkx.readwrite.graphml import GraphML

    writer = GraphML()
    writer.construct_types()
    if value_type not in writer.xml_type:
        raise TypeError(f"GraphML does not support {value_type.__name__} values")
    return writer.xml_type[value_type]


def _scalar(value: Any) -> tuple[str, str]:
    """The text of one GraphML value and the ``attr.type`` of its key."""
    kind = type(value)
    if kind is str:
        return value, "string"
    xml_type = _XML_TYPES.get(kind)
    if xml_type is not None:
        return str(value), xml_type
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat(), "string"
    if isinstance(value, (list, tuple, set, frozenset)):
        return LIST_DELIMITER.join(str(v) for v in value), "string"
    return str(value), _xml_type(kind)


class _Keys:
    """GraphML ``<key>`` declarations, numbered ``d0, d1, ...`` in the order first met (as networkx does).

    A key is one (name, attr.type, scope): an attribute holding ints on some edges and
    strings on others gets two keys, as with networkx.
    """

    def __init__(self) -> None:
        self.ids: dict[tuple[str, str, str], str] = {}

    def id(self, name: str, xml_type: str, scope: str) -> str:
        found = self.ids.get((name, xml_type, scope))
        if found is None:
            found = self.ids[(name, xml_type, scope)] = f"d{len(self.ids)}"
        return found

    def lines(self) -> str:
        # networkx inserts each new key at the top of the document: the last one comes first.
        return "".join(
            f'  <key id="{key_id}" for="{scope}" attr.name="{_attr(name)}" attr.type="{xml_type}" />\n'
            for (name, xml_type, scope), key_id in reversed(self.ids.items())
        )


def _data_lines(keys: _Keys, items: Iterable[tuple[str, Any]], scope: str, indent: str) -> str:
    parts = []
    key_id = keys.ids.get
    needs_work = _XML_SPECIAL.search
    for name, value in items:
        if type(value) is str:  # most values: no conversion, and usually nothing to escape
            text, xml_type = (_text(value) if needs_work(value) else value), "string"
        else:
            text, xml_type = _scalar(value)
            text = _text(text)
        k = key_id((name, xml_type, scope)) or keys.id(str(name), xml_type, scope)
        # ElementTree writes an empty element for an empty value: so do we
        parts.append(f'{indent}<data key="{k}">{text}</data>\n' if text else f'{indent}<data key="{k}" />\n')
    return "".join(parts)


def _node_items(attrs: dict[str, Any], captions: bool) -> Iterable[tuple[str, Any]]:
    """A node's GraphML data: ``label`` = display name and ``type`` = its label first, then the rest."""
    if not captions or "label" not in attrs or "type" in attrs:
        return attrs.items()
    rest = [(k, v) for k, v in attrs.items() if k != "label"]
    return [("label", display_name(attrs)), ("type", attrs["label"]), *rest]


_CACHE_LIMIT = 1 << 18  # distinct edge bodies remembered (a few MB): edges repeat a few shapes


def _graphml_body(G: nx.Graph, keys: _Keys, out: BinaryIO, captions: bool) -> bool:
    """Write the nodes, edges and graph data of ``G``; True when anything was written."""
    graph_items = [(k, v) for k, v in G.graph.items() if k not in ("node_default", "edge_default", "id")]
    for name, value in graph_items:  # networkx numbers the graph's keys first, writes their data last
        keys.id(str(name), _scalar(value)[1], "graph")
    ids: dict[Any, str] = {}
    chunk: list[str] = []

    def flush() -> None:
        out.write("".join(chunk).encode("utf-8"))
        chunk.clear()

    for node, attrs in G.nodes(data=True):
        ids[node] = nid = _attr(str(node))
        data = _data_lines(keys, _node_items(attrs, captions), "node", "      ")
        chunk.append(f'    <node id="{nid}">\n{data}    </node>\n' if data else f'    <node id="{nid}" />\n')
        if len(chunk) >= 4096:
            flush()
    # Most edges have one of a few shapes (AUTHORED with a position, IN_CATEGORY primary or not,
    # CO_AUTHORED with a weight and two dates): their <data> lines are made once per shape.
    bodies: dict[tuple[Any, ...], str] = {}
    edge_ids: dict[Any, str] = {}
    for u, v, key, attrs in keyed_edges(G):
        if key is None:
            head = f'    <edge source="{ids[u]}" target="{ids[v]}"'
        else:
            eid = edge_ids.get(key)
            if eid is None:
                eid = edge_ids[key] = _attr(str(key))
            head = f'    <edge source="{ids[u]}" target="{ids[v]}" id="{eid}"'
        try:
            shape = (*attrs.items(), *map(type, attrs.values()))  # True == 1: the types tell them apart
            data = bodies.get(shape)
        except TypeError:  # a list value: not hashable, made each time
            shape, data = None, None
        if data is None:
            data = _data_lines(keys, attrs.items(), "edge", "      ")
            if shape is not None and len(bodies) < _CACHE_LIMIT:
                bodies[shape] = data
        chunk.append(f"{head}>\n{data}    </edge>\n" if data else f"{head} />\n")
        if len(chunk) >= 8192:
            flush()
    chunk.append(_data_lines(keys, graph_items, "graph", "    "))
    flush()
    return bool(ids or G.number_of_edges() or graph_items)


def write_graphml(G: nx.MultiDiGraph, path: str | os.PathLike[str], *, captions: bool = True) -> Path:
    """Write ``G`` as GraphML, streaming (lists joined with ``;``, dates as ISO strings).

    Args:
        G: the graph (any networkx graph; kg's schema is not required).
        path: the file to write.
        captions: give each node with a ``label`` (and no ``type``) its display name as
            ``label`` and the label as ``type`` (see the module docstring); ``False`` writes
            the attributes as they are.

    The body goes to a temporary file beside ``path`` first: the ``<key>`` declarations that
    open the document are only known once every value has been seen.

    Raises:
        TypeError: a value GraphML cannot hold (``None``, an object).
    """
    path = Path(path)
    keys = _Keys()
    body = path.with_name(f".{path.name}.body")
    with gc_paused():
        try:
            with body.open("wb", buffering=_BUFFER) as out:
                nonempty = _graphml_body(G, keys, out, captions)
            graph_id = G.graph.get("id")
            open_tag = f'  <graph edgedefault="{"directed" if G.is_directed() else "undirected"}"'
            open_tag += f' id="{_attr(str(graph_id))}"' if graph_id is not None else ""
            with path.open("wb") as out, body.open("rb") as rest:
                out.write((_HEADER + keys.lines() + open_tag + (">\n" if nonempty else " />\n")).encode("utf-8"))
                shutil.copyfileobj(rest, out, _BUFFER)
                out.write(("  </graph>\n</graphml>\n" if nonempty else "</graphml>\n").encode("utf-8"))
        finally:
            body.unlink(missing_ok=True)
    return path


# --------------------------------------------------------------------------- node-link JSON

def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return sorted(value)
    raise TypeError(f"cannot write {type(value).__name__} to JSON")


# Value types msgspec writes exactly as json.dumps(default=_json_default) does; anything else
# (sets: sorted by the default; floats, datetimes: formatted differently) goes through json.
_MSGSPEC_SAME = frozenset({str, int, bool, list, tuple, dt.date, type(None)})


def _encode_batch(items: list[dict[str, Any]]) -> bytes:
    """``items`` as the lines json.dumps(indent=1) gives them two levels down, joined by ``,\\n``."""
    if set(map(type, chain.from_iterable(map(dict.values, items)))) <= _MSGSPEC_SAME:
        try:
            text = msgspec.json.format(msgspec.json.encode(items), indent=1)
        except (UnicodeEncodeError, OverflowError, TypeError):  # a lone surrogate, an int beyond 64 bits
            pass
        else:
            return b" " + text[2:-2].replace(b"\n", b"\n ")  # drop "[\n" and "\n]"; one more space of indent
    return ",\n".join(_json_element(item) for item in items).encode("utf-8")


def _json_element(item: dict[str, Any]) -> str:
    text = json.dumps(item, ensure_ascii=False, indent=1, default=_json_default)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates (control characters are already \u-escaped)
        text = xml_text(text)[0]
    return "  " + text.replace("\n", "\n  ")


def _batches(items: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    items = iter(items)
    while batch := list(islice(items, _BATCH)):
        yield batch


def _json_list(out: BinaryIO, name: str, items: Iterable[dict[str, Any]], last: bool) -> None:
    out.write(f' "{name}": ['.encode())
    first = True
    for batch in _batches(items):
        out.write(b"\n" if first else b",\n")
        out.write(_encode_batch(batch))
        first = False
    out.write((b"]" if first else b"\n ]") + (b"\n" if last else b",\n"))


def write_node_link(G: nx.MultiDiGraph, path: str | os.PathLike[str]) -> Path:
    """Write ``G`` as networkx node-link JSON (``nx.node_link_graph(data, edges="edges")`` reads it back).

    Streams: one batch of nodes or edges in memory at a time. Keys as ``nx.node_link_data``
    makes them: a node's attributes then ``id`` (an attribute called ``id`` takes the node id),
    an edge's attributes then ``source``, ``target`` and (multigraphs) ``key``.
    """
    path = Path(path)
    graph = json.dumps(G.graph, ensure_ascii=False, indent=1, default=_json_default).replace("\n", "\n ")
    nodes = ({**attrs, "id": n} for n, attrs in G._node.items())
    if G.is_multigraph():
        edges = ({**d, "source": u, "target": v, "key": k} for u, v, k, d in keyed_edges(G))
    else:
        edges = ({**d, "source": u, "target": v} for u, v, _, d in keyed_edges(G))
    head = (f'{{\n "directed": {json.dumps(G.is_directed())},\n "multigraph": {json.dumps(G.is_multigraph())},\n'
            f' "graph": {graph},\n')
    with gc_paused(), path.open("wb", buffering=_BUFFER) as out:
        out.write(head.encode("utf-8", errors="replace"))
        _json_list(out, "nodes", nodes, last=False)
        _json_list(out, "edges", edges, last=True)
        out.write(b"}\n")
    return path


def write_summary(summary: dict[str, Any], path: str | os.PathLike[str]) -> Path:
    """Write the build summary as pretty JSON."""
    path = Path(path)
    path.write_text(json.dumps(summary, ensure_ascii=False, indent=2, default=_json_default) + "\n", encoding="utf-8")
    return path
