"""cypher/style.grass (the Neo4j Browser style): one block per label and relationship type of the schema."""
from __future__ import annotations

import re
from pathlib import Path

from kg.store.schema import NODE_KEYS, NODE_PROPERTIES, REL_ENDPOINTS, REL_PROPERTIES

GRASS = Path(__file__).resolve().parents[1] / "cypher" / "style.grass"


def _blocks() -> dict[str, dict[str, str]]:
    text = re.sub(r"/\*.*?\*/", "", GRASS.read_text(encoding="utf-8"), flags=re.S)
    blocks = {}
    for selector, body in re.findall(r"([\w.]+)\s*\{(.*?)\n\}", text, flags=re.S):
        pairs = [p.split(":", 1) for p in body.split(";") if p.strip()]
        blocks[selector] = {k.strip(): v.strip() for k, v in pairs}
    return blocks


def test_every_label_has_a_caption_of_a_real_property_and_a_size() -> None:
    blocks = _blocks()
    for label in NODE_KEYS:
        block = blocks[f"node.{label}"]
        caption = re.fullmatch(r'"\{(\w+)\}"', block["caption"])
        assert caption and caption.group(1) in NODE_PROPERTIES[label], label
        assert re.fullmatch(r"\d+px", block["diameter"]), label
        assert re.fullmatch(r"#[0-9A-F]{6}", block["color"]), label


def test_every_relationship_type_has_a_caption() -> None:
    blocks = _blocks()
    for rel_type in REL_ENDPOINTS:
        caption = blocks[f"relationship.{rel_type}"]["caption"]
        assert caption == '"<type>"' or caption.strip('"{}') in REL_PROPERTIES[rel_type], rel_type
    assert set(blocks) == {"node", "relationship"} | {f"node.{x}" for x in NODE_KEYS} | {
        f"relationship.{x}" for x in REL_ENDPOINTS}
