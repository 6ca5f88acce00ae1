"""Node positions computed in Python, so the browser draws at once instead of simulating physics.

networkx's ``spring_layout`` and ``forceatlas2_layout`` take 10–12 s on 1,700 nodes (measured,
networkx 3.6); this is a vectorised Fruchterman–Reingold on each connected component
(dense NumPy, float32), with components packed on shelves, largest first: about a second
for the default cap of 1,500 nodes. Seeded, so the same graph gets the same picture.

Edges pull in proportion to their association strength in the picture, as in VOSviewer's
layout: ``a_ij = w_ij · 2W / (s_i · s_j)`` (``w`` joint papers or co-mentions, ``s`` a node's total
link weight, ``W`` the total), so a hub's many links do not drag everything into one knot and
close collaborators sit together. The edges of an author flagged as a probable merge of several
people (``probable_merge``) pull a quarter as hard again: a shared name is not a real bridge.
When nodes carry a ``community`` (the co-author network's Louvain communities), edges inside one
pull :data:`COMMUNITY_PULL` times as hard as edges between two, so each colour of the legend is
one region of the picture, as VOSviewer's clusters are.
"""
from __future__ import annotations

import math

import networkx as nx
import numpy as np

__all__ = ["layout"]

#: Median pixels between a node and its nearest neighbour (vis-network coordinates; nodes are 12–80 px wide).
SPACING = 70.0
#: Components bigger than this use networkx's sparse spring layout (dense memory is n² floats).
DENSE_LIMIT = 2500


#: How hard the edges of a probable merge pull, relative to the others.
MERGE_PULL = 0.25
#: How much harder an edge inside a community pulls than an edge between communities.
COMMUNITY_PULL = 4.0


def _fruchterman_reingold(edges: np.ndarray, pulls: np.ndarray, n: int, rng: np.random.Generator,
                          iterations: int) -> np.ndarray:
    """Positions (n × 2) of one connected component in about the unit square; ``pulls`` weights each edge."""
    pos = rng.random((n, 2), dtype=np.float32)
    k = np.float32(1.0 / math.sqrt(n))
    u, v = edges[:, 0], edges[:, 1]
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    for _ in range(iterations):
        dx = pos[:, 0, None] - pos[None, :, 0]
        dy = pos[:, 1, None] - pos[None, :, 1]
        d2 = np.maximum(dx * dx + dy * dy, np.float32(1e-6))
        repulse = (k * k) / d2  # k²/d along the unit vector = (k²/d²) · delta
        fx = (repulse * dx).sum(axis=1)
        fy = (repulse * dy).sum(axis=1)
        if len(edges):
            ex, ey = pos[u, 0] - pos[v, 0], pos[u, 1] - pos[v, 1]
            pull = pulls * np.sqrt(ex * ex + ey * ey) / k  # d²/k along the unit vector = (d/k) · delta
            fx -= np.bincount(u, pull * ex, n) - np.bincount(v, pull * ex, n)
            fy -= np.bincount(u, pull * ey, n) - np.bincount(v, pull * ey, n)
        # a little gravity keeps loosely tied parts of a component from drifting apart
        centre = pos.mean(axis=0)
        fx -= 0.05 * (pos[:, 0] - centre[0]) * n * k
        fy -= 0.05 * (pos[:, 1] - centre[1]) * n * k
        length = np.maximum(np.sqrt(fx * fx + fy * fy), np.float32(1e-9))
        step = np.minimum(length, temperature) / length
        pos[:, 0] += fx * step
        pos[:, 1] += fy * step
        temperature -= cooling
    return pos


def _component_positions(H: nx.Graph, rng: np.random.Generator, iterations: int) -> np.ndarray:
    """Positions of one component, centred on 0 and scaled so neighbours sit ~SPACING apart."""
    n = H.number_of_nodes()
    if n == 1:
        return np.zeros((1, 2), dtype=np.float32)
    if n == 2:
        return np.array([[-0.5, 0.0], [0.5, 0.0]], dtype=np.float32) * SPACING
    if n > DENSE_LIMIT:
        spring = nx.spring_layout(H, seed=int(rng.integers(2**31)), iterations=iterations)
        pos = np.array([spring[node] for node in H], dtype=np.float32)
    else:
        index = {node: i for i, node in enumerate(H)}
        edges = np.array([(index[a], index[b]) for a, b in H.edges()], dtype=np.int64).reshape(-1, 2)
        pulls = np.array([p for _, _, p in H.edges(data="pull")], dtype=np.float32)
        if len(pulls):
            pulls /= pulls.mean()
        pos = _fruchterman_reingold(edges, pulls, n, rng, iterations)
    pos -= pos.mean(axis=0)
    return pos * (SPACING / _typical_gap(pos))


def _typical_gap(pos: np.ndarray) -> float:
    """Median distance from a node to its nearest neighbour (sampled rows for big components)."""
    rows = pos[:: max(1, len(pos) // 500)]
    d2 = ((rows[:, None, :] - pos[None, :, :]) ** 2).sum(axis=2)
    d2[d2 == 0] = np.inf  # the node itself (and exact duplicates)
    gap = float(np.median(np.sqrt(d2.min(axis=1))))
    return gap if math.isfinite(gap) and gap > 0 else 1.0


def _pack(boxes: list[np.ndarray]) -> list[np.ndarray]:
    """Shift each component's positions so the components sit on shelves, largest first."""
    sizes = [(float(np.ptp(p[:, 0])) + 2 * SPACING, float(np.ptp(p[:, 1])) + 2 * SPACING) for p in boxes]
    row_width = max(math.sqrt(sum(w * h for w, h in sizes)) * 1.2, max((w for w, _ in sizes), default=0))
    placed, x, y, row_height = [], 0.0, 0.0, 0.0
    for p, (w, h) in zip(boxes, sizes):
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        offset = np.array([x + w / 2 - (p[:, 0].min() + p[:, 0].max()) / 2,
                           y + h / 2 - (p[:, 1].min() + p[:, 1].max()) / 2], dtype=np.float32)
        placed.append(p + offset)
        x, row_height = x + w, max(row_height, h)
    return placed


def _induced(P: nx.Graph, nodes: list[object]) -> nx.Graph:
    """The component as a new graph whose edges carry ``pull`` (association strength, merges damped)."""
    H = nx.Graph()
    H.add_nodes_from(nodes)
    H.add_edges_from((a, b, {"w": float(P.edges[a, b].get("weight", 1))}) for a in nodes for b in P[a])
    s = dict(H.degree(weight="w"))
    total = sum(s.values()) or 1.0
    for a, b, attrs in H.edges(data=True):
        merged = P.nodes[a].get("probable_merge") or P.nodes[b].get("probable_merge")
        apart = P.nodes[a].get("community", 0) != P.nodes[b].get("community", 0)
        attrs["pull"] = (attrs["w"] * total / (s[a] * s[b]) * (MERGE_PULL if merged else 1.0)
                         / (COMMUNITY_PULL if apart else 1.0))
    return H


def layout(P: nx.Graph, *, seed: int = 42, iterations: int = 100) -> dict[object, tuple[float, float]]:
    """Positions for every node of ``P`` (vis-network pixel coordinates, centred on 0).

    Args:
        P: an undirected graph.
        seed: random seed (same graph and seed → same positions).
        iterations: Fruchterman–Reingold iterations per component.

    Returns:
        ``{node: (x, y)}``.
    """
    rng = np.random.default_rng(seed)
    order = {node: i for i, node in enumerate(P)}
    components = sorted((sorted(c, key=order.__getitem__) for c in nx.connected_components(P)),
                        key=lambda c: (-len(c), order[c[0]]))
    # explicit graphs rather than subgraph views: a view iterates a set, whose order changes run to run
    boxes = [_component_positions(_induced(P, c), rng, iterations) for c in components]
    placed = _pack(boxes)
    everything = np.concatenate(placed) if placed else np.zeros((0, 2), dtype=np.float32)
    centre = (everything.min(axis=0) + everything.max(axis=0)) / 2 if len(everything) else 0
    positions: dict[object, tuple[float, float]] = {}
    for nodes, p in zip(components, placed):
        for node, (x, y) in zip(nodes, p - centre):
            positions[node] = (round(float(x), 1), round(float(y), 1))
    return positions
