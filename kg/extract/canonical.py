"""Canonicalisation: every spelling of a method in a paper resolves to one stable key.

Rules, in order:

1. A discovered acronym definition whose long form or short form is in the gazetteer
   merges into that entry ("Group Relative Policy Optimization (GRPO)" -> ``grpo``).
2. A local definition wins over the gazetteer for that paper: if a paper defines
   "maximum-likelihood (ML)", its bare "ML" tokens take the definition's key.
3. Otherwise the definition is judged by :func:`kg.extract.filters.classify` and
   gets the key ``slug(short form)`` ("VCPO" -> ``vcpo``), its long form as alias.
4. A coined name ("we propose SymGraph", "InfiniDepth: ...") that equals a defined
   short or long form joins that key; otherwise it gets ``slug(name)``.
5. Gazetteer hits keep their entry's key: case, hyphens, plurals and version
   suffixes were already folded by the matcher (Qwen2.5-7B -> ``qwen``).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from kg.extract.acronyms import _core
from kg.extract.filters import classify
from kg.extract.gazetteer import Entry, Gazetteer
from kg.extract.matching import char_span, doc_text
from kg.extract.proposed import trigger_just_before
from kg.extract.sections import section_ends
from kg.extract.text import find_word, norm_phrase, slug


@dataclass(slots=True)
class Resolved:
    """The final reading of one name in a paper."""

    kind: str  # "method" / "dataset"
    key: str
    name: str
    proposed: bool = False
    surfaces: list[str] = field(default_factory=list)


def entry_for(gaz: Gazetteer, short: str, long: str = "") -> Entry | None:
    """The gazetteer entry a (short, long) pair names: the long form first, then the short form."""
    for text in (long, short, _core(short) if short else ""):
        if text:
            entry = gaz.lookup(text)
            if entry is not None:
                return entry
    return None


def _eid(kind: str, key: str) -> str:
    return f"{kind}:{key}"


def _span(doc: Doc, start: int, end: int, eid: str, origin: str, name: str) -> Span | None:
    span = char_span(doc, start, end)
    if span is None:
        return None
    return Span(doc, span.start, span.end, label=origin, kb_id=eid, span_id=name)


def resolve_doc(doc: Doc, gaz: Gazetteer) -> None:
    """Rewrite ``doc.spans`` into final, keyed mentions.

    Reads the groups the components wrote ("gazetteer", "acronym_short"/"acronym_long",
    "proposed", "dataset_patterns") and writes ``doc.spans["methods"]`` and
    ``doc.spans["datasets"]``: each span's ``kb_id_`` is ``"<kind>:<key>"``, ``id_`` the
    display name and ``label_`` the origin ("gazetteer", "acronym", "proposed",
    "pattern"). ``doc.spans["proposed"]`` keeps one span per proposed key.
    """
    text = doc_text(doc)
    local: dict[str, Resolved | None] = {}  # short form -> its reading here (None: rejected)
    out: list[Span] = []
    proposed_keys: dict[str, Span] = {}

    shorts, longs = doc.spans.get("acronym_short", []), doc.spans.get("acronym_long", [])
    for s_span, l_span in zip(shorts, longs):
        short, long = s_span.text, l_span.text
        res = _resolve_definition(gaz, text, short, long, s_span.start_char, l_span.start_char)
        local[short] = res
        if res is None:
            continue
        res.surfaces = [short, long]
        for sp in (l_span, s_span):
            new = _span(doc, sp.start_char, sp.end_char, _eid(res.kind, res.key), "acronym", res.name)
            if new is not None:
                out.append(new)
        if res.proposed:
            proposed_keys.setdefault(_eid(res.kind, res.key), out[-1])

    extra_aliases: dict[str, list[str]] = {}
    for p in doc.spans.get("proposed", []):
        source, _, head = p.label_.partition(":")
        if source == "compound" and not _is_compound_name(gaz, p.text):
            continue
        if source in ("compound", "headed") and p.text not in local and entry_for(gaz, p.text) is None:
            proposed = trigger_just_before(text, p.start_char) or source == "compound" and _in_title(text, p.text)
            long = f"{p.text} {head}" if head else ""
            verdict = classify(p.text, long, gaz, proposed=proposed, after=text[p.end_char:p.end_char + 120])
            res = None if verdict == "reject" else Resolved(verdict, slug(p.text), p.text, proposed=proposed and verdict == "method")
            if res is not None and long:
                extra_aliases.setdefault(_eid(res.kind, res.key), []).append(long)
        else:
            res = _resolve_proposal(gaz, local, p.text, text[p.end_char:p.end_char + 120], source)
        if res is None:
            continue
        eid = _eid(res.kind, res.key)
        new = _span(doc, p.start_char, p.end_char, eid, "proposed", res.name)
        if new is not None:
            out.append(new)
            if res.proposed:
                proposed_keys.setdefault(eid, new)
            local.setdefault(p.text, res)

    discovered = [(s.start, s.end) for s in out if s.kb_id_ not in gaz.entries]
    inside: dict[str, bool] = {}  # gazetteer key -> every hit lies inside a discovered name
    for sp in doc.spans.get("gazetteer", []):
        eid = sp.label_
        res = local.get(sp.text, False)
        if res is None:  # locally defined as something we reject
            continue
        if isinstance(res, Resolved):
            eid = _eid(res.kind, res.key)
        entry = gaz.entries.get(eid)
        name = entry.name if entry else res.name if isinstance(res, Resolved) else sp.text
        within = any(a <= sp.start and sp.end <= b and (a, b) != (sp.start, sp.end) for a, b in discovered)
        inside[eid] = inside.get(eid, True) and within
        out.append(Span(doc, sp.start, sp.end, label="gazetteer", kb_id=eid, span_id=name))
    # "mix-integer linear programming (MILP)": a known term only inside a longer discovered
    # name is part of that name, not a mention of its own.
    out = [s for s in out if not (s.label_ == "gazetteer" and inside.get(s.kb_id_))]

    out.extend(_repeats(doc, local, out))
    for sp in doc.spans.get("dataset_patterns", []):
        out.append(sp)
    doc.spans["methods"] = [s for s in out if s.kb_id_.startswith("method:")]
    doc.spans["datasets"] = [s for s in out if s.kb_id_.startswith("dataset:")]
    doc.spans["proposed"] = list(proposed_keys.values())
    doc.user_data["kg_aliases"] = extra_aliases


def _is_compound_name(gaz: Gazetteer, text: str) -> bool:
    """"SPADE-LDM": a prefix the gazetteer does not know joined to a method acronym it knows."""
    prefix, _, rest = text.partition("-")
    known = gaz.by_acronym.get(rest)
    return bool(known and known.startswith("method:") and gaz.lookup(prefix) is None and gaz.lookup(text) is None)


def _resolve_definition(gaz: Gazetteer, text: str, short: str, long: str, s_start: int, l_start: int) -> Resolved | None:
    entry = entry_for(gaz, short, long)
    if entry is not None:
        return Resolved(entry.kind, entry.key, entry.name)
    first = min(s_start, l_start)
    proposed = trigger_just_before(text, first)
    after = text[max(s_start + len(short), l_start + len(long)) + 1:][:120]
    verdict = classify(short, long, gaz, proposed=proposed, after=after)
    if verdict == "reject":
        return None
    return Resolved(verdict, slug(short), short, proposed=proposed and verdict == "method")


def _resolve_proposal(gaz: Gazetteer, local: dict[str, Resolved | None], name: str, after: str, source: str) -> Resolved | None:
    if name in local:
        res = local[name]
        if res is not None and not gaz.entries.get(_eid(res.kind, res.key)):
            res.proposed = res.kind == "method"
        return res
    for res in local.values():
        if res is not None and name in res.surfaces:
            return res
    entry = entry_for(gaz, name)
    if entry is not None:
        return Resolved(entry.kind, entry.key, entry.name)
    if source == "title":  # "X: A Benchmark for ..." -> look at the subtitle's head
        after = ": " + after.lstrip(": ")
    verdict = classify(name, "", gaz, proposed=True, after=after)
    if verdict == "reject":
        return None
    return Resolved(verdict, slug(name), name, proposed=verdict == "method")


def _in_title(text: str, name: str) -> bool:
    title = text[: section_ends(text)[0]]
    return next(find_word(title, name), None) is not None


def _repeats(doc: Doc, local: dict[str, Resolved | None], found: list[Span]) -> list[Span]:
    """Later occurrences of discovered names (their count and sources need them)."""
    taken = {(s.start_char, s.end_char) for s in found}
    out: list[Span] = []
    text = doc_text(doc)
    seen: set[str] = set()
    for res in local.values():
        if res is None or res.key in seen:
            continue
        seen.add(res.key)
        eid = _eid(res.kind, res.key)
        for surface in {s for s in res.surfaces if len(s) > 1} or {res.name}:
            for start in find_word(text, surface):
                stop = start + len(surface)
                if any(a <= start < b for a, b in taken):
                    continue
                sp = _span(doc, start, stop, eid, "repeat", res.name)
                if sp is not None:
                    taken.add((start, stop))
                    out.append(sp)
    return out


def same_method(a: str, b: str) -> bool:
    """Whether two spellings are the same after normalisation (case, hyphens, plural)."""
    return norm_phrase(a) == norm_phrase(b)


__all__ = ["resolve_doc", "entry_for", "same_method", "Resolved"]
