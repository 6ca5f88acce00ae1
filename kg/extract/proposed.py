"""Names a paper coins for its own method: "we propose X", "X: ..." titles, "named X".

Pure string rules over the cleaned title and abstract; the spaCy component in
:mod:`kg.extract.components` turns the offsets into spans. An unnamed proposal
("we propose a novel framework") yields nothing.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.extract.filters import NAME_STOPWORDS
from kg.extract.text import find_any, find_word, is_name_like

# "we propose", "this paper introduces", "we further present", "which we call"
_TRIGGER = re.compile(
    r"\b(?:we|this (?:paper|work|study|article|letter)|our (?:work|paper|method))\s+(?:\w+ly\s+|also\s+|further\s+|then\s+)?"
    r"(?:propose|introduce|present|develop|design|call|name|term|dub|devise|build|formulate|construct|coin)[sd]?\b"
    r"|\b(?:named|called|dubbed|termed|coined)\b"
    r"|\bby (?:introducing|proposing|developing|designing|presenting)\b"
    r"|\bproposed (?:method|framework|model|approach|algorithm|system|architecture)\b"
    r"|\b(?:a|an) (?:novel|new)\b|\b(?:the|our) proposed\b"
    r"|\b(?:framework|method|algorithm|approach|architecture|module|technique|strategy),(?=\s)"
    r"|\bour (?:method|framework|model|approach|algorithm|system|architecture)\b(?=\s)",
    re.IGNORECASE,
)
# The same pattern, case-sensitive, run on lower-cased text: twice as fast as IGNORECASE.
_TRIGGER_LC = re.compile(_TRIGGER.pattern)


def _triggers(text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match[str]]:
    """Proposing phrases in ``text[start:end]`` (offsets into ``text``)."""
    end = len(text) if end is None else end
    low = text.lower()
    pattern = _TRIGGER_LC if len(low) == len(text) else _TRIGGER  # lower() may change the length of non-ASCII text
    for m in pattern.finditer(low if pattern is _TRIGGER_LC else text, start, end):
        # "Named Entity Recognition": a capitalised "Named"/"Called" starts a longer name, it names nothing
        if text[m.start()].isupper() and m.group(0).casefold() in _NAMING_WORDS:
            continue
        yield m


_NAMING_WORDS = frozenset("named called dubbed termed coined".split())


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


@dataclass(frozen=True, slots=True)
class Proposal:
    """A coined name and where it stands in the searched text."""

    name: str
    start: int
    end: int
    source: str  # "title" or "trigger"


def title_name(title: str, abstract: str) -> str | None:
    """The coined name before a title's colon ("InfiniDepth: Arbitrary-Resolution ...").

    The part before the first ": " counts when it has at most four words, no comma,
    does not start like a sentence ("Beyond", "Towards", "The", a gerund) and is either one
    name-like word or appears again in the abstract ("Goal Force", "Project Synapse").
    """
    head, sep, rest = title.partition(": ")
    head = head.strip()
    if not sep or not head or "," in head or "?" in head or len(head.split()) > 4 or _REPORT.match(rest):
        return None
    words = head.split()
    if words[0].casefold() in NAME_STOPWORDS or not words[0][:1].isupper() and not words[0][:1].isdigit():
        return None
    if len(words) == 1 and is_name_like(head):
        return head
    if words[0].casefold().endswith("ing") and not is_name_like(words[0]):
        return None  # "Finding Needles in Images: ...": a phrase that starts like a sentence
    return head if _in_text(head, abstract) else None


# "ARC Prize 2025: Technical Report", "Agentic RAG: A Survey": the head names a topic, not a method.
_REPORT = re.compile(r"(?:an? |the )?(?:technical report|survey|review|report|tutorial|position paper|primer)\b", re.I)


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
    for m in _WORD.finditer(text, pos, min(end, pos + 200)):
        w = m.group(0)
        if not words and (w.casefold() in _SKIP or lenient and w.casefold() in HEAD_NOUNS):
            continue  # "the proposed (method) EWC-LoRA"
        if words and text[words[-1].end():m.start()].strip():
            break  # punctuation between words ends the name: "Foo (FB)", "Foo, a ..."
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
    name = text[start:stop]
    gap = text[pos:start].strip(" \"'“”").split()
    if not all(w.casefold() in _SKIP or lenient and w.casefold() in HEAD_NOUNS for w in gap):
        return None
    follow = text[stop:stop + 12].lstrip()
    nxt = follow.split(" ", 1)[0].casefold() if follow else "."
    ends_ok = (not follow or follow[0] in ",(:;.)\"”'" or nxt in _AFTER_NAME)
    if len(words) == 1 and is_name_like(name):
        return name, start, stop
    if words[0].group(0).casefold() in NAME_STOPWORDS:
        return None
    if ends_ok or nxt.rstrip(",.") in HEAD_NOUNS or lenient and len(words) > 1:
        return name, start, stop
    return None


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
    for trig in _triggers(abstract):
        hit = after_trigger(abstract, trig.end(), len(abstract), lenient=trig.group(0).casefold().endswith("proposed"))
        if hit:
            n, s, e = hit
            out.append(Proposal(n, abstract_offset + s, abstract_offset + e, "trigger"))
    for m in _TITLED_HEAD.finditer(abstract):
        if m.group(1).split()[0].casefold() not in NAME_STOPWORDS:
            out.append(Proposal(m.group(1), abstract_offset + m.start(1), abstract_offset + m.end(1), "headed:" + m.group(2)))
    for m in _COMPOUND.finditer(abstract):
        out.append(Proposal(m.group(0), abstract_offset + m.start(), abstract_offset + m.end(), "compound"))
    for name, head, start in eponyms(abstract):
        out.append(Proposal(name, abstract_offset + start, abstract_offset + start + len(name), "headed:" + head))
    for name, start in compared_names(abstract):
        out.append(Proposal(name, abstract_offset + start, abstract_offset + start + len(name), "mention"))
    return out


# Names of other methods a paper compares with or builds on ("outperforms VGGT, StreamVGGT and
# fastVGGT", "baselines (e.g., OpenEvolve, ShinkaEvolve)", "built upon the pretrained YOLO-World model",
# "a C2f-DSConv module"): a name-like word (inner capital or digit) after such a cue, or before a
# method noun. Mentions, never proposals.
_COMPARE_CUE = re.compile(  # run on the lower-cased text (case-sensitive matching is faster)
    r"\b(?:outperform(?:s|ed|ing)?|surpass(?:es|ed|ing)?|compared (?:to|with)|comparison (?:to|with)|against|than"
    r"|baselines?(?: such as| including| like)?|built (?:up)?on|extends?|extending"
    r"|(?P<listing>such as|e\.g\.,?|including|like))"
    r"\s+(?:the |a |an |strong |recent |prior |existing |state-of-the-art |pretrained |pre-trained )*",
)
_CUE_WORDS = ("outperform", "surpass", "compared ", "comparison ", "against ", "than ", "baseline", "built ", "extend",
              "such as ", "e.g.", "including ", "like ")
_LIST_NAME = re.compile(r"([A-Za-z0-9][\w\-.+]*[\w+])(\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|/))?")


def compared_names(text: str) -> Iterator[tuple[str, int]]:
    """``(name, start)`` of name-like words in comparison/building cues and before method nouns."""
    low = text.lower()
    if len(low) != len(text):  # lower() changed the length (rare non-ASCII): offsets would not line up
        return
    for at, _ in find_any(low, _CUE_WORDS):
        cue = _COMPARE_CUE.match(low, at)
        if cue is None:
            continue
        if cue.group("listing") and not _METHOD_WORDS.search(text, max(0, cue.start() - 60), cue.start()):
            continue  # "such as X": examples of methods only when methods were named just before
        pos = cue.end()
        for _ in range(6):  # a list of at most six names
            m = _LIST_NAME.match(text, pos)
            if m is None or not is_name_like(m.group(1)):
                break
            if COINED.search(m.group(1)) and not _SHORT_CAPS.match(m.group(1)):  # "XML", "ISO", "NIST": a short all-capital word needs a method noun
                yield m.group(1), m.start(1)
            if not m.group(2):
                break
            pos = m.end()
    for h in _MENTION_HEAD.finditer(text):  # the head nouns first: cheaper than trying every word
        start = text.rfind(" ", 0, h.start()) + 1
        name = text[start:h.start()]
        if name and _NAME_WORD.fullmatch(name) and is_name_like(name) and COINED.search(name):
            yield name, start


# A coined spelling: camel case (StreamVGGT, OpenEvolve, fastVGGT), three capitals in a row (LDA,
# YOLO-World) or a letter and a digit (Mimic2DM); "Primal-Dual" or "Goal-by-Environment" are words.
COINED = re.compile(r"[a-z][A-Z]|[A-Z]{3}|[A-Z]{2}[a-z0-9]|[A-Za-z]\d|\d[A-Za-z]")
_METHOD_WORDS = re.compile(r"\b(?:methods|models|baselines|approaches|architectures|frameworks|algorithms|techniques|systems|detectors|backbones)\b")
_SHORT_CAPS = re.compile(r"^[A-Z]{2,4}s?$")
_MENTION_HEAD = re.compile(r" (?:models?|methods?|frameworks?|architectures?|modules?|networks?|backbones?|algorithms?"
                           r"|detectors?|encoders?|baselines?)\b")
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
_EPONYM_HEAD = re.compile(r" (algorithm|method|procedure|sampler|estimator|decomposition|transform)s?\b")
_EPONYM = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)+")
_PREFIX_WORDS = frozenset("""multi cross self semi non pre post co inter intra sub super meta bi tri pro
maximum minimum vision language text image video audio graph data model deep low high long short real""".split()) | NAME_STOPWORDS


def eponyms(text: str) -> Iterator[tuple[str, str, int]]:
    """``(name, head noun, start)`` of "Name-Name algorithm" phrases in ``text``.

    The word before the head noun must be capitalised words joined by hyphens, not a
    common prefix ("Multi-Agent", "Cross-Modal") and not the end of a longer name
    ("a Stochastic Primal-Dual algorithm").
    """
    for h in _EPONYM_HEAD.finditer(text):  # the head nouns first: cheaper than scanning every capital
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
    gap = window[last.end():].split()
    return len(gap) <= 3 and all(w.casefold() in _SKIP or w[:1].islower() for w in gap) and "," not in window[last.end():]
