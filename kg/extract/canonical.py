"""Canonicalisation: every spelling of a method in a paper resolves to one stable key.

Rules, in order:

1. A discovered acronym definition merges into a gazetteer entry when its long form is
   one of the entry's forms, or when its short form is and the long forms agree
   (:func:`definition_entry`): "Group Relative Policy Optimisation (GRPO)" -> ``grpo``, but
   "Spatial Attention Mechanism (SAM)" is its own method, never Segment Anything.
2. A local definition wins over the gazetteer for that paper: if a paper defines
   "maximum-likelihood (ML)", its bare "ML" tokens take the definition's key.
3. Otherwise the definition is judged by :func:`kg.extract.filters.classify`. A kept
   definition is keyed by its **long form** (:func:`~kg.extract.text.long_form_key`:
   "RECAP: Resistance Capture ..." -> ``resistancecapture``, folded like coined names), named
   "RECAP (Resistance Capture)", both forms kept as aliases: unrelated papers that
   coin the same acronym get different nodes. A paper defines an acronym in
   parentheses (either order) or by a title "ACRONYM: Long Form ..." whose words
   spell it (:func:`~kg.extract.acronyms.title_definition`). The first definition of a
   short form in a paper is the one used; its plural ("GFMs") is the same method.
4. A coined name ("we propose SymGraph", "InfiniDepth: ...") that equals a defined
   short or long form joins that key; otherwise it is keyed by its spelling with case,
   spaces and hyphens folded (:func:`~kg.extract.text.compact_key`: "Metric Anything"
   and "MetricAnything" -> ``metricanything``). A coined name that is only part of a
   longer name of the same paper ("Thinker" in "Unified Thinker", "Entity Recognition"
   in "Named Entity Recognition (NER)") joins the longer name, or is dropped when that
   was rejected; it is never a proposal of its own. A discovered key that a gazetteer
   entry owns gets the suffix ``-coined`` (REACT the reward model is not ReAct).
5. Gazetteer hits keep their entry's key: case, hyphens, plurals and version
   suffixes were already folded by the matcher (Qwen2.5-7B -> ``qwen``).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import re

from spacy.tokens import Doc, Span

from kg.extract.acronyms import _core
from kg.extract.filters import (COUNTRIES, UNITS, Verdict, appositive_kind, classify, has_markup, has_method_head,
                                is_adjective_compound, is_dataset_name, is_entity, is_metric, is_model_class, is_task,
                                last_word)
from kg.extract.gazetteer import Entry, Gazetteer
from kg.extract.filters import DATASET_HEADS, NAME_STOPWORDS
from kg.extract.matching import TIER_WORDS, char_span, doc_text, set_spans, span_text, spans_of
from kg.extract.proposed import (COINED, an_ordered_step, has_trigger_before, listed_in_proposal, names_a_component,
                                 object_of_proposal, outperforms, trigger_just_before)
from kg.extract.sections import section_ends
from kg.records import Candidate
from kg.extract.text import (compact_key, content_signature, content_words, find_word, is_name_like, long_form_key,
                             looks_like_acronym, norm_phrase, same_long_form)


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


def definition_entry(gaz: Gazetteer, short: str, long: str) -> Entry | None:
    """The gazetteer entry a paper's definition "long (SHORT)" joins, or None (its own method).

    The long form decides: it names the entry itself, or the short form is the entry's and
    the long form agrees with one of the entry's long forms (:func:`same_long_form`). A short
    form alone never merges: "adverse events (AEs)" is not the autoencoder, "context-free
    grammar (CFG)" not classifier-free guidance. An entry listed without long forms cannot
    be checked: the definition stays apart, keyed by its long form, its short form an alias.
    """
    entry = gaz.lookup(long) if long else None
    if entry is not None:
        return entry
    for s in dict.fromkeys((short, _core(short))):
        entry = gaz.lookup(s) if s else None
        if entry is not None and (not long or long_forms_agree(entry, long)):
            return entry
    return None


def long_forms_agree(entry: Entry, long: str) -> bool:
    """Whether ``long`` is one of the entry's long forms up to spelling, inflection and one modifier.

    Beside the entry's own acronym, a long form one content word longer or shorter is the same
    method: "Masked Proximal Policy Optimization (PPO)" and a definition cut to "Policy
    Optimization (PPO)" are PPO. Two shared content words at least, so a lone common word never
    joins unrelated long forms.
    """
    forms = [s for s in (entry.name, *entry.aliases) if not looks_like_acronym(s)]
    if any(same_long_form(long, s) for s in forms):
        return True
    mine = content_signature(long)
    for s in forms:
        theirs = content_signature(s)
        small, big = sorted((mine, theirs), key=len)
        if len(small) >= 2 and small < big and len(big) - len(small) == 1:
            return True
        if len(mine) >= 2 and mine < theirs and len(theirs) - len(mine) == 2 and _leads(long, s):
            return True  # the entry's long form without its two head words: "Genetic-Pareto (GEPA)", "genetic-pareto prompt optimization"
    return False


def _leads(long: str, form: str) -> bool:
    """Whether the content words of ``long`` open ``form``, in order."""
    mine, theirs = content_words(long), content_words(form)
    return theirs[:len(mine)] == mine


def _eid(kind: str, key: str) -> str:
    return f"{kind}:{key}"


def _span(doc: Doc, start: int, end: int, eid: str, origin: str, name: str) -> Span | None:
    return char_span(doc, start, end, label=origin, kb_id=eid, span_id=name)


def resolve_doc(doc: Doc, gaz: Gazetteer) -> None:
    """Rewrite the components' spans (:func:`~kg.extract.matching.spans_of`) into final, keyed mentions.

    Reads the groups the components wrote ("gazetteer", "acronym_short"/"acronym_long",
    "proposed", "usage", "dataset_patterns") and writes "methods" and "datasets": each
    span's ``kb_id_`` is ``"<kind>:<key>"``, ``id_`` the display name and ``label_`` the
    origin ("gazetteer", "acronym", "proposed", "pattern"). "proposed" then keeps one span
    per proposed key.
    """
    text = doc_text(doc)
    local: dict[str, Resolved | None] = {}  # short form / coined name -> its reading here (None: rejected)
    defined: dict[str, Resolved | None] = {}  # long form -> the reading of its definition
    out: list[Span] = []
    proposed_keys: dict[str, Span] = {}
    extra_aliases: dict[str, list[str]] = {}

    shorts, longs = spans_of(doc, "acronym_short"), spans_of(doc, "acronym_long")
    for s_span, l_span in zip(shorts, longs):
        short, long = span_text(s_span, text), span_text(l_span, text)
        # Defined twice: the first definition keys the paper's method. A first definition that was
        # rejected is read again at the next ("NAC" in a title, then "we introduce ... (NAC), a mechanism").
        if local.get(short) is not None:
            res = local[short]
        else:
            res = _resolve_definition(gaz, text, short, long, s_span.start_char, l_span.start_char,
                                      titled=s_span.label_ == "title" or _heads_title(text, s_span, l_span))
            local[short] = res
        if defined.get(long) is None:
            defined[long] = res
        if res is None or _eid(res.kind, res.key) not in gaz.entries:
            named = _named_with_head(doc, gaz, text, l_span, s_span)
            if named and res is not None:  # "the finite element (FE) method": the known method, not a new "FE"
                res = local[short] = Resolved(res.kind, named[0].kb_id_.partition(":")[2], named[0].id_)
            out.extend(named)
        if res is None:
            continue
        res.surfaces = list(dict.fromkeys([*res.surfaces, short, long]))
        suffix = _SUFFIX.match(text, s_span.end_char)  # "Masked Motion Modeling (MMM)-Net": the name is MMM-Net
        if suffix is not None and f"method:{res.key}" not in gaz.entries:
            named = short + suffix.group(1)
            res.surfaces.append(named)
            res.name = f"{named} ({long})"
        elif res.kind == "method" and f"method:{res.key}" not in gaz.entries and not has_method_head(long) \
                and (head := _HEAD_AFTER.match(text, s_span.end_char)) is not None and has_method_head(head.group(1)):
            # "a Spectral-Evolution-Aware (SEA) filter": the method is the SEA filter, its long form ends in the head
            extra_aliases.setdefault(_eid(res.kind, res.key), []).append(f"{long} {head.group(1)}")
        for sp in (l_span, s_span):
            new = _span(doc, sp.start_char, sp.end_char, _eid(res.kind, res.key), "acronym", res.name)
            if new is not None:
                out.append(new)
        if res.proposed:
            proposed_keys.setdefault(_eid(res.kind, res.key), out[-1])

    proposals = list(spans_of(doc, "proposed"))
    phrases = [*(span_text(sp, text) for sp in longs), *(span_text(p, text) for p in proposals)]
    for p, p_text in zip(proposals, phrases[len(longs):]):
        source, _, head = p.label_.partition(":")
        if source == "compound" and not _is_compound_name(gaz, p_text):
            continue
        if source == "mention":  # a name the paper compares with or builds on: a mention, never a proposal
            if any(_left_to_known(text, p.start_char, p.end_char, g.start_char, g.end_char) for g in spans_of(doc, "gazetteer")):
                continue  # "ResNet-50": the gazetteer's (versions folded there); "CXR-CLIP" is another model
            if _OBSERVED_WITH.match(text, p.end_char):
                continue  # "compared with INTEGRAL/SPI observations", "the ZTF light curves": an instrument
            res = local.get(p_text) if p_text in local else _mentioned(gaz, p_text)
            if res is not None:
                new = _span(doc, p.start_char, p.end_char, _eid(res.kind, res.key), "proposed", res.name)
                if new is not None:
                    out.append(new)
                    local.setdefault(p_text, res)
            continue
        whole = _longer_phrase(p_text, phrases) or _covering_long_form(p, longs, text)
        if whole is not None:  # a fragment: part of the longer name, never a name of its own
            res = _reading_of(whole, local, defined)
            if res is None:
                continue
            res = Resolved(res.kind, res.key, res.name, surfaces=res.surfaces)
        elif source in ("compound", "headed") and p_text not in local and entry_for(gaz, p_text) is None:
            proposed = trigger_just_before(text, p.start_char) or source == "compound" and (
                _in_title(text, p_text) or _tier_of_known(gaz, p_text) and has_trigger_before(text, p.start_char))
            long = f"{p_text} {head}" if head else ""
            verdict = classify(p_text, long, gaz, proposed=proposed, after=text[p.end_char:p.end_char + 120])
            res = None if verdict == "reject" else Resolved(
                verdict, gaz.unclaimed_key(verdict, compact_key(p_text)), p_text, proposed=proposed and verdict == "method")
            if res is None and source == "compound" and not proposed and _known_then_coined(gaz, p_text):
                res = _mentioned(gaz, p_text)  # "the mesh recovery of SAM-Body4D": another paper's model, named
            if res is not None and long:
                extra_aliases.setdefault(_eid(res.kind, res.key), []).append(long)
        else:
            res = _resolve_proposal(gaz, local, defined, p_text, text, p.end_char, source)
        if res is None:
            continue
        eid = _eid(res.kind, res.key)
        new = _span(doc, p.start_char, p.end_char, eid, "proposed", res.name)
        if new is not None:
            out.append(new)
            if res.proposed:
                proposed_keys.setdefault(eid, new)
            local.setdefault(p_text, res)

    discovered = [(s.start, s.end) for s in out if s.kb_id_ not in gaz.entries]
    # coined one-word names, not defined acronyms (their display name holds the long form)
    names = {n for s in out if s.kb_id_ not in gaz.entries and " (" not in s.id_ and " " not in (n := span_text(s, text))}
    inside: dict[str, bool] = {}  # gazetteer key -> every hit lies inside a discovered name
    known: list[tuple[Span, str]] = []  # the gazetteer's mentions and their keys
    for sp in spans_of(doc, "gazetteer"):
        start, end = sp.start, sp.end
        eid = sp.label_
        sp_text = span_text(sp, text)
        res = _local_reading(local, sp_text)
        if res is None:  # locally defined as something we reject
            continue
        if isinstance(res, Resolved):
            eid = _eid(res.kind, res.key)
        entry = gaz.entries.get(eid)
        if entry is not None and entry.group == "pretrained-model" and _among_companies(text, sp.start_char, sp.end_char):
            continue  # "frontier models by OpenAI, Anthropic, Alphabet, DeepSeek, and Meta": the company
        name = entry.name if entry else res.name if isinstance(res, Resolved) else sp_text
        within = bool(discovered) and (any(a <= start and end <= b and (a, b) != (start, end) for a, b in discovered)
                                       or _in_repeat(text, sp.start_char, sp.end_char, names))
        inside[eid] = inside.get(eid, True) and within
        known.append((Span(doc, start, end, label="gazetteer", kb_id=eid, span_id=name), eid))
    # "mix-integer linear programming (MILP)": a known term only inside a longer discovered
    # name is part of that name, not a mention of its own.
    out.extend(s for s, eid in known if not inside.get(eid))
    out.extend(_list_mates(doc, gaz, text, out, local))

    out.extend(_repeats(doc, local, out))
    candidates: list[Candidate] = []
    out.extend(_usages(doc, gaz, text, out, candidates))
    out.extend(_dataset_patterns(spans_of(doc, "dataset_patterns"), local, text))
    _acronym_candidates(gaz, text, out, local, candidates)
    set_spans(doc, "methods", [s for s in out if s.kb_id_.startswith("method:")])
    set_spans(doc, "datasets", [s for s in out if s.kb_id_.startswith("dataset:")])
    set_spans(doc, "proposed", list(proposed_keys.values()))
    doc.user_data["kg_aliases"] = extra_aliases
    for short, res in local.items():  # what this paper defines, for papers that use the bare form
        # only a definition travels: a coined acronym with no long form ("a method IPC") says nothing of another paper's IPC
        if res is not None and res.kind == "method" and looks_like_acronym(short) and f"method:{res.key}" not in gaz.entries:
            long = next((s for s in res.surfaces if not looks_like_acronym(s)), "")
            if long:  # a definition only travels alone when its long form names a method ("ordinary differential
                # equations (ODEs)" a paper "proposes" is no method of another paper's ODE solver)
                candidates.append(Candidate("defined", short, res.key, res.name,
                                            source="strong" if has_method_head(long) else "weak"))
    doc.user_data["kg_candidates"] = candidates


_SUFFIX = re.compile(r"\)(-[A-Z][A-Za-z0-9]*)(?![\w\-])")
_HEAD_AFTER = re.compile(r"\)[ \t]+([a-z]+)\b(?![\-(])")  # "(SEA) filter"


def _usages(doc: Doc, gaz: Gazetteer, text: str, found: list[Span], candidates: list[Candidate]) -> list[Span]:
    """Head-noun pattern hits (:mod:`kg.extract.patterns`) that no other reading covers.

    A phrase overlapping a name already found is left to it ("Gaussian process regression"
    stays the gazetteer's Gaussian process); a strong phrase becomes a method span, a weak one
    a candidate for the corpus step (kept only when other papers use it too).
    """
    taken = [(s.start_char, s.end_char) for s in found]
    taken += [(s.start_char, s.end_char) for s in spans_of(doc, "gazetteer")]
    out: list[Span] = []
    seen: dict[str, str] = {}
    for sp in spans_of(doc, "usage"):
        start, end = sp.start_char, sp.end_char
        if any(a < end and start < b for a, b in taken):
            continue
        phrase = text[start:end]
        if not _usage_ok(gaz, phrase):
            continue
        key = long_form_key(phrase)
        if f"method:{key}" in gaz.entries:
            continue
        if sp.label_ == "weak":
            candidates.append(Candidate("usage", phrase, key, seen.setdefault(key, phrase)))
            continue
        new = _span(doc, start, end, _eid("method", key), "pattern", seen.setdefault(key, phrase))
        if new is not None:
            out.append(new)
            taken.append((start, end))
    return out


_SIZE = re.compile(r"^(?:sub-|under-|over-)?\d+(?:\.\d+)?[A-Za-z]{0,2}$")  # "7B", "10K", "3x", "sub-100B": sizes, not names
_DOTTED_VERSION = re.compile(r"\d\.\d")
_PARTICIPLE = re.compile(r"-[a-z]+ed$")


# What follows an instrument, an experiment or a survey named in passing: its observations, its data. Not
# "detector": "paired with the DETR3D detector" is a model.
_OBSERVED_WITH = re.compile(r"(?:/[\w\-+]+)?\s+(?:telescopes?|observations?|collaboration|experiment|satellite"
                            r"|observatory|survey|mission|spectrograph|spectra|photometry|light curves?|catalog(?:ue)?|archive)\b")


def _mentioned(gaz: Gazetteer, name: str) -> Resolved | None:
    """The reading of a name-like word met in a comparison ("outperforms StreamVGGT"): a method
    unless the gazetteer knows it (its own matcher reads it), or it is a dataset, metric, task,
    paradigm, entity, size or a modifier compound."""
    if gaz.lookup(name) is not None or _SIZE.match(name) or name in UNITS or name in COUNTRIES or not COINED.search(name):
        return None
    if "." in name and not _DOTTED_VERSION.search(name) or name[:1].isdigit() and "-" in name[:3] or _PARTICIPLE.search(name):
        return None  # "baseline.These", "1-Weisfeiler-Lehman", "PhysGame-tuned"
    if "-" in name and any(gaz.is_generic(part) or gaz.is_not_method(part) for part in name.split("-")):
        return None  # "non-LLM", "LLM-scoring": a paradigm with a modifier
    if (gaz.is_generic(name) or gaz.is_not_method(name) or is_dataset_name(name) or is_metric(name) or is_task(name)
            or is_entity(name) or is_adjective_compound(name) or has_markup(name)):
        return None
    return Resolved("method", gaz.unclaimed_key("method", compact_key(name)), name)


# A list of models: "OpenCLIP, LLaVA-1.5 and Molmo", "GPT-4o, Gemini-2.5-Pro, and Kimi-K2". A new model
# name stands beside known ones long before any lexicon lists it.
# (a name holds single hyphens only: "and ProbTree--within FoT" is a dash; a model's tier or size may follow the
# known name: "Gemini 3.0 Pro, Intern-S1")
_NEXT_MATE = re.compile(r"(?:-[\w.]+)*(?:\s+(?:Pro|Flash|Mini|Nano|Lite|Plus|Max|Turbo|Ultra|Instruct|Chat|Thinking|Preview|\d[\w.]*))*\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)([A-Z](?:[\w.+]|-(?!-))*[\w+])(?!\w|-(?!-))")
_PREV_MATE = re.compile(r"(?<![\w\-])([A-Z](?:[\w.+]|-(?!-))*[\w+])\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")
_MATE_STOP = frozenset("""Human Humans Random Oracle Baseline Baselines English Chinese Others Ours Vanilla Base Instruct Chat
Experts Expert Manual Standard Original Full Zero Few Large Small Medium Open Closed Proprietary Dense Sparse
Pro Flash Mini Nano Lite Plus Max Turbo Ultra Sonnet Opus Haiku Fast Slow ALL AND OR NOT PNG JPEG JPG JSON CSV PDF HTML
XML YAML SQL""".split())
_LIST_GROUPS = frozenset(("pretrained-model",))
_CODED_LIST_GROUPS = frozenset(("architecture", "vision-3d", "graph-learning", "generative-model"))
# Groups whose named members are listed with coined siblings ("Chain-of-Thought (CoT), ReAct, and ProbTree", "LoRA, DoRA
# and PiSSA"): the known one must be written as a name ("distilled models" is a word, not a list of methods)
_NAMED_LIST_GROUPS = frozenset(("prompting-reasoning", "rl-alignment", "peft", "retrieval", "inference-efficiency",
                                "training-technique"))


def _list_mates(doc: Doc, gaz: Gazetteer, text: str, found: list[Span], local: dict[str, Resolved | None]) -> list[Span]:
    """Unknown names listed right beside a known pretrained model: other models of the same list."""
    known = [(s, e.group in _LIST_GROUPS) for s in found
             if (e := gaz.entries.get(s.kb_id_)) is not None and (e.group in _LIST_GROUPS or e.group in _CODED_LIST_GROUPS
                                                                  or e.group in _NAMED_LIST_GROUPS and not span_text(s, text).islower())]
    if not known:
        return []
    taken = [(s.start_char, s.end_char) for s in found] + [(s.start_char, s.end_char) for s in spans_of(doc, "gazetteer")]
    out: list[Span] = []
    for sp, models in known:
        if _hyphen_modifier(text, sp.end_char):
            continue  # "CHAIR, MME, and GPT-4V-aided evaluation": a modifier, not a model in a list of models
        for name, start in [*_mates_after(text, sp.end_char), *_mates_before(text, sp.start_char)]:
            end = start + len(name)
            if any(a < end and start < b for a, b in taken) or name in _MATE_STOP or name in local:
                continue
            if not models and not COINED.search(name):
                continue  # beside an architecture, only a coined spelling ("ResNet, ViT and ConvNeXt")
            res = _mentioned(gaz, name) if COINED.search(name) else _plain_mate(gaz, name, text, start, end)
            if res is None:
                continue
            new = _span(doc, start, end, _eid(res.kind, res.key), "proposed", res.name)
            if new is not None:
                out.append(new)
                taken.append((start, end))
    return out


_HEAD_AFTER_SHORT = re.compile(r"\)\s+([A-Za-z][\w\-]*)")


def _named_with_head(doc: Doc, gaz: Gazetteer, text: str, l_span: Span, s_span: Span) -> list[Span]:
    """A modifier defined before the head noun of a known method: "magnetohydrodynamic (MHD) simulations" is the
    MHD simulation, though "magnetohydrodynamic" alone names nothing."""
    head = _HEAD_AFTER_SHORT.match(text, s_span.end_char)
    if head is None:
        return []
    entry = gaz.lookup(f"{span_text(l_span, text)} {head.group(1)}")
    if entry is None or entry.kind != "method":
        return []
    new = _span(doc, l_span.start_char, head.end(1), _eid(entry.kind, entry.key), "gazetteer", entry.name)
    return [] if new is None else [new]


def _local_reading(local: dict[str, Resolved | None], surface: str) -> Resolved | None | bool:
    """What the paper's own definitions say ``surface`` is: its reading, None (defined as something rejected) or False
    (not defined). A defined plural covers the singular and back: "Case Report Forms (CRFs)", then "a pre-defined CRF"
    is the form, not the conditional random field."""
    res = local.get(surface, False)
    if res is False and local:
        other = surface[:-1] if surface.endswith("s") else surface + "s"
        if other in local and looks_like_acronym(surface):
            res = local[other]
    return res


def _hyphen_modifier(text: str, end: int) -> bool:
    """A name glued by a hyphen to a lower-case word after it ("GPT-4V-aided", "CLIP-based")."""
    return text[end:end + 1] == "-" and text[end + 1:end + 2].islower()


def _mates_after(text: str, pos: int) -> Iterator[tuple[str, int]]:
    for _ in range(6):
        m = _NEXT_MATE.match(text, pos)
        if m is None:
            return
        yield m.group(1), m.start(1)
        pos = m.end(1)


def _mates_before(text: str, pos: int) -> Iterator[tuple[str, int]]:
    for _ in range(6):
        gap = text[max(0, pos - 6):pos]
        if "," not in gap and "and" not in gap and "or" not in gap:
            return  # (no separator just before: skip the regex search)
        m = _PREV_MATE.search(text, max(0, pos - 60), pos)
        if m is None:
            return
        yield m.group(1), m.start(1)
        pos = m.start(1)


_SENTENCE_GAP = re.compile(r"(?:^|[.!?:;]\s*|\n\s*)$")
_NOUN_AFTER = re.compile(r"\s+(?!(?:and|or|vs|versus|through|on|in|with|to|for|as|at|by|from|via|across|under|over|are|is|was|were|have|has"
                         r"|had|can|could|show|shows|showed|achieve|achieves|perform|performs|models?|families|series|variants?)\b)[a-z]")


def _plain_mate(gaz: Gazetteer, name: str, text: str, start: int, end: int) -> Resolved | None:
    """A capitalised word in a list of models ("Molmo"): a model unless it is a known word of another
    kind, starts a sentence ("However, GPT-4o ...") or qualifies a noun ("Audio and Text inputs")."""
    if (family := _bare_families(gaz).get(name)) is not None:
        return Resolved("method", *family)  # "experiments on Wan and LTX-Video VAE decoders": the family listed only as "Wan2.1"
    if len(name) < 4 or not name[1:].islower() or name.casefold() in NAME_STOPWORDS or gaz.lookup(name) is not None:
        return None
    if start < section_ends(text)[0] or _SENTENCE_GAP.search(text, max(0, start - 3), start) or _NOUN_AFTER.match(text, end):
        return None  # a title capitalises every word
    if next(find_word(text, name.lower()), None) is not None:
        return None  # the paper writes it as a plain word too ("Audio", "Perception")
    if gaz.is_generic(name) or gaz.is_not_method(name) or is_dataset_name(name) or is_entity(name) or name in COUNTRIES:
        return None
    return Resolved("method", gaz.unclaimed_key("method", compact_key(name)), name)


_FAMILY_WITH_VERSION = re.compile(r"^([A-Z][a-z]{2,})-?\d")
_BARE_FAMILIES: dict[int, dict[str, tuple[str, str]]] = {}


def _bare_families(gaz: Gazetteer) -> dict[str, tuple[str, str]]:
    """Model families the gazetteer lists only with a version ("Wan2.1", "Granite-3.0"): bare name -> (key, name).

    The bare word is no gazetteer form (it is often a surname or a word); beside a known model in a
    list it names the family."""
    found = _BARE_FAMILIES.get(id(gaz))
    if found is None:
        found = _BARE_FAMILIES[id(gaz)] = {}
        for entry in gaz.entries.values():
            if entry.kind != "method" or entry.group != "pretrained-model" or not entry.versioned:
                continue
            for form in entry.acronyms:
                m = _FAMILY_WITH_VERSION.match(form)
                if m is not None and gaz.lookup(m.group(1)) is None:
                    found.setdefault(m.group(1), (entry.key, entry.name))
    return found


def _usage_ok(gaz: Gazetteer, phrase: str) -> bool:
    """Not a paradigm, listed non-method, task, metric, dataset or entity; no modifier a paradigm,
    a listed non-method or a known name ("LLM filter", "GPU algorithm", "GRPO algorithm")."""
    if (gaz.is_generic(phrase) or gaz.is_not_method(phrase) or is_task(phrase) or is_metric(phrase)
            or is_dataset_name(phrase) or is_entity(phrase) or gaz.lookup(phrase) is not None):
        return False
    for word in phrase.split()[:-1]:
        for part in (word, *word.split("-")):
            if looks_like_acronym(part) and (gaz.is_generic(part) or gaz.is_not_method(part) or gaz.lookup(part) is not None):
                return False
    return True


# (The lookbehind "not glued to a word" follows the first capital so that the regex starts with a
# character set, which the engine skips to fast; same matches as with the lookbehind in front.)
_ACRONYM = re.compile(r"[A-Z](?<![\w\-].)[A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?![\w\-])")


def _acronym_candidates(gaz: Gazetteer, text: str, found: list[Span], local: dict[str, Resolved | None],
                        candidates: list[Candidate]) -> None:
    """Bare acronyms of the title and abstract that nothing here explains: another paper may define them."""
    title_end, end = section_ends(text)[:2]
    taken: list[tuple[int, int]] | None = None
    seen: set[str] = set()
    for m in _ACRONYM.finditer(text, 0, end):
        word = m.group(0)
        if word in seen or word in local or word in UNITS or word in COUNTRIES:
            continue
        seen.add(word)
        if word in gaz.by_acronym or gaz.is_not_method(word) or gaz.is_generic(word) or _core(word) in local:
            continue
        if taken is None:  # built once, for the first acronym that gets this far
            taken = [(s.start_char, s.end_char) for s in found]
        if any(a <= m.start() < b for a, b in taken):
            continue
        candidates.append(Candidate("acronym", word, source="title" if m.start() < title_end else "abstract"))


def _longer_phrase(name: str, phrases: list[str]) -> str | None:
    """A longer name or defined long form of the paper that contains ``name`` as whole words.

    Only ordinary words can be fragments ("Thinker", "Entity Recognition"): a coined word
    ("HiFi") inside a longer phrase ("HiFi Speech Decoder (HSD)") still names itself.
    """
    if is_name_like(name):
        return None
    padded = f" {name} "
    for phrase in phrases:  # space-delimited: "FooNet" is not a fragment of "FooNet-based Bar Estimation"
        if len(phrase) > len(name) and padded in f" {phrase} ":
            return phrase
    return None


def _covering_long_form(p: Span, longs: list[Span], text: str) -> str | None:
    """The defined long form this proposal's own words are the start or middle of: "we introduce a
    Structured Framework for Adaptive Anonymizer (SFAA)" read "Structured Framework" before "for"."""
    for lf in longs:
        if lf.start_char <= p.start_char and p.end_char <= lf.end_char and lf.end_char - lf.start_char > p.end_char - p.start_char:
            return span_text(lf, text)
    return None


def _reading_of(phrase: str, local: dict[str, Resolved | None], defined: dict[str, Resolved | None]) -> Resolved | None:
    """How the paper's longer phrase (a coined name or a defined long form) was read."""
    return local[phrase] if phrase in local else defined.get(phrase)


def _dataset_patterns(spans: list[Span], local: dict[str, Resolved | None], text: str) -> list[Span]:
    """Pattern-found datasets, read like the paper defines them ("IQA" defined as a task is dropped).

    ``text`` is the Doc's text (span texts are sliced from it).
    """
    out: list[Span] = []
    for sp in spans:
        sp_text = span_text(sp, text)
        if sp_text not in local:
            out.append(sp)
            continue
        res = local[sp_text]
        if res is not None:
            out.append(Span(sp.doc, sp.start, sp.end, label=sp.label_, kb_id=_eid(res.kind, res.key), span_id=res.name))
    return out


_CODED_PREFIX = re.compile(r"(?:[A-Z]{2,}[0-9]*|[A-Z][a-z]+[A-Z][A-Za-z0-9]*)-$")


def _left_to_known(text: str, start: int, end: int, g_start: int, g_end: int) -> bool:
    """Whether a compared name ``text[start:end]`` is left to a known name ``text[g_start:g_end]``
    overlapping it: yes ("ResNet-50", a known name at its start), unless the name is a coded prefix
    glued to the known one ("CXR-CLIP", "HITL-GAT": another model, named apart)."""
    if not (g_start < end and start < g_end):
        return False
    return g_end != end or not _CODED_PREFIX.fullmatch(text, start, g_start)


def _tier_of_known(gaz: Gazetteer, text: str) -> bool:
    """"PatchCore-Lite": a known method (not a model family: "Gemini-Pro" is Gemini) and a tier word."""
    prefix, _, rest = text.partition("-")
    return rest in TIER_WORDS and (base := gaz.lookup(prefix)) is not None and base.kind == "method" and not base.versioned


def _is_compound_name(gaz: Gazetteer, text: str) -> bool:
    """"SPADE-LDM": a prefix the gazetteer does not know joined to a method acronym it knows; "SAM-Body4D",
    "GTE-ModernColBERT": a known acronym joined to a coined word it does not know (another model, not a version of
    the known one: versions are digits and tiers, "SAM-2", "YOLO-World")."""
    prefix, _, rest = text.partition("-")
    if gaz.lookup(text) is not None:
        return False
    if _tier_of_known(gaz, text):
        return True  # "PatchCore-Lite", "PaDiM-Lite": a lighter variant of a method, named
    known = gaz.by_acronym.get(rest)
    if known and known.startswith("method:") and gaz.lookup(prefix) is None:
        return True
    return _known_then_coined(gaz, text)


# What may follow a model's name as its version or size: "EfficientNet-B0", "MobileNet-V3", "SlowFast-R50", "ViT-L14"
_VERSION_LIKE = re.compile(r"[A-Za-z]{1,2}\d+[a-z]?|[A-Z]\d*[a-z]|\d\w*")


def _known_then_coined(gaz: Gazetteer, text: str) -> bool:
    """"SAM-Body4D", "GTE-ModernColBERT": a method acronym the gazetteer knows joined to a coined word it does not
    know, which is no version or size (another model, not a version of the known one)."""
    prefix, _, rest = text.partition("-")
    known = gaz.by_acronym.get(prefix)
    return bool(known and known.startswith("method:") and "-" not in rest and COINED.search(rest) and gaz.lookup(rest) is None
                and not _VERSION_LIKE.fullmatch(rest) and not rest.endswith("s")
                and gaz.lookup(_VERSION_TAIL.sub("", rest)) is None)  # "VQ-VAE2", "YOLOv8-YOLOv12": versions of known names


_VERSION_TAIL = re.compile(r"[-.]?v?\d[\w.]*$")


def _resolve_definition(gaz: Gazetteer, text: str, short: str, long: str, s_start: int, l_start: int,
                        titled: bool = False) -> Resolved | None:
    """The reading of one definition; ``titled``: defined by the title ("RECAP: Resistance Capture")."""
    entry = definition_entry(gaz, short, long)
    if entry is not None:
        return Resolved(entry.kind, entry.key, entry.name)
    first = min(s_start, l_start)
    if titled:  # "HyperCOD: The First Benchmark for Hyperspectral Camouflaged Object Detection": a task's name
        # ... unless the abstract proposes it or it outperforms others ("LiCQA: A Lightweight Complex Question
        # Answering System" then "we present LiCQA, an unsupervised question answering model")
        proposed = not is_task(long) or _abstract_proposes(text, short)
        # what the subtitle says: after "ACR:" ("GeoRC: A Benchmark for ..."), or after "Long Form (ACR)"
        after = text[s_start + len(short):][:120] if l_start > s_start else text[s_start + len(short):][:120].lstrip(")")
    else:
        end = max(s_start + len(short), l_start + len(long))
        proposed = trigger_just_before(text, first) or listed_in_proposal(text, first) or (
            # further in a proposing sentence: the object of the proposal, when it names an agent or a process
            # ("... video compressor (SVC)", "... check node scheduling (SCNS)"; not "the degree of freedom (DoF)")
            _agent_or_process(long) and not is_task(long) and not is_metric(long) and object_of_proposal(text, first))
        if not proposed and not is_metric(long) and not is_model_class(short, long):
            # a glued component noun is the head ("a Consistent Segmentation Detection (CSD) mechanism ... are
            # introduced"); otherwise the long form must end in one
            component, glued = names_a_component(text, first, end)
            proposed = component and (glued or (_agent_or_process(long) or has_method_head(long)) and not is_task(long))
        if not proposed and _PROCESS_NOUN.search(last_word(long)) and not is_task(long) and not is_metric(long) \
                and not is_model_class(short, long):
            proposed = an_ordered_step(text, first, end)
        if not proposed and not is_task(long) and not is_metric(long) and not is_model_class(short, long):
            # defined in passing, proposed further on: "... integrates Embedder-Guided Reinforcement Learning
            # (EG-RL) to ..." then "We design an EG-RL framework", "We introduce T-CoT, which ..."
            # (before a method noun only a method's long form: "a SISR method" is a method for a task)
            proposed = any((later := _PROPOSED_LATER.match(text, at + len(short))) and (later.group(1) is None or has_method_head(long))
                           and trigger_just_before(text, at) for at in find_word(text, short, end, len(text)))
        after = text[end + 1:][:120]
    verdict = classify(short, long, gaz, proposed=proposed, after=after)
    if titled and verdict == "method":  # "TPRU: Advancing ... Understanding" then "we introduce TPRU, a large-scale dataset"
        verdict = _abstract_says(short, text, verdict)
    if verdict == "dataset" and appositive_kind(after) != "dataset" and _abstract_outperforms(text, short) \
            and _abstract_says(short, text, "method", strict=True) != "dataset":
        verdict = "method"  # "LiCQA: ... Question Answering System": a name ending in QA that outperforms systems
    if verdict == "reject":
        return None
    key = gaz.unclaimed_key(verdict, long_form_key(long) or compact_key(short))
    return Resolved(verdict, key, f"{short} ({long})", proposed=proposed and verdict == "method")


def _resolve_proposal(gaz: Gazetteer, local: dict[str, Resolved | None], defined: dict[str, Resolved | None],
                      name: str, text: str, end: int, source: str) -> Resolved | None:
    """The reading of a coined name found at ``text[:end]`` by ``source`` ("title", "trigger", ...)."""
    after = text[end:end + 120]
    if name not in local and name in defined:  # a title that is a defined long form ("Finding Needles in Images")
        return defined[name]
    if name in local:
        res = local[name]
        if res is not None and not gaz.entries.get(_eid(res.kind, res.key)):
            res.proposed = res.kind == "method"
        return res
    for res in local.values():
        if res is not None and any(_same_name(name, s) for s in res.surfaces):
            return res
    # "We introduce ERNIE 5.0": a known family's new version is the family
    entry = entry_for(gaz, name) or entry_for(gaz, _SPACED_VERSION.sub("", name))
    if entry is not None:
        return Resolved(entry.kind, entry.key, entry.name)
    if source == "title":  # "X: A Benchmark for ..." -> look at the subtitle's head
        after = ": " + after.lstrip(": ")
        if (bare := _BARE_DATA_SUBTITLE.match(after)) and bare.group(1).casefold() in DATASET_HEADS \
                and not _ends_in_method_acronym(gaz, name):  # "ChimeraLoRA: Multi-Head LoRA-Guided Synthetic Datasets"
            after = ": a " + after[2:]  # "PsihoRo: Depression and Anxiety Romanian Text Corpus" (no article, a data head)
    verdict = classify(name, "", gaz, proposed=True, after=after)
    if verdict == "method" and _DATA_NAMED_BEFORE.search(text, max(0, end - len(name) - 60), end - len(name)):
        verdict = "dataset"  # "we collected a real-world dataset called MS-Drive": the noun before the naming word
    if verdict == "method" and source == "title":  # "MedRedFlag: Investigating ..." then "MedRedFlag, a dataset of"
        verdict = _abstract_says(name, text, verdict)
    if verdict == "dataset" and appositive_kind(after) != "dataset" and _abstract_outperforms(text, name) \
            and _abstract_says(name, text, "method", strict=True) != "dataset":
        verdict = "method"  # "InnoEval, a deep innovation evaluation framework ... InnoEval can outperform baselines"
    if verdict == "reject":
        return None
    return Resolved(verdict, gaz.unclaimed_key(verdict, compact_key(name)), name, proposed=verdict == "method")


_DATA_NAMED_BEFORE = re.compile(r"\b(?:dataset|benchmark|corpus|suite|testbed|database)s?,?\s+(?:called|named|dubbed|termed)\s+$",
                                re.I)


def _heads_title(text: str, s_span: Span, l_span: Span) -> bool:
    """A definition that opens the title or stands before its colon names the paper's subject:
    "Owen-based Semantics and Hierarchy-Aware Explanation (O-Shap)", "TwiFF (Think With Future Frames): A ...".
    (Not "... of resident space objects (RSOs) within inverse synthetic aperture radar (ISAR) images".)"""
    title_end = section_ends(text)[0]
    end = max(s_span.end_char, l_span.end_char)
    if end > title_end:
        return False
    rest = text[end:title_end].lstrip(")").lstrip()
    return min(s_span.start_char, l_span.start_char) == 0 and (not rest or rest.startswith(":"))


_AGENT_OR_PROCESS = re.compile(r"[a-z]{2}(?:er|or|ing)s?$")
_PROCESS_NOUN = re.compile(r"[a-z]{2}(?:er|or|ing|tion|sion|ment|ance|ence)s?$")  # a step of a method, told in order
# words in -er/-or that name no agent: anatomy, physics, people, quantities ("whole tumor (WT)", "delay-Doppler (DD)")
_NOT_AGENTS = frozenset("""tumor tumour doppler fisher color colour factor vector sensor error order paper water number border
user customer player member center centre meter parameter character power cluster river liver cancer donor actor
competitor author reader viewer listener speaker driver rider manager owner partner minister officer""".split())


def _agent_or_process(long: str) -> bool:
    """A long form ending in an agent noun or a process ("video compressor", "check node scheduling")."""
    word = last_word(long)
    return bool(_AGENT_OR_PROCESS.search(word)) and word.rstrip("s") not in _NOT_AGENTS and word not in _NOT_AGENTS


def _abstract_outperforms(text: str, name: str) -> bool:
    return outperforms(text, name, *section_ends(text)[:2])


# What follows a short form proposed on its own: the end of the clause or a method noun ("an EG-RL framework";
# not "a revised CDCR annotation scheme", "RADE-Net", "translating LB to German")
_PROPOSED_LATER = re.compile(r"\s*(?:[,.;:(]|(framework|method|approach|model|module|mechanism|strategy|algorithm|architecture"
                             r"|technique|pipeline|network|paradigm|scheme)s?\b)")


def _ends_in_method_acronym(gaz: Gazetteer, name: str) -> bool:
    """A coined name whose last capitalised part is a method acronym the gazetteer knows ("ChimeraLoRA")."""
    for i in range(1, len(name) - 2):
        if name[i].isupper() and (eid := gaz.by_acronym.get(name[i:])) is not None and eid.startswith("method:"):
            return True
    return False


_SPACED_VERSION = re.compile(r" [vV]?\d+(?:\.\d+)*$")


# An article-less subtitle up to its head noun: "Depression and Anxiety Romanian Text Corpus (for ...)"
_BARE_DATA_SUBTITLE = re.compile(r": (?!(?:an?|the) )(?:[\w\-]+ ){0,6}?([\w\-]+)(?: (?:for|of|with|on|from|in)\b|[:,.\n]|$)", re.I)


def _abstract_proposes(text: str, name: str) -> bool:
    """Whether the abstract proposes ``name`` ("we present LiCQA") or has it outperform others."""
    start, end = section_ends(text)[:2]
    return outperforms(text, name, start, end) or any(trigger_just_before(text, at) for at in find_word(text, name, start, end))


def _abstract_says(name: str, text: str, verdict: Verdict, strict: bool = False) -> Verdict:
    """What an appositive after the name in the abstract says it is ("X, a dataset of ..."), else ``verdict``.

    ``strict``: only what the appositive says outright ("an evaluation framework" is no dataset then)."""
    start = section_ends(text)[0]
    for pos in find_word(text, name, start, section_ends(text)[1]):
        after = text[pos + len(name):pos + len(name) + 120]
        copula = _COPULA.match(after)  # "DimABSA is a challenging benchmark": what the paper says it is
        kind = appositive_kind("," + after[copula.end():] if copula else after)
        if kind == "evaluation" and is_dataset_name(name) and not strict:
            kind = "dataset"
        if kind in ("dataset", "metric", "product"):
            return "dataset" if kind == "dataset" else "reject"
    return verdict


_COPULA = re.compile(r" (?:is|was|remains|serves as)(?= (?:a|an|the) )")


def _same_name(name: str, surface: str) -> bool:
    """Equal, or an acronym and its plural ("GFM"/"GFMs"; not "SGR"/"SGRS": a capital S may be a letter)."""
    if name == surface:
        return True
    if not looks_like_acronym(name) or not looks_like_acronym(surface):
        return False
    return name == surface + "s" or surface == name + "s"


def _in_title(text: str, name: str) -> bool:
    title = text[: section_ends(text)[0]]
    return next(find_word(title, name), None) is not None


# Companies that make models: a bare model family listed beside one is the company ("DeepSeek").
_COMPANIES = frozenset("""OpenAI Anthropic Google Meta Microsoft NVIDIA Alibaba Alphabet DeepMind xAI Amazon Apple
Baidu Tencent ByteDance Huawei IBM Zhipu Moonshot""".split())
# a list separator, never a bare space: "Google Gemini" is the model
_ITEM_AFTER = re.compile(r"(?:,? and |,? or |, )([A-Z][A-Za-z]+)(?=,| and | or |[.;:)]|$)")  # not "Meta Llama"
_ITEM_BEFORE = re.compile(r"\b([A-Z][A-Za-z]+)(?:,? and |,? or |, )$")


def _among_companies(text: str, start: int, end: int) -> bool:
    """A bare name (no version) whose list neighbour, before or after, is a company."""
    if any(c.isdigit() or c == "-" for c in text[start:end]):
        return False
    after = _ITEM_AFTER.match(text, end)
    if after is not None and after.group(1) in _COMPANIES:
        return True
    before = _ITEM_BEFORE.search(text, max(0, start - 30), start)
    return before is not None and before.group(1) in _COMPANIES


def _in_repeat(text: str, start: int, end: int, names: set[str]) -> bool:
    """``text[start:end]`` lies inside a later occurrence of a discovered one-word name: the summary's
    "PANGAEA-GPT" holds the same "GPT" as the abstract's (the proposal spans only the first). Names of
    several words and defined acronyms are left out: "modality-specific mixture-of-experts (MS-MoE)"
    builds on MoE, which the rules count as a mention of its own."""
    hit = text[start:end]
    for name in names:
        if len(name) > len(hit) and (i := name.find(hit)) >= 0 and text.startswith(name, start - i):
            return True
    return False


def _repeats(doc: Doc, local: dict[str, Resolved | None], found: list[Span]) -> list[Span]:
    """Later occurrences of discovered names (their count and sources need them)."""
    out: list[Span] = []
    text = doc_text(doc)
    seen: set[str] = set()
    taken: bytearray | None = None  # taken[i]: character i lies in a span found before (built when first needed)
    for res in local.values():
        if res is None or res.key in seen:
            continue
        seen.add(res.key)
        eid = _eid(res.kind, res.key)
        for surface in _with_plurals({s for s in res.surfaces if len(s) > 1} or {res.name}):
            for start in find_word(text, surface):
                if taken is None:
                    taken = _covered(len(text), ((s.start_char, s.end_char) for s in found))
                if taken[start]:
                    continue
                stop = start + len(surface)
                sp = _span(doc, start, stop, eid, "repeat", res.name)
                if sp is not None:
                    taken[start:stop] = b"\x01" * (stop - start)
                    out.append(sp)
    return out


def _covered(size: int, ranges: Iterable[tuple[int, int]]) -> bytearray:
    """A byte per character, 1 where one of the character ranges ``[a, b)`` covers it.

    One index then answers "inside a span found before?" (a scan of all spans did, per occurrence).
    """
    mask = bytearray(size)
    for a, b in ranges:
        if b > a:
            mask[a:b] = b"\x01" * (b - a)
    return mask


def _with_plurals(surfaces: set[str]) -> list[str]:
    """Surfaces plus the plural/singular of acronyms ("GFM" -> "GFMs", "SCMs" -> "SCM"), longest first."""
    out = set(surfaces)
    for s in surfaces:
        if looks_like_acronym(s):
            out.add(s[:-1] if s.endswith("s") and s[-2:-1].isupper() else s + "s")
    return sorted(out, key=len, reverse=True)


def same_method(a: str, b: str) -> bool:
    """Whether two spellings are the same after normalisation (case, hyphens, plural)."""
    return norm_phrase(a) == norm_phrase(b)


__all__ = ["resolve_doc", "entry_for", "definition_entry", "long_forms_agree", "same_method", "Resolved"]
