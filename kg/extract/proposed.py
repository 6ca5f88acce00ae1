"""Names a paper coins for its own method: "we propose X", "X: ..." titles, "named X".

Pure string rules over the cleaned title and abstract; the spaCy component in
:mod:`kg.extract.components` turns the offsets into spans. An unnamed proposal
("we propose a novel framework") yields nothing.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.extract.filters import NAME_STOPWORDS, appositive_kind
from kg.extract.text import find_any, find_word, finditer_at, is_name_like, literal_prefix

# "we propose", "this paper introduces", "we further present", "which we call"
_PROPOSING = r"(?:propose|introduce|present|develop|design|call|name|term|dub|devise|build|formulate|construct|coin)[sd]?\b"
_ADVERB = r"(?:\w+ly\s+|also\s+|further\s+|then\s+|therefore\s+|thus\s+|hence\s+|here\s+|now\s+|first\s+|next\s+|instead\s+)?"
_TRIGGER_ALTERNATIVES = (
    *(subject + r"\s+" + _ADVERB + _PROPOSING for subject in (
        "we", "this (?:paper|work|study|article|letter|approach|framework)",
        "our (?:work|paper|method|approach|framework|model|system)")),
    *(word + r"\b" for word in ("named", "called", "dubbed", "termed", "coined")),
    r"by (?:introducing|proposing|developing|designing|presenting)\b",
    # "we curate ColonReason ... and develop ColonR1": the second verb of a "we" sentence
    r"and (?:then |further |also )?(?:propose|introduce|present|develop|design|devise)[sd]?\b",
    r"proposed (?:method|framework|model|approach|algorithm|system|architecture)\b",
    r"a (?:novel|new)\b", r"an (?:novel|new)\b", r"the proposed\b", r"our proposed\b",
    # "a novel framework, X", "The resulting model, DKT, achieves", "a lightweight component, TTSV (...)"
    *(noun + r",(?=\s)" for noun in """framework method algorithm approach architecture module technique strategy model
mechanism component paradigm pipeline scheme""".split()),
    r"our (?:method|framework|model|approach|algorithm|system|architecture)\b(?=\s)",
    # "At its core is an Intent State (IS)", "At the core of SemVideo is SemMiner", "Central to our model is a ..."
    r"at (?:its|the) (?:core|heart)(?: of [\w\-]+)?,? (?:is|lies|are)\b", r"central to (?:our|this|the|its) [\w\-]+ (?:is|are)\b",
)
# One word boundary, then alternatives that each open with a letter: the engine tests the boundary once
# per character and then only the alternatives starting with that letter (a "\b" in front of each of
# them was tested at every character, about 20% slower). The alternatives keep their order, so the
# matches are the same as with each alternative's own "\b".
_TRIGGER = re.compile(r"\b(?:" + "|".join(_TRIGGER_ALTERNATIVES) + ")", re.IGNORECASE)
# The same pattern, case-sensitive, run on lower-cased text: twice as fast as IGNORECASE; and only
# tried where an alternative's literal opening occurs ("we", "this ", "a ", "framework,": 0.24 -> 0.10 s
# a pass over the shared corpus, the same matches).
_TRIGGER_LC = re.compile(_TRIGGER.pattern)
_TRIGGER_ANCHORS = tuple(dict.fromkeys(map(literal_prefix, _TRIGGER_ALTERNATIVES)))
assert all(_TRIGGER_ANCHORS), "each alternative opens with literal text (finditer_at needs it)"


def _triggers(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """Proposing phrases in ``text[start:end]`` (offsets into ``text``)."""
    end = len(text) if end is None else end
    low = _lower(text)
    # lower() may change the length of non-ASCII text: then the case-insensitive pattern over the text
    found = finditer_at(_TRIGGER_LC, _TRIGGER_ANCHORS, low, start, end) if len(low) == len(text) else _TRIGGER.finditer(text, start, end)
    for m in found:
        # "Named Entity Recognition": a capitalised "Named"/"Called" starts a longer name, it names nothing
        if text[m.start()].isupper() and m.group(0).casefold() in _NAMING_WORDS:
            continue
        yield m


_NAMING_WORDS = frozenset("named called dubbed termed coined".split())
_lower = functools.lru_cache(maxsize=16)(str.lower)  # one paper's text is searched for triggers many times


_WORD = re.compile(r"[A-Za-z0-9][\w\-.'+]*[\w+]|[A-Za-z0-9]")
# Words that may stand between a trigger and the name: determiners and the usual adjectives.
_SKIP = frozenset("""a an the novel new simple general unified lightweight efficient effective
scalable principled generic first our two three dedicated as""".split())  # "termed as X"
# Nouns a coined name is followed by ("a Structural Distillation method").
HEAD_NOUNS = frozenset("""framework method model approach algorithm architecture network system pipeline
mechanism technique strategy paradigm module agent scheme procedure variant loss estimator
encoder decoder policy layer block""".split())
# What may follow a bare capitalised name ("we introduce Klear and ...").
_AFTER_NAME = frozenset(", ( : ; . and which that to for with as , - that, which,".split())
_MAX_WORDS = 5
_EPONYM_ADJECTIVE = re.compile(r"[A-Z][a-z]+(?:ian|ean)")  # Bayesian, Gaussian, Hamiltonian, Euclidean, Boolean
_DASH_GLUED = re.compile(r"[a-z]{3,}s-(?=[A-Z][a-z])")  # "components-Identifier": a plural, a dash, a name


@dataclass(frozen=True, slots=True)
class Proposal:
    """A coined name and where it stands in the searched text."""

    name: str
    start: int
    end: int
    source: str  # "title" or "trigger"


_TITLE_DASH = re.compile(r" (?:--|—|–) ")  # "F2IND-IT! -- Multimodal ...", "Foo — A Method for ..."


def title_name(title: str, abstract: str) -> str | None:
    """The coined name before a title's colon ("InfiniDepth: Arbitrary-Resolution ...").

    The part before the first ": " counts when it has at most four words, no comma,
    does not start like a sentence ("Beyond", "Towards", "The", a gerund) and is either one
    name-like word or appears again in the abstract ("Goal Force", "Project Synapse").
    """
    head, sep, rest = title.partition(": ")
    if not sep and (dash := _TITLE_DASH.search(title)):  # a spaced dash separates the name as a colon does
        head, sep, rest = title[:dash.start()], dash.group(), title[dash.end():]
    head = head.strip().rstrip("!")
    if not sep or not head or "," in head or "?" in head or len(head.split()) > 4 or _REPORT.match(rest):
        return None
    if _BENCHMARK_TITLE.match(rest):
        return None  # "SC-Arena: A Natural Language Benchmark for ...": the head names a benchmark
    if _STUDY_TITLE.match(rest) and not any(trigger_just_before(abstract, at) for at in find_word(abstract, head)):
        return None  # "ArXiv-to-Model: A Practical Study of ...": a study's title, unless the abstract proposes the name
    words = head.split()
    if words[0].casefold() in NAME_STOPWORDS or not words[0][:1].isupper() and not words[0][:1].isdigit():
        return None
    if len(words) == 1 and is_name_like(head):
        return _without_size(head, abstract)
    if words[0].casefold().endswith("ing") and not is_name_like(words[0]):
        return None  # "Finding Needles in Images: ...": a phrase that starts like a sentence
    if _in_text(head, abstract):
        return head
    if len(words) == 1 and _unused_word(head, abstract):
        return head  # "Skullptor: High Fidelity 3D Head Reconstruction ...": a word the abstract never uses is a coined name
    # "Attachment Anchors: A Novel Framework ..." then "we introduce attachment anchors, a ...": the abstract
    # proposes the name in lower case
    lowered = abstract.lower()
    if " " not in head or len(lowered) != len(abstract):  # (offsets into the lowered text must hold in the abstract)
        return None
    # (not where the abstract defines it: "we propose difficulty-guided sampling (DGS)" names it with its acronym)
    return head if any(trigger_just_before(abstract, at) and not abstract[at + len(head):].lstrip().startswith("(")
                       and not _PHENOMENON_BEFORE.search(abstract, max(0, at - 40), at)
                       for at in find_word(lowered, head.lower())) else None


# "We study a phenomenon termed contextual drag": the name of what the paper observes, not of a method
_PHENOMENON_BEFORE = re.compile(r"\b(?:phenomenon|phenomena|behaviou?rs?|effects?|failure modes?|biase?s?)\s+(?:termed|called|named|dubbed)\s+$")


# "ARC Prize 2025: Technical Report", "Agentic RAG: A Survey": the head names a topic, not a method.
_REPORT = re.compile(r"(?:an? |the )?(?:technical report|survey|review|report|tutorial|position paper|primer)\b", re.I)


_STUDY_TITLE = re.compile(r"(?:(?:an? |the )(?:[\w\-]+ ){0,2}|(?:empirical|comparative|systematic|practical|case) )"
                          r"(?:study|studies|analysis|investigation|comparison|perspective|overview|examination)\b", re.I)


# "X: Benchmarking LLMs for ...", "X: A Benchmark for ...", "X: A Multilingual Evaluation Suite"
_BENCHMARK_TITLE = re.compile(r"benchmarking\b|(?:an? |the )?(?:[\w\-]+ ){0,4}(?:benchmark|evaluation suite|testbed)\b", re.I)


_SIZE_SUFFIX = re.compile(r"-\d+(?:\.\d+)?[KMBT]$")


def _without_size(name: str, abstract: str) -> str:
    """"TF3-RO-50M" is the 50M-parameter TF3-RO when the abstract names the model without the size."""
    bare = _SIZE_SUFFIX.sub("", name)
    return bare if bare != name and is_name_like(bare) and _in_text(bare, abstract) else name


# Words that open a title by its genre, not by a name ("Position: ...", ICML's position papers)
_TITLE_GENRES = frozenset("""position survey review tutorial demo poster abstract preprint editorial commentary erratum
correction perspective keynote overview opinion note report benchmark dataset challenge workshop proceedings vision
roadmap manifesto primer retrospective""".split())


def _unused_word(word: str, abstract: str) -> bool:
    """A capitalised word of letters that the abstract does not use in any form: "Hippocampus: ..." is about the
    hippocampus ("hippocampal"), "Skullptor: ..." names the paper's system. The stem is the word without its last
    three letters (at least four kept), so that "Surgery" meets "surgical" and "Emergence" meets "emergent"."""
    if not (word[:1].isupper() and word[1:].islower() and word.isalpha() and len(word) >= 4) or word.casefold() in _TITLE_GENRES:
        return False
    return word[:max(4, len(word) - 3)].casefold() not in abstract.casefold()


def _in_text(name: str, text: str) -> bool:
    return any(text[i + len(name): i + len(name) + 1] != "-" for i in find_word(text, name))


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit() and is_name_like(word)


def after_trigger(text: str, pos: int, end: int, lenient: bool = False) -> tuple[str, int, int] | None:
    """The coined name just after a trigger ending at ``pos``, or None.

    Skips a determiner and common adjectives, then takes up to five capitalised or
    name-like words (hyphen parts included). One name-like word is enough
    ("SymGraph"); an ordinary capitalised word must be followed by punctuation or
    a conjunction ("Klear and", "the Human Imitator,"); several capitalised words
    must be followed by punctuation, a parenthesis or a head noun ("a Structural
    Distillation method"), unless ``lenient`` (after "the proposed").
    """
    words: list[re.Match[str]] = []
    gap_end: int | None = None  # where a lower-case word glued to the name by a dash starts
    for m in _WORD.finditer(text, pos, min(end, pos + 200)):
        w = m.group(0)
        if not words and (w.casefold() in _SKIP or lenient and w.casefold() in HEAD_NOUNS):
            continue  # "the proposed (method) EWC-LoRA"
        if words and text[words[-1].end():m.start()].strip():
            break  # punctuation between words ends the name: "Foo (FB)", "Foo, a ..."
        if not words and gap_end is None and (glued := _DASH_GLUED.match(w)) is not None:
            # "two novel components-Identifier Assigner and ...": a hyphen written for a dash, so the
            # name starts at the capital (a compound keeps its parts' case, see matching._inside_compound)
            gap_end = m.start()
            m = _WORD.match(text, m.start() + glued.end())
            if m is None:
                break
            w = m.group(0)
        if _is_capitalised(w) or is_name_like(w):
            words.append(m)
            if len(words) > _MAX_WORDS:
                return None
            continue
        break
    else:
        m = None
    if not words:
        return None
    start, stop = words[0].start(), words[-1].end()
    if (version := _VERSION_AFTER.match(text, stop)) is not None:
        stop = version.end()  # "We present PEACE 2.0, a novel tool": the name with its version (as the title writes it)
    name = text[start:stop]
    gap = text[pos:start if gap_end is None else gap_end].strip(" \"'“”").split()
    if not all(w.casefold() in _SKIP or lenient and w.casefold() in HEAD_NOUNS for w in gap):
        return None
    follow = text[stop:stop + 12].lstrip()
    nxt = follow.split(" ", 1)[0].casefold() if follow else "."
    ends_ok = (not follow or follow[0] in ",(:;.)\"”'" or nxt in _AFTER_NAME)
    if len(words) == 1 and is_name_like(name):
        modified = _MODIFIED.match(text, stop)
        if modified and not COINED.search(name) and modified.group(0)[1:].rstrip(",.") not in HEAD_NOUNS:
            return None  # "a Coarse-to-Fine frame selection strategy": a modifier of the words after it
        return name, start, stop
    if words[0].group(0).casefold() in NAME_STOPWORDS:
        return None
    if len(words) == 1 and not ends_ok and _EPONYM_ADJECTIVE.fullmatch(name):
        return None  # "We present a Bayesian framework", "a Lagrangian approach": an adjective of the method noun
    if ends_ok or nxt.rstrip(",.") in HEAD_NOUNS or lenient and len(words) > 1:
        return name, start, stop
    return None


_VERSION_AFTER = re.compile(r" [vV]?\d+(?:\.\d+)+(?![\w.]|\.\w)| [vV]\d+(?![\w.]|\.\w)")


# "we propose next-patch diffusion, a new decoding method", "We propose causal compilation, a paradigm that",
# "a technique called gradient surgery,": a lower-case coined name straight after a proposing verb or a
# naming word, with no determiner. Kept only when an appositive calls it a method, or (after "called")
# when the noun before it is a method noun; otherwise such words are as often a plain noun phrase.
_LOWER_NAME = re.compile(r" ((?:[a-z][a-z0-9]*|[A-Z][A-Z0-9]+)(?:-[A-Za-z0-9]+)*(?: [a-z][a-z0-9]*(?:-[A-Za-z0-9]+)*){0,3})"
                         r"(?=,? (?:a|an|the) |, )")
_PROPOSING_VERB = re.compile(r"(?:propose|introduce|present|develop|design|devise|call|name|term|dub|coin)[sd]?$|"
                             r"(?:named|called|dubbed|termed|coined)$")
_NOT_LOWER_START = frozenset("""to two three four five several multiple various both each some many new novel simple first
using leveraging exploiting employing applying adopting combining adding replacing extending treating modeling modelling
how what which whether that this these those it its their our an a the""".split())


def lowercase_name(text: str, trig: re.Match[str]) -> tuple[str, int, int] | None:
    """A lower-case coined name right after a proposing verb or naming word ``trig``, or None."""
    if not _PROPOSING_VERB.search(trig.group(0).casefold()):
        return None
    m = _LOWER_NAME.match(text, trig.end())
    if m is None:
        return None
    name = m.group(1)
    words = name.split()
    if words[0].casefold() in _NOT_LOWER_START or words[0].casefold() in NAME_STOPWORDS or words[-1] in _NOT_LOWER_START:
        return None
    kind = appositive_kind(text[m.end(1):m.end(1) + 120], strict=True)
    naming = trig.group(0).casefold() in _NAMING_WORDS
    if kind == "method" or naming and kind is None and _method_noun_before(text, trig.start()):
        return name, m.start(1), m.end(1)
    return None


def _method_noun_before(text: str, pos: int) -> bool:
    """Whether a method noun ends right before ``pos`` ("a technique called ...", "a strategy, termed")."""
    before = text[max(0, pos - 20):pos].rstrip(" ,").rsplit(" ", 1)[-1].casefold()
    return before.rstrip("s") in HEAD_NOUNS or before in HEAD_NOUNS


# A lower-case content word right after a name makes the name a modifier ("Coarse-to-Fine frame").
_MODIFIED = re.compile(r" (?!(?:and|or|to|for|with|that|which|where|in|on|of|is|are|as|by|via|from|at|through|using|into|over"
                       r"|under|across|between|against|without|within|based|achieves|outperforms)\b)[a-z][a-z\-]+")


def find_proposals(title: str, abstract: str, abstract_offset: int) -> list[Proposal]:
    """Coined names in a paper's title and abstract, in order of appearance.

    Args:
        title: the cleaned title (offset 0 of the searched text).
        abstract: the cleaned abstract.
        abstract_offset: where the abstract starts in the searched text.

    Returns:
        The proposals, with offsets into ``title + sep + abstract``.
    """
    out: list[Proposal] = []
    name = title_name(title, abstract)
    if name:
        out.append(Proposal(name, 0, len(name), "title"))
    triggers = list(_triggers(abstract))
    for trig in triggers:
        hit = after_trigger(abstract, trig.end(), len(abstract), lenient=trig.group(0).casefold().endswith("proposed"))
        if hit is None:
            hit = lowercase_name(abstract, trig)
        if hit:
            n, s, e = hit
            out.append(Proposal(n, abstract_offset + s, abstract_offset + e, "trigger"))
    for m in _TITLED_HEAD.finditer(abstract):
        if m.group(1).split()[0].casefold() not in NAME_STOPWORDS:
            out.append(Proposal(m.group(1), abstract_offset + m.start(1), abstract_offset + m.end(1), "headed:" + m.group(2)))
    known = [p.name for p in out]
    # where the paper proposes: its proposing phrases and its own name doing something ("EAPO introduces")
    ends = sorted([t.end() for t in triggers] + list(_name_as_subject(abstract, known)))
    seen = {(p.start, p.end) for p in out}
    for name, start, source in (*titled_names(abstract, ends), *names_after_head(abstract, ends),
                                *enumerated_names(abstract, known, ends), *ordinal_names(abstract, known),
                                *derived_names(abstract, known)):
        span = (abstract_offset + start, abstract_offset + start + len(name))
        if span not in seen:  # ("our method HORSE": the trigger found it already)
            seen.add(span)
            out.append(Proposal(name, *span, source))
    for name, start in coordinated_names(abstract, [p.name for p in out], ends):
        span = (abstract_offset + start, abstract_offset + start + len(name))
        if span not in seen:
            seen.add(span)
            out.append(Proposal(name, *span, "trigger"))
    for name, start in parenthesised_names(abstract):
        span = (abstract_offset + start, abstract_offset + start + len(name))
        if span not in seen:
            seen.add(span)
            out.append(Proposal(name, *span, "trigger" if _in_proposing_sentence(abstract, ends, start) else "mention"))
    for m in _COMPOUND.finditer(abstract):
        out.append(Proposal(m.group(0), abstract_offset + m.start(), abstract_offset + m.end(), "compound"))
    for name, head, start in eponyms(abstract):
        out.append(Proposal(name, abstract_offset + start, abstract_offset + start + len(name), "headed:" + head))
    for name, start in colon_list_names(abstract, ends):
        span = (abstract_offset + start, abstract_offset + start + len(name))
        if span not in seen:
            seen.add(span)
            out.append(Proposal(name, *span, "trigger"))
    for name, start in (*described_names(abstract), *used_names(abstract)):
        span = (abstract_offset + start, abstract_offset + start + len(name))
        if span not in seen:
            seen.add(span)
            out.append(Proposal(name, *span, "trigger"))
    for name, start in compared_names(abstract):
        span = (abstract_offset + start, abstract_offset + start + len(name))
        if span not in seen:  # "we propose SymGraph, a symbolic framework": proposed, not only mentioned
            out.append(Proposal(name, *span, "mention"))
    taken = [(p.start, p.end) for p in out]
    for name, start, end in sized_names(abstract):
        span = (abstract_offset + start, abstract_offset + start + len(name))
        if not any(a < abstract_offset + end and span[0] < b for a, b in taken):  # the token, not only the name
            out.append(Proposal(name, *span, "mention"))
    # a method noun alone names nothing ("the proposed framework can ...")
    return [p for p in out if not (p.name.islower() and p.name.rstrip("s") in HEAD_NOUNS)]


# A model named with its parameter count ("Aya-expanse-8B", "VARCO-VISION-2.0-14B", "Flash-VStream-7B-Instruct"):
# the count says it is a pretrained model, whatever its family. The name is the family: the count, a version
# before it and a tier after it are dropped, so that two sizes are one model (as for the families the
# gazetteer knows). Billions only: "-1M", "-400M" end the names of datasets (MS-Celeb-1M, LAION-400M).
_SIZED = re.compile(r"([A-Z](?<![\w\-./].)[A-Za-z0-9]*(?:[\-.][A-Za-z0-9]+)*?)(?:-v?\d+(?:\.\d+)*)?-\d{1,3}(?:\.\d+)?B"
                    r"(?:-[A-Za-z][A-Za-z0-9]*)*(?![\w\-])")


def sized_names(text: str) -> Iterator[tuple[str, int, int]]:
    """``(name, start, end of the token)`` of each model named with its size (see above), its family as the name
    when that is a coined spelling, else the whole token."""
    if "B" not in text:
        return
    for m in _SIZED.finditer(text):
        family = m.group(1)
        name = family if COINED.search(family) else m.group(0)
        if len(family) >= 2:
            yield name, m.start(), m.end()


# "via OCR Rectification, a method that leverages ...": a Title-Case name the paper says is a method.
# (Capital first, the lookbehind after it: the regex starts with a character set, which is skipped along fast.)
_DESCRIBED_MULTI = re.compile(r"[A-Z](?<![\w\-].)[\w\-]*(?: [A-Z][\w\-]*){1,4}(?=, (?:a|an) )")
# The appositives _DESCRIBED_MULTI and _DESCRIBED look ahead for: a text without one (about half the abstracts)
# is passed over after a few str.find calls instead of a scan that stops at every capital.
_A_OR_AN = (", a ", ", an ")
_A_AN_OR_THE = (", a ", ", an ", ", the ")


def described_names(text: str) -> Iterator[tuple[str, int]]:
    """``(name, start)`` of capitalised multiword names followed by an appositive calling them a method."""
    if not any(a in text for a in _A_OR_AN):
        return
    for m in _DESCRIBED_MULTI.finditer(text):
        name = m.group(0)
        if name.split()[0].casefold() in NAME_STOPWORDS or _SENTENCE_START.search(text, max(0, m.start() - 2), m.start()):
            continue  # "The Proposed Method, a ..."; a sentence's first words are capitalised anyway
        if _NAME_TAIL_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue  # "Trajectory Replay via Concept-Basis Reconstruction, a": the end of a longer name
        if appositive_kind(text[m.end():m.end() + 120], strict=True) == "method":
            yield name, m.start()


_PLAIN_NAME = re.compile(r"[A-Z](?<![\w\-].)[a-z]{3,}(?=, (?:a|an) )")
# a verb of use or making right before the name
_USED_BEFORE = re.compile(r"\b(?:use[sd]?|using|utili[sz](?:e[sd]?|ing)|employ(?:s|ed|ing)?|adopt(?:s|ed|ing)?|appl(?:y|ies|ied|ying)"
                          r"|develop(?:s|ed)?|leverag(?:e[sd]?|ing)|implement(?:s|ed)?|build(?:s)?|built) $")


def used_names(text: str) -> Iterator[tuple[str, int]]:
    """``(name, start)`` of plain capitalised words a verb of use or making puts before an appositive calling them
    a method: "we developed Nimbus, a fast microphysical cloud model", "utilize Virga, an equilibrium condensation
    model". (A capitalised word alone is as often a place or a person: both the verb and the appositive are needed.)"""
    if not any(a in text for a in _A_OR_AN):
        return
    for m in _PLAIN_NAME.finditer(text):
        name = m.group(0)
        if name.casefold() in NAME_STOPWORDS or not _USED_BEFORE.search(text, max(0, m.start() - 24), m.start()):
            continue
        after = text[m.end():m.end() + 120]
        if appositive_kind(after, strict=True) == "method" and not _PLACE_OF_WORK.match(after):
            yield name, m.start()


# "using Concordia, a natural language multi-agent simulation environment": a place to run methods in, not one
_PLACE_OF_WORK = re.compile(r", an? (?:[\w\-]+ ){0,5}(?:environment|simulator|platform|library|engine|benchmark)s?\b")

_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s*)$")
_NAME_TAIL_BEFORE = re.compile(r"(?:(?:[A-Z][\w\-]*|\))\s+(?:with|via|for|of|and|in|on|to|by|from|using)\s+|\)\s*|--? |– |: "
                               r"|(?<![\w\-])[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*, )$")  # "we propose MDSE, Multimodal Disaster ..."


# "a Multi-Modal Gaussian Transformer that", "Central to our model is a Topology-aware Skeleton
# Embedding Module that": Title-Case words after a determiner whose last word is itself a
# capitalised method noun, then a relative word or punctuation. Proposed only in a proposing
# sentence: elsewhere such phrases are as often names of known things the gazetteer reads.
_CAP_HEADS = tuple("""Module Mechanism Network Transformer Paradigm Framework Strategy Loss Reward Encoder Decoder Block
Attention Head Layer Adapter Alignment Fusion Distillation Optimization Optimisation Sampling Prompting Tuning Training
Embedding Pooling Aggregation Regularization Encoding Decoding Masking Routing Architecture
Sampler Selector Generator Predictor Estimator Scheduler Compressor Tokenizer Retriever Refiner Router Controller
Planner Reasoner Verifier Forcing Calibration Rectification Augmentation Pre-training Pretraining Fine-tuning
Prior Stage Guidance Scaling Compensation Objective Gate Gating Operator Unit""".split())
# The capitalised words first (a regex that starts with a character set is skipped along fast), then
# the determiner before them.
_TITLED_NAME = re.compile(r"[A-Z](?<![\w\-].)[\w\-]*(?: [A-Z][\w\-]*){0,3} (?:" + "|".join(_CAP_HEADS) + r")"
                          r"(?=\s+(?:that|which|to|for|with)\b|\s*[,(;.])")
# "through a Hyperbolic JEPA, which maps ...": capitalised words before an acronym (a known architecture's variant
# named by the paper), then a relative word or punctuation.
_TITLED_ACRONYM = re.compile(r"[A-Z](?<![\w\-].)[a-z][\w\-]*(?: [A-Z][a-z][\w\-]*){0,2} [A-Z][A-Za-z]*[A-Z][A-Za-z0-9]*"
                             r"(?=\s+(?:that|which|to|for|with)\b|\s*[,(;.])")


def titled_names(text: str, trigger_ends: list[int]) -> Iterator[tuple[str, int, str]]:
    """``(name, start, "trigger")`` of capitalised names ending in a method noun, in a proposing sentence,
    and of multiword ones that end in a component noun in any other sentence.

    In a proposing sentence the text from the end of each proposing phrase (``trigger_ends``,
    ascending) to the end of its sentence is searched. Elsewhere a paper describes its parts without
    a proposing verb ("a Modality-Consistent Batch Scheduler that facilitates ...", "the Concept Gating
    Mechanism selectively amplifies ..."): three or more Title-Case words after a determiner, the last a
    component noun (:data:`_PART_HEADS`), not a known name (the caller's gazetteer check). Two words are
    as often a description ("the Feature Decoder") or software ("the NeMo Framework").
    """
    searched = 0
    spans: list[tuple[int, int]] = []
    for trig_end in trigger_ends:
        end = _SENTENCE_END.search(text, trig_end)
        start, stop = max(trig_end, searched), end.start() if end else len(text)
        searched = max(searched, stop)
        spans.append((start, stop))
        for m in (*_TITLED_NAME.finditer(text, start, stop + 1), *_TITLED_ACRONYM.finditer(text, start, stop + 1)):
            name = m.group(0)
            if _DETERMINER_BEFORE.search(text, max(0, m.start() - 25), m.start()) and name.split()[0].casefold() not in NAME_STOPWORDS:
                yield name, m.start(), "trigger"
    for m in _TITLED_NAME.finditer(text) if trigger_ends else ():  # (only in a paper that proposes something)
        name = m.group(0)
        words = name.split()
        if (len(words) >= 3 and words[-1] in _PART_HEADS and not any(a <= m.start() <= b for a, b in spans)
                and _DETERMINER_BEFORE.search(text, max(0, m.start() - 25), m.start())
                and words[0].casefold() not in NAME_STOPWORDS and not _OTHERS_WORK.search(_sentence_around(text, m.start(), m.end()))):
            yield name, m.start(), "trigger"


# A sentence about other work: "Prior work used a Hierarchical Fusion Module that merges scales."
_OTHERS_WORK = re.compile(r"\b(?:prior|previous|existing|earlier|recent|conventional|traditional|baselines?|they|their"
                          r"|state-of-the-art)\b", re.I)


# The component nouns that make a Title-Case phrase a named part outside a proposing sentence (not Stage, Prior,
# Objective, Loss, Reward: "the Refine Stage", "a Gaussian Prior" are as often descriptions).
_PART_HEADS = frozenset("""Module Mechanism Network Transformer Framework Strategy Encoder Decoder Block Head Layer
Adapter Sampler Selector Generator Predictor Estimator Scheduler Compressor Tokenizer Retriever Refiner Router
Controller Planner Reasoner Verifier Gate Gating Operator Unit""".split())


# "a novel training-free framework TAME.", "the visual RL method TFQ-GRPO, and": a coined name right
# after a method noun. The paper's own in a proposing sentence, otherwise a mention of another method.
_AFTER_HEAD_WORDS = tuple("""framework method model algorithm approach architecture module technique strategy paradigm
mechanism pipeline system agent variant scheme policy baseline""".split())
_NAME_AFTER_HEAD = re.compile(  # matched where str.find met a head word (one regex of alternatives is slower)
    r"[a-z]+ ([A-Za-z0-9][\w\-.+]*[\w+])"
    r"(?=\s*[,;:)]|\.(?:\s|$)|\s+(?:and|which|that|to|for|with|on|is|achieves|outperforms|trained)\b)"
)


_CAPITAL_IN_WORD = re.compile(r"[a-z0-9\-]*[A-Z0-9]")


def names_after_head(text: str, trigger_ends: list[int] | None = None) -> Iterator[tuple[str, int, str]]:
    """``(name, start, source)`` of coined names right after a method noun ("framework TAME").

    ``trigger_ends``: where the proposing phrases of ``text`` end, when the caller has them.
    """
    triggers = [t.end() for t in _triggers(text)] if trigger_ends is None else trigger_ends
    for at, head in find_any(text, _AFTER_HEAD_WORDS):
        first = at + len(head) + 1
        if text[first - 1:first] != " " or _CAPITAL_IN_WORD.match(text, first) is None:
            continue  # (most heads are followed by ordinary words: skip them before the regex)
        m = _NAME_AFTER_HEAD.match(text, at)
        if m is None or m.start(1) != at + len(head) + 1:
            continue
        name = m.group(1)
        if not is_name_like(name) or not COINED.search(name):
            continue
        if _in_proposing_sentence(text, triggers, m.start(1)):
            yield name, m.start(1), "trigger"
        elif not _SHORT_CAPS.match(name):
            yield name, m.start(1), "mention"


# "we propose: (i) Adaptive Bounding Box Scaling (ABBS), which ...", "four key components: (1) LiDAR
# Depth Feature Aggregation (LDFA), ..., and (4) Gauss-Mamba Head that": the items of a list the paper
# proposes. A marker, then one coined word or two to six capitalised words.
_ENUM_BEFORE = re.compile(r"(?:\(\s*(?:[1-9]|i{1,3}|iv|vi{0,3})\s*|(?<![\w(])(?:[1-9]|i{1,3}|iv|vi{0,3}))$")
_ENUM_AFTER = re.compile(r"\)\s*(?:(?:[Aa]n?|[Tt]he)\s+)?")


# "a prompt debiasing mechanism (PromptDebias)": a coined name in parentheses after a phrase ending in a method
# noun. (A definition there, "... mechanism (PDM)", is read by kg.extract.acronyms and wins.)
_PARENTHESISED_NAME = re.compile(r"[A-Za-z][\w\-]*\w(?=\))")


def parenthesised_names(text: str) -> Iterator[tuple[str, int]]:
    """``(name, start)`` of coined names in parentheses right after a method noun."""
    at = text.find(" (")
    while at >= 0:  # (str.find to each parenthesis: a regex led by the method nouns scans every character)
        word = text[text.rfind(" ", 0, at) + 1:at]
        if word in HEAD_NOUNS or word[-1:] == "s" and word[:-1] in HEAD_NOUNS:
            m = _PARENTHESISED_NAME.match(text, at + 2)
            if m is not None:
                name = m.group(0)
                if COINED.search(name) and len(name) >= 5 and not name.isupper() and is_name_like(name):
                    yield name, m.start()
        at = text.find(" (", at + 2)


def _enum_marks(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of list markers ("(i) ", "(2) a ", "3) the "): found from each ")", which is
    cheaper than running a regex over the whole text."""
    close = text.find(")")
    while close >= 0:
        before = _ENUM_BEFORE.search(text, max(0, close - 5), close)
        if before is not None:
            after = _ENUM_AFTER.match(text, close)
            if after.end() > close + 1:
                yield before.start(), after.end()
        close = text.find(")", close + 1)


_ENUM_NAME = re.compile(r"[A-Z][\w\-]*(?:\s+(?:[A-Z][\w\-]*|of|for|and|with|via|in|to)){0,5}")
# What may follow a list item's name: a method noun ("(1) A Prog-Act framework with") or a participle
# ("(2) A Resource-Pool integrated with").
_NAME_THEN = re.compile(r"(?:" + "|".join(sorted(HEAD_NOUNS)) + r")s?\b|[a-z]+ed\b")
_PART = re.compile(r"(?:Stage|Step|Phase|Level|Part|Task|Section|Table|Figure|Fig|Eq)\b")  # "(1) Stage I mitigates"
_LINK_TAIL = re.compile(r"(?:\s+(?:of|for|and|with|via|in|to))+$")
# What makes a list the paper's own components rather than, say, a benchmark's categories.
_COMPONENT_CUE = re.compile(r"\b(?:components?|innovations?|contributions?|modules?|techniques|mechanisms|designs)\b"
                            # "The method combines (i) a ... encoder ... and (ii) a Half-UNet decoder"
                            r"|\b(?:method|framework|model|approach|system|architecture|pipeline) (?:combines|comprises"
                            r"|consists of|integrates|includes|contains|features)\b")
_DATA_CUE = re.compile(r"\b(?:benchmark|dataset|corpus|suite|categories|dimensions|types|levels|tasks|questions)\b", re.I)


def enumerated_names(text: str, known: list[str] = (), trigger_ends: list[int] | None = None) -> Iterator[tuple[str, int, str]]:
    """``(name, start, "trigger")`` of the named items of a list in a proposing sentence.

    The sentence up to the marker must propose ("we propose", "the proposed"), announce
    components ("two key innovations:") or name the paper's own method (``known``), and must not
    be describing a dataset's categories. ``trigger_ends``: where proposing phrases end, when known.
    """
    for mark_start, mark_end in _enum_marks(text):
        name_m = _ENUM_NAME.match(text, mark_end)
        if name_m is None:
            continue
        name = _LINK_TAIL.sub("", name_m.group(0))
        if " " not in name and not is_name_like(name) or name.split()[0].casefold() in NAME_STOPWORDS or _PART.match(name):
            continue
        modified = _MODIFIED.match(text, name_m.start() + len(name))
        if modified and not _NAME_THEN.match(modified.group(0)[1:]):
            continue  # "(iii) Metrics-vs-Expert correlation (MvE)": the first words of a longer name
        if _proposing_list(text, mark_start, known, trigger_ends):
            yield name, name_m.start(), "trigger"


# "Our framework comprises two stages. First, Spectral Representation Distillation transfers ...":
# sentences that open with an ordinal continue the list the sentence before announced.
_ORDINALS = ("First", "Finally", "Second", "Secondly", "Third", "Thirdly", "Fourth")
_ORDINAL = re.compile(r"(?:" + "|".join(_ORDINALS) + r"),? (?=[A-Z])")  # tried where the words occur (finditer_at)
_STAGE_CUE = re.compile(r"\b(?:stages?|steps?|phases?|parts|components?|modules?|innovations?|contributions?)\b")


def ordinal_names(text: str, known: list[str] = (), trigger_ends: list[int] | None = None) -> Iterator[tuple[str, int, str]]:
    """``(name, start, "trigger")`` of a capitalised multiword name opening an ordinal sentence of a
    proposing passage ("First, Spectral Representation Distillation transfers"): the sentence before it
    proposes, names the paper's method or announces stages or components."""
    for m in finditer_at(_ORDINAL, _ORDINALS, text):
        if m.start() > 1 and text[m.start() - 2:m.start()] not in (". ", "; ", ": "):
            continue  # an ordinal opens a sentence (or the text)
        name_m = _ENUM_NAME.match(text, m.end())
        if name_m is None:
            continue
        name = _LINK_TAIL.sub("", name_m.group(0))
        words = name.split()
        if len(words) < 2 or words[0].casefold() in NAME_STOPWORDS or _PART.match(name):
            continue
        if not text.startswith((" ", ","), name_m.start() + len(name)) or not _VERB_NEXT.match(text, name_m.start() + len(name)):
            continue
        before = text[max(0, m.start() - 200):m.start()]  # the sentence before, and a little more
        if _DATA_CUE.search(before):
            continue
        if _STAGE_CUE.search(before) or any(k in before for k in known) or next(_triggers(before), None) is not None:
            yield name, name_m.start(), "trigger"


_VERB_NEXT = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?(?:,\s+which\s+)?[a-z]+s\b")  # "... Distillation transfers"


def _proposing_list(text: str, mark_start: int, known: list[str] = (), trigger_ends: list[int] | None = None) -> bool:
    """Whether the sentence up to a list marker proposes, announces components or names ``known``.

    Only the words before the list's first marker count: "we highlight two capabilities: (1) Zero-Shot
    Adaptability, where our framework ..., (2) ..." is no list of components because an item mentions
    "our framework"; "we propose EchoTorrent, a schema with a fourfold design: (1) ... (3) Hybrid Long
    Tail Forcing" is one however long its items are.
    """
    whole = _sentence_before(text, mark_start, 1200)
    first = _FIRST_MARK.search(whole)
    list_start = mark_start - len(whole) + first.start() if first else mark_start
    if _DATA_CUE.search(whole[-400:]):  # the items too: "(1) KCL-MCQA, multiple-choice problems of 283 questions"
        return False
    sentence = (whole[:first.start()] if first else whole)[-400:]
    if trigger_ends is None:
        proposing = next(_triggers(sentence), None) is not None
    else:
        proposing = _in_proposing_sentence(text, trigger_ends, list_start)
    return bool(proposing or _COMPONENT_CUE.search(sentence) or any(k in sentence for k in known))


_FIRST_MARK = re.compile(r"\(\s*(?:1|i|a)\s*\)|(?<![\w(])(?:1|i)\)")  # where a list starts: "(1)", "(i)", "1)"


def _in_proposing_sentence(text: str, trigger_ends: list[int], pos: int) -> bool:
    """Whether a proposing phrase ends before ``pos`` in its sentence: what :func:`has_trigger_before`
    says, from the phrases found once for the whole text."""
    return any(e <= pos and pos - e < 400 and _SENTENCE_END.search(text, e, pos) is None for e in trigger_ends)


# "EAPO introduces a ... Group-Relative Evidence Reward", "RoSA comprises a ... module": the paper's own
# name as the subject of such a verb makes a proposing sentence.
_SUBJECT_VERB = re.compile(r" (?:further |also |then )?(?:introduces|incorporates|comprises|consists of|features|integrates"
                           r"|employs|includes|adopts|contains|combines|leverages|uses|designs|proposes)\b")


_DERIVED = re.compile(r"-([A-Za-z][A-Za-z0-9]*)(?![\w\-])")
_SIZE_OR_VERSION = re.compile(r"v?\d|\d*(?:\.\d+)?[KMBT]$|(?:test|train|val|dev|bench|set|eval|data|base|large|small|tiny"
                              r"|mini|lite|pro|plus|max|hard|easy|full)$", re.I)  # sizes and splits are not methods


def derived_names(text: str, names: list[str]) -> Iterator[tuple[str, int, str]]:
    """``(name, start, "trigger")`` of variants the paper derives from its own coined names: "we propose
    FAIL ... two algorithms: FAIL-PD exploits ..., while FAIL-PG", "FUSER-DF" (not sizes: "FooNet-7B")."""
    for name in dict.fromkeys(n for n in names if is_name_like(n) and " " not in n):
        for at in find_word(text, name):
            m = _DERIVED.match(text, at + len(name))
            if m is not None and not _SIZE_OR_VERSION.match(m.group(1)) and (m.group(1)[0].isupper() or is_name_like(m.group(1))):
                yield text[at:m.end()], at, "trigger"


# "InnoEval can consistently outperform baselines", "O-Shap outperforms baseline SHAP variants": what
# outperforms other methods is a method, whatever its name ends in (a benchmark or a task never does).
_OUTPERFORMS = re.compile(r"(?:'s)? (?:(?:can|could|also|further|still|consistently|significantly|substantially|clearly"
                          r"|greatly|markedly|notably|largely|even|often|then) )*(?:outperform|surpass|beat)(?:s|ed|es)?\b")


def outperforms(text: str, name: str, start: int = 0, end: int | None = None) -> bool:
    """Whether ``name`` is the subject of "outperforms/surpasses/beats" in ``text[start:end]``."""
    for at in find_word(text, name, start, end):
        if _OUTPERFORMS.match(text, at + len(name)) and _AFTER_PREPOSITION.search(text, max(0, at - 12), at) is None:
            return True  # (not "models trained on MieDB-100k consistently outperform ...": the data is no subject)
    return False


_AFTER_PREPOSITION = re.compile(r"\b(?:on|in|with|using|from|by|of|to|via|over|than|upon|and)\s+$")


# A paper's components told as a coordination of capitalised names: "By synergizing Adaptive Semantic Routing,
# Situation-Aware Hierarchical Reasoning, and Autonomous Self-Reflective Verification, NaviMind ...", "it employs a
# Global Commander for high-level strategic planning and a Local Operative for ...". A name is 2-5 capitalised
# words; between two names a comma or "and"/"or", after an optional clause of lower-case words ("for high-level
# strategic planning"); the item that follows is not glued to a lower-case noun ("Image Captioning task").
_CAP_NAME = r"[A-Z][a-z][\w]*(?:-[A-Za-z][\w]*)*(?: [A-Z][\w]*(?:-[A-Za-z][\w]*)*){1,4}"
_COORDINATION = re.compile(rf"({_CAP_NAME})((?:(?: (?:for|with|to|that) [a-z][a-z\-]*(?: [a-z][a-z\-]*){{0,4}})?"
                           rf"(?:,|,? and|,? or) (?:(?:a|an|the) )?{_CAP_NAME})+)")
_NEXT_NAME = re.compile(rf"(?:,|,? and|,? or) (?:(?:a|an|the) )?({_CAP_NAME})")
_DATA_WORDS = frozenset("data dataset datasets corpus corpora benchmark benchmarks set sets suite".split())
_PLURAL_PARTS = re.compile(r"(?:objectives|losses|strategies|components|modules|mechanisms|blocks|layers|stages)\b")
# What governs a list of parts: a verb of employing or proposing right before it (an article and adjectives between).
_GOVERNED = re.compile(r"\b(?:synergi[sz]ing|combining|integrating|incorporating|employing|introducing|coupling|unifying"
                       r"|employs|introduces|incorporates|integrates|comprises|combines|leverages|features|adopts|couples"
                       r"|unifies|consists of|composed of|propose|proposes|introduce|present|presents|the proposed)"
                       r"(?: (?:a|an|the|two|three|four|novel|new|key|core|complementary|dedicated|specialized|lightweight)){0,3} $",
                       re.IGNORECASE)
_IT_EMPLOYS = re.compile(r"\b(?:it|our (?:method|framework|model|approach|system)) (?:further |also |then )?(?:introduces|incorporates"
                         r"|comprises|consists of|features|integrates|employs|includes|adopts|contains|combines|leverages|uses)\b")


def coordinated_names(text: str, known: list[str], trigger_ends: list[int]) -> Iterator[tuple[str, int]]:
    """``(name, start)`` of each item of a coordination of capitalised names (see above) in a sentence that proposes,
    names the paper's own method (``known``) or says what "it" employs."""
    if " and " not in text and ", " not in text:
        return
    for m in _COORDINATION.finditer(text):
        if _GOVERNED.search(text, max(0, m.start() - 60), m.start()) is None:
            continue  # parts are what a method employs; a list after "including", "on", "for" is examples, data, tasks
        items = [(m.group(1), m.start(1))]
        items += [(n.group(1), m.start(2) + n.start(1)) for n in _NEXT_NAME.finditer(m.group(2))]
        if any(name.split()[0].casefold() in NAME_STOPWORDS or name.rsplit(" ", 1)[-1].casefold() in _DATA_WORDS
               for name, _ in items):
            continue  # ("incorporating Contextual Dependency Data and Dependency Decouple Data": data, not parts)
        sentence = _sentence_around(text, m.start(), m.end())
        if not (_in_proposing_sentence(text, trigger_ends, m.start()) or _IT_EMPLOYS.search(sentence)
                or any(k in sentence for k in known if k and k not in m.group(0))):
            continue
        last, last_start = items[-1]
        after = last_start + len(last) + 1
        if _MODIFIED.match(text, after - 1) and not (_NAME_THEN.match(text, after) or _PLURAL_PARTS.match(text, after)):
            continue  # "... and Image Captioning tasks" words of a longer phrase
        yield from items


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding ``text[start:end]`` (its head as :func:`_sentence_before` finds it)."""
    tail = _SENTENCE_END.search(text, end)
    return _sentence_before(text, start) + text[start:tail.start() if tail else len(text)]


def _name_as_subject(text: str, names: list[str]) -> Iterator[int]:
    """Ends of "<name> introduces/comprises/..." in ``text`` for the paper's own ``names``."""
    for name in dict.fromkeys(names):
        for at in find_word(text, name):
            m = _SUBJECT_VERB.match(text, at + len(name))
            if m is not None:
                yield m.end()


def listed_in_proposal(text: str, pos: int) -> bool:
    """Whether ``pos`` starts an item of a proposed list ("we propose: (i) Adaptive ... (ABBS)")."""
    close = text.rfind(")", max(0, pos - 12), pos)
    if close < 0:
        return False
    before = _ENUM_BEFORE.search(text, max(0, close - 5), close)
    after = _ENUM_AFTER.match(text, close)
    return before is not None and after.end() == pos > close + 1 and _proposing_list(text, before.start())


def _sentence_before(text: str, pos: int, span: int = 400) -> str:
    start = text.rfind("\n", 0, pos) + 1
    for m in _SENTENCE_END.finditer(text, max(0, pos - span), pos):
        start = m.end()
    return text[max(start, pos - span):pos]


# Names of other methods a paper compares with or builds on ("outperforms VGGT, StreamVGGT and
# fastVGGT", "baselines (e.g., OpenEvolve, ShinkaEvolve)", "built upon the pretrained YOLO-World model",
# "a C2f-DSConv module"): a name-like word (inner capital or digit) after such a cue, or before a
# method noun. Mentions, never proposals.
_COMPARE_CUE = re.compile(  # run on the lower-cased text (case-sensitive matching is faster)
    r"(?:(?<=%)\s*over|\b(?:outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?|compar(?:e|es|ed|ing) (?:(?:it|them|our \w+|this \w+) )?(?:to|with)"
    r"|comparison (?:to|with)|against|than|versus|vs\.|improv(?:e|es|ed|ing|ements?) (?:upon|over)"
    r"|(?:gains?|advantages?) over|competitive with|on par with|comparable to"
    r"|baselines?(?: such as| including| like)?|built (?:up)?on|extends?|extending"
    r"|appl(?:y|ies|ied|ying)|adopt(?:s|ed|ing)?|employ(?:s|ed|ing)?"
    r"|(?:modified|extended|improved|adapted|customi[sz]ed) versions? of|our (?:previous|prior|earlier) work,?"
    r"|(?P<listing>such as|e\.g\.,?|including|like)))"  # "7.13% over GRPO": a gain over the names that follow
    r"\s+(?:the |a |an |strong |recent |prior |existing |state-of-the-art |pretrained |pre-trained )*",
)
_CUE_WORDS = ("outperform", "surpass", "compar", "against ", "than ", "versus ", "vs. ", "improv", "baseline", "built ", "extend",
              "gain", "advantage", "competitive with", "on par with", " over ",
              "appl", "adopt", "employ", "modified ", "adapted ", "customi", "our previous", "our prior", "our earlier",
              "such as ", "e.g.", "including ", "like ")
_LIST_NAME = re.compile(r"([A-Za-z0-9][\w\-.+]*[\w+])(\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|/))?")


def compared_names(text: str) -> Iterator[tuple[str, int]]:
    """``(name, start)`` of name-like words in comparison/building cues, in counted lists of methods
    ("three representative detectors -- TruFor, DocTamper, and ..."), and before method nouns."""
    low = text.lower()
    if len(low) != len(text):  # lower() changed the length (rare non-ASCII): offsets would not line up
        return
    hits = find_any(low, _CUE_AND_COUNT_WORDS)  # one scan for both lists (a scan costs more than its hits)
    for at, _ in (h for h in hits if h[1] in _CUE_SET):
        cue = _COMPARE_CUE.match(low, at)
        if cue is None:
            continue
        if cue.group("listing") and (not _METHOD_WORDS.search(text, max(0, cue.start() - 60), cue.start())
                                     or _OTHER_THINGS_BEFORE.search(text, max(0, cue.start() - 30), cue.start())):
            continue  # "such as X": examples of methods only when methods were named just before (not "datasets such as X")
        yield from _listed(text, cue.end())
    for at, _ in (h for h in hits if h[1] in _COUNT_SET):  # (the words first: the pattern tried at every word was 30% of this function)
        if (m := _COUNTED_LIST.match(low, at)) is not None:
            yield from _listed(text, m.end())
    for m in _DESCRIBED.finditer(text) if any(a in text for a in _A_AN_OR_THE) else ():
        # "At the core of SemVideo is SemMiner, a hierarchical guidance module": the paper says what it is
        name = m.group(0)
        before = text[max(0, m.start() - 12):m.start()].split()
        if before and before[-1].casefold() in _PREPOSITIONS:
            continue  # "On UIT-OpenViIC, the model achieves": a clause after a phrase, no appositive
        if COINED.search(name) and not _SHORT_CAPS.match(name) and is_name_like(name) \
                and appositive_kind(text[m.end():m.end() + 120]) == "method":
            yield name, m.start()
    for h in finditer_at(_MENTION_HEAD, _MENTION_ANCHORS, text):  # the head nouns first: cheaper than trying every word
        start = text.rfind(" ", 0, h.start()) + 1
        name = text[start:h.start()]
        if name and _NAME_WORD.fullmatch(name) and is_name_like(name) and COINED.search(name):
            yield name, start


def _listed(text: str, pos: int) -> Iterator[tuple[str, int]]:
    """The coined names of a list of at most six that starts at ``pos`` ("A, B and C")."""
    for _ in range(6):
        m = _LIST_NAME.match(text, pos)
        if m is None or not is_name_like(m.group(1)):
            break
        name = m.group(1)
        # "XML", "ISO", "NIST": a short all-capital word needs a method noun; "0.6B-8B" is a range of sizes
        if COINED.search(name) and not _SHORT_CAPS.match(name) and not _SIZES.fullmatch(name):
            yield name, m.start(1)
        if not m.group(2):
            break
        pos = m.end()


_SIZES = re.compile(r"(?:sub-|under-|over-)?\d[\d.]*[KMBT](?:-\d[\d.]*[KMBT])?", re.I)  # "0.6B-8B", "sub-100B"
# "three representative detectors -- TruFor, DocTamper, and a zero-shot GPT-4o judge --", "three optimizers
# from the DSPy framework (COPRO, MiPROv2 and SIMBA)": the names a paper counts off after a plural method noun
# (run on the lower-cased text; the list itself is read from the original).
_COUNT_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "several", "multiple")
_CUE_SET, _COUNT_SET = frozenset(_CUE_WORDS), frozenset(_COUNT_WORDS)
_CUE_AND_COUNT_WORDS = tuple(dict.fromkeys(_CUE_WORDS + _COUNT_WORDS))
_COUNTED_LIST = re.compile(
    r"\b(?:" + "|".join(_COUNT_WORDS) + r")\s+(?:[\w\-]+\s+){0,4}?"
    r"(?:methods|models|baselines|approaches|architectures|frameworks|algorithms|techniques|systems|detectors|backbones"
    r"|optimizers|encoders|planners|solvers|classifiers|agents|llms|vlms|mllms)\b[^.;:()\-—–\n]{0,40}?\s*(?:--|—|–|:|\()\s*"
)


# A coined spelling: camel case (StreamVGGT, OpenEvolve, fastVGGT), three capitals in a row (LDA,
# YOLO-World) or a letter and a digit (Mimic2DM); "Primal-Dual" or "Goal-by-Environment" are words.
COINED = re.compile(r"[a-z][A-Z]|[A-Z]{3}|[A-Z]{2}[a-z0-9]|[A-Za-z]\d|\d[A-Za-z]")
_METHOD_WORDS = re.compile(r"\b(?:methods|models|baselines|approaches|architectures|frameworks|algorithms|techniques|systems|detectors|backbones"
                           r"|strategies|schemes|paradigms|optimizers|encoders|decoders|planners|solvers|agents|pipelines"
                           r"|networks|estimators|samplers|retrievers|rerankers|LLMs|MLLMs|VLMs)\b")
# the plural right before "such as"/"including" names what the examples are: "models trained on ... datasets such as CATMuS"
_OTHER_THINGS_BEFORE = re.compile(r"\b(?:datasets|benchmarks|corpora|languages|scripts|metrics|tasks|domains|libraries"
                                  r"|toolkits|platforms|tools|resources|scenarios|settings|modalities|conditions)\s*[,(]?\s*$", re.I)
_SHORT_CAPS = re.compile(r"^[A-Z]{2,4}s?$")
_PREPOSITIONS = frozenset("on in at from over across".split())  # where: "On NAVSIM, the planner ..."
# a name, a comma and a determiner: the appositive that may say it is a method (capital first: fast skip)
_DESCRIBED = re.compile(r"[A-Z](?<![\w\-].)(?:[\w\-]*[\w])?(?=, (?:a|an|the) )")
_MENTION_HEADS = ("models?", "methods?", "frameworks?", "architectures?", "modules?", "networks?", "backbones?", "algorithms?",
                  "detectors?", "encoders?", "baselines?", "activations?", "mechanisms?", "optimizers?")
_MENTION_HEAD = re.compile(r" (?:" + "|".join(_MENTION_HEADS) + r")\b")
_MENTION_ANCHORS = tuple(" " + literal_prefix(h) for h in _MENTION_HEADS)  # " model": where a match can start
_NAME_WORD = re.compile(r"[A-Za-z0-9][\w\-]*[\w]")


# "a Structural Distillation method", "the Deep Cross-Entropy RL method", "an Omni-Full
# Attention mechanism": two to five capitalised words between a determiner and a head noun.
# (The determiner's first letter comes before the word-boundary check so that the regex starts
# with a character set, which the engine skips to fast; the matches are those of "\b(?:[Aa]n?|[Tt]he|[Oo]ur)".)
_TITLED_HEAD = re.compile(
    r"[AaTtOo](?<!\w.)(?:(?<=[Aa])n?|(?<=[Tt])he|(?<=[Oo])ur)\s+(?:(?:novel|new|scalable|simple|lightweight|dedicated|unified|proposed)\s+)?"
    r"((?:[A-Z][\w\-]*\s+){1,4}[A-Z][\w\-]*)\s+"
    r"(method|algorithm|framework|module|mechanism|architecture|strategy|technique|network|variant|approach|paradigm"
    r"|scheme|estimator|encoder|decoder|block|adapter)s?\b"
)
# "SPADE-LDM", "EWC-LoRA", "HSC-SAM": a coined prefix joined to a known acronym.
# The lookbehind ("not glued to a word") stands after the first capital so that the regex
# starts with a character set, which the engine skips to fast (same matches as in front).
_COMPOUND = re.compile(r"[A-Z](?<![\w\-].)[A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*-[A-Z][A-Za-z0-9]*(?![\w\-])")


# "Schreier-Sims algorithms", "Blahut-Arimoto algorithm": classical methods named after their
# authors (a mention, not a proposal: the "headed" reading needs a cue to be proposed).
_EPONYM_HEADS = ("algorithm", "method", "procedure", "sampler", "estimator", "decomposition", "transform")
_EPONYM_HEAD = re.compile(r" (" + "|".join(_EPONYM_HEADS) + r")s?\b")
_EPONYM_ANCHORS = tuple(" " + h for h in _EPONYM_HEADS)
_EPONYM = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)+")
_PREFIX_WORDS = frozenset("""multi cross self semi non pre post co inter intra sub super meta bi tri pro
maximum minimum vision language text image video audio graph data model deep low high long short real""".split()) | NAME_STOPWORDS


def eponyms(text: str) -> Iterator[tuple[str, str, int]]:
    """``(name, head noun, start)`` of "Name-Name algorithm" phrases in ``text``.

    The word before the head noun must be capitalised words joined by hyphens, not a
    common prefix ("Multi-Agent", "Cross-Modal") and not the end of a longer name
    ("a Stochastic Primal-Dual algorithm").
    """
    for h in finditer_at(_EPONYM_HEAD, _EPONYM_ANCHORS, text):  # the head nouns first: cheaper than scanning every capital
        start = text.rfind(" ", 0, h.start()) + 1
        name = text[start:h.start()]
        if not _EPONYM.fullmatch(name) or name.split("-")[0].casefold() in _PREFIX_WORDS:
            continue
        before = text[max(0, start - 40):start].split()
        if before and before[-1][:1].isupper():
            continue
        yield name, h.group(1), start


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def has_trigger_before(text: str, pos: int) -> bool:
    """Whether the sentence up to ``pos`` contains a proposing phrase ("we propose ...")."""
    start = 0
    for m in _SENTENCE_END.finditer(text, max(0, pos - 400), pos):
        start = m.end()
    start = max(start, pos - 400, text.rfind("\n", 0, pos) + 1)
    return next(_triggers(text, start, pos), None) is not None


def trigger_just_before(text: str, pos: int) -> bool:
    """Whether a proposing phrase stands right before ``pos``, with at most a determiner
    and a few adjectives between ("we propose the Adaptive ... (ACCD)", "named X")."""
    window = text[max(0, pos - 80):pos]
    last = None
    for last in _triggers(window):
        pass
    if last is None:
        return False
    # (an opening quote is no word: "a pipeline called 'Patch Aggregation for ...' (PASTA)")
    gap = [w for w in window[last.end():].split() if w.strip("'\"“”‘’`")]
    return len(gap) <= 3 and all(w.casefold() in _SKIP or w[:1].islower() for w in gap) and "," not in window[last.end():]


# "we introduce a novel schema ..., which includes an information-density-based adaptive video sampler (AVS) and an
# autoencoder-based spatiotemporal video compressor (SVC)", "We propose two scheduling variants, sequential check node
# scheduling (SCNS) and ...": a definition that is the object of a proposing sentence, after a determiner and
# hyphenated modifiers, or in apposition to a method noun.
_PROPOSED_OBJECT = re.compile(r"(?:\b(?:an?|the|our)\s+(?:(?:novel|new|[\w]+-[\w\-]+)\s+)*|\b(?:"
                              + "|".join(sorted(HEAD_NOUNS | {"variant", "component", "module"})) + r")s?,\s+)$", re.I)


# A definition that names a part of the paper's own method, without "we propose" before it: glued to a
# component noun ("a lightweight Similarity-Guided Layer Adaptation (SGLA) module replaces ..."), said to be
# made ("the certainty-oriented sphere weighting (COSW) is developed to ..."), or the object of the method's own
# verb ("DEIG integrates an Instance Detail Extractor (IDE)", "FinSight-Net introduces a ... (MS-DDSP)").
_COMPONENT_AFTER = re.compile(r"\)?\s*(?:\)\s*)?(?:(?P<part>module|block|mechanism|component|layer|head|branch|bottleneck|unit)s?\b"
                              r"|,\s+(?:an?|the)\s+(?:[\w\-]+\s+){0,3}?(?P<apposed>module|block|mechanism|component|layer|unit)\b"
                              r"|(?:is|are)\s+(?:\w+ly\s+)?(?:proposed|introduced|developed|designed|devised|constructed|presented)\b)")
# A step of the method told in order: "First, Adaptive Precedent Selection (APS) constructs ...", "Second, ...
# (TEI) is treated as ..." (the definition opens the sentence after an ordinal and a verb follows it).
_ORDINAL_BEFORE = re.compile(r"(?:(?<![^\n])|[.;:]\s+)(?:First|Second|Third|Fourth|Fifth|Finally|Lastly|Then|Next)(?:ly)?,\s+(?:the\s+|our\s+)?$")
_VERB_AFTER = re.compile(r"\)\s+(?:is|are|(?!(?:has|was)\b)[a-z]{3,}s)\b")
_COMPONENT_SUBJECT = re.compile(r"(?:(?:(?<![^\n])|[.;:]\s+)(?:[A-Z][\w]*(?:[A-Z\d][\w]*|-[\w\-]+)|We|Our\s+(?:method|model|framework|approach|design)"
                                r"|This\s+(?:framework|method|model|design))|\([A-Z][\w\-]*\),\s+which)\s+(?:further\s+|also\s+|first\s+|then\s+)?"
                                r"(?:integrat|incorporat|introduc|compris|consist|contain|featur|equip|design|develop)\w*"
                                r"\s+(?:of\s+)?(?:an?|the|two|three|our)?\s*(?:(?:novel|new|lightweight|dedicated|[\w]+-[\w\-]+)\s+)*$")


# A determiner right before a name: "the", "our", "a", "an" (read by titled_names and names_a_component).
_DETERMINER_BEFORE = re.compile(r"\b(?:the|our|an?)\s+$", re.I)


def names_a_component(text: str, start: int, end: int) -> tuple[bool, bool]:
    """Whether the definition at ``text[start:end]`` names a part of the paper's method (see above), and
    whether a component noun is glued to it (then it is a part even when its long form reads like a task)."""
    after = _COMPONENT_AFTER.match(text, end, end + 80)
    if after is not None and (after.group("part") or after.group("apposed")) is not None:
        return True, True
    if after is not None:  # "the ... (COSW) is developed"; not "models in remote sensing (RS) are developed"
        return _DETERMINER_BEFORE.search(text, max(0, start - 12), start) is not None, False
    line_start = text.rfind("\n", 0, start) + 1
    return _COMPONENT_SUBJECT.search(text, max(line_start, start - 160), start) is not None, False


def object_of_proposal(text: str, pos: int) -> bool:
    """Whether the phrase starting at ``pos`` is what a proposing sentence proposes (see above)."""
    return _PROPOSED_OBJECT.search(text, max(0, pos - 60), pos) is not None and has_trigger_before(text, pos)


# "a novel iterative self-correction framework that endows models with two key capabilities: Capability Reflection
# and Memory Reflection.": a counted list of Title-Case names after a colon, in a proposing sentence.
_COUNTED_COLON = re.compile(r"\b(?:two|three|four|five|six|several)\s+(?:[\w\-]+\s+){0,2}[a-z\-]+s$")
# what a counted list names that is not the paper's parts: "two datasets: ...", "three challenges: ..."
_NOT_PARTS = frozenset("""datasets benchmarks corpora tasks metrics settings scenarios domains languages questions categories
types levels dimensions challenges problems limitations issues baselines models llms vlms applications regimes subsets splits
tracks variants versions sizes""".split())
_LIST_ITEM = re.compile(r"(?:an? |the )?([A-Z][\w\-]*(?: [A-Z][\w\-]*){1,4})(,? and |, |(?=[.;)]))")


def colon_list_names(text: str, trigger_ends: list[int]) -> Iterator[tuple[str, int]]:
    """``(name, start)`` of the items of a counted colon list ("two key capabilities: A and B") in a proposing sentence."""
    colon = text.find(": ")
    while colon >= 0:
        counted = _COUNTED_COLON.search(text, max(0, colon - 50), colon)
        if counted and counted.group(0).rsplit(None, 1)[-1] not in _NOT_PARTS and _in_proposing_sentence(text, trigger_ends, colon) \
                and not _DATA_CUE.search(text, max(0, colon - 120), colon):  # "RVE-Bench, a benchmark with two subsets:"
            items, pos = [], colon + 2
            while (m := _LIST_ITEM.match(text, pos)) is not None:
                items.append((m.group(1), m.start(1)))
                pos = m.end()
                if not m.group(2):
                    break  # the list ends at the punctuation
            last = text[pos:pos + 1]
            # the list must end the clause, and every item must be a name (no "Stage I and Stage II")
            if len(items) >= 2 and (not last or last in ".;)") and not any(_PART.match(n) for n, _ in items):
                yield from ((n, a) for n, a in items if n.split()[0].casefold() not in NAME_STOPWORDS)
        colon = text.find(": ", colon + 2)


def an_ordered_step(text: str, start: int, end: int) -> bool:
    """Whether the definition at ``text[start:end]`` opens a sentence that tells one step of the method
    after an ordinal ("First, Adaptive Precedent Selection (APS) constructs ...")."""
    line_start = text.rfind("\n", 0, start) + 1
    return _ORDINAL_BEFORE.search(text, max(line_start, start - 30), start) is not None \
        and _VERB_AFTER.match(text, end, end + 40) is not None
