"""Established multiword methods no list holds: a method head noun with a usage cue.

"we apply the Crank-Nicolson scheme", "a Hodrick-Prescott filter-based trend", "estimated via
the Nelson-Aalen estimator", "based on a finite-difference integrator": up to three modifier
words, then a head noun that names a method (decomposition, test, algorithm, filter, transform,
sampling, estimator, scheme, simulation, regression, ...), with a cue that the paper *uses* it
(we use/apply/adopt/employ/leverage X, via/using/through X, based on X, X-based).

Two strengths (pure string rules, offsets into the searched text):

- **strong**: a modifier is a proper name or an acronym ("Kalman", "Gauss-Seidel", "EM"). Such
  phrases are method names almost always; they are output like gazetteer hits.
- **weak**: all modifiers lower case ("upwind scheme", "tensor-train decomposition"). Common
  words make common phrases too ("training scheme"), so these need corpus evidence: they are
  kept only when several papers of the input use the same phrase
  (:mod:`kg.extract.corpus`) or the packaged lexicon knows it.

The filters of :mod:`kg.extract.filters` and the generic list still apply to both.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg.extract.text import find_any, finditer_at

# Heads any modifier may carry (strong or weak), and heads that need a proper name ("Wald test",
# "Galerkin method": a lower-case "unit test" or "our method" names nothing).
# Lower-case phrases are kept only with these heads, where a modifier usually names the technique
# ("upwind scheme", "tensor-train decomposition"); "uniform sampling" or "graph algorithm" say how,
# not which, so those heads need a proper name.
WEAK_HEADS = frozenset("""decomposition factorization factorisation filter transform scheme iteration integrator
quadrature smoother interpolation descent""".split())
# Heads of theoretical physics an eponym names ("Hadamard renormalization", "Arnold-Espinosa prescription",
# "Vietoris-Rips filtration"): strong-only, and no cue needed.
_THEORY_HEADS = frozenset("renormalization renormalisation prescription formalism filtration".split())
STRONG_ONLY_HEADS = frozenset("""test method procedure correction criterion sampling sampler estimator simulation
regression solver expansion approximation modulation algorithm quantization quantisation quantizer preconditioning
preconditioner""".split()) | _THEORY_HEADS
# Heads a proper-name modifier makes a name with no usage cue ("the properties of the Walsh transform",
# "Lloyd-Max quantization achieves ..."): an eponym before these is an established technique.
_EPONYM_HEADS = frozenset("""decomposition factorization factorisation transform quadrature quantization quantisation
quantizer""".split()) | _THEORY_HEADS
_HEAD = re.compile(r"\b(" + "|".join(sorted(WEAK_HEADS | STRONG_ONLY_HEADS, key=len, reverse=True)) + r")(?:s|es)?\b")
_HEAD_WORDS = tuple(sorted(WEAK_HEADS | STRONG_ONLY_HEADS))
_CUE_BEFORE = frozenset("""use uses used using apply applies applied applying adopt adopts adopted adopting employ employs
employed employing leverage leverages leveraged leveraging via through utilize utilizes utilized utilizing exploit
exploits exploited exploiting implement implements implemented perform performs performed performing conduct conducts
conducted conducting run runs ran running with""".split())
# Generic adjectives that also begin established names ("iterative rational Krylov algorithm", "fast
# Fourier transform", "adaptive Metropolis sampler"): kept at the front of a phrase a proper name makes strong.
_NAME_ADJECTIVES = frozenset("iterative adaptive fast robust hierarchical stochastic".split())
_DETERMINERS = frozenset("a an the this their its standard classical classic well-known popular conventional".split())
# Modifiers that make a phrase generic ("training scheme", "iterative algorithm", "our method").
GENERIC_MODIFIERS = frozenset("""a an the this that these those our their its his her new novel proposed simple efficient effective
iterative adaptive hybrid general generic unified existing standard traditional conventional classical classic baseline
two-stage multi-stage three-stage one-stage end-to-end improved modified enhanced robust fast scalable lightweight optimal
suboptimal approximate exact alternative additional different various several multiple same similar following above
specific custom simple-yet-effective training learning inference evaluation optimization search sampling weighting
scheduling scoring selection fusion update updating data model feature features parameter parameters loss reward
gradient proposal decoding generation training-free learning-based model-based data-driven rule-based heuristic
greedy random online offline distributed parallel centralized decentralized joint final initial overall whole
first second third main key core basic simple naive novel-yet this-paper unit stress pilot user field human ablation
statistical numerical analytical analytic theoretical empirical experimental computational physical physics-based
lagrangian-based regression-based filter-based hierarchical global local coarse fine fine-grained coarse-grained
such which each every all any more most other another only well also further then both
to at of for in on by and or but while unlike prior like as from into than via with without per across between under
over is are was were be been being can may will would should could must not no it we they you i
one two three four five six seven eight nine ten many few some much
yet thus hence however here still instead moreover furthermore finally so whereas although though since because when where
sota state-of-the-art existing prior previous recent representative established popular typical common practical
corresponding executable differentiable regular moderate tailored strong weak task dataset structural rank
graph image text video multi-scale distinct separate learned pretrained off-the-shelf explicit implicit""".split())
_WORD = re.compile(r"[A-Za-z0-9][\w'’]*(?:[-–][\w'’]+)*")
_MAX_MODIFIERS = 3


@dataclass(frozen=True, slots=True)
class Usage:
    """A method phrase found by a head noun and a usage cue."""

    phrase: str
    start: int
    end: int
    head: str
    strong: bool


def _is_proper(word: str) -> bool:
    """A proper name or acronym part: "Kalman", "Gauss-Seidel", "EM", "Runge–Kutta" (not "3D" alone)."""
    return word[:1].isupper() and any(c.isalpha() for c in word)


def usages(text: str, start: int = 0, end: int | None = None) -> Iterator[Usage]:
    """Method phrases in ``text[start:end]`` with a usage cue, in order.

    Args:
        text: the cleaned title and abstract.
        start: where the search begins.
        end: where it ends (default: the end of ``text``).
    """
    end = len(text) if end is None else end
    for at, head in find_any(text, _HEAD_WORDS, start, end):
        h = _HEAD.match(text, at)
        if h is None or h.end() > end or h.group(1) != head:
            continue
        based = text.startswith("-based", h.end())
        words: list[re.Match[str]] = []
        pos = h.start()
        while len(words) < _MAX_MODIFIERS + 1:
            gap_start = pos
            while gap_start > start and text[gap_start - 1] == " ":
                gap_start -= 1
            if gap_start == pos and words or gap_start == start:
                break
            m = _last_word(text, start, gap_start)
            if m is None or m.end() != gap_start:
                break
            words.append(m)
            pos = m.start()
        # words: nearest first; split into modifiers and the cue before them
        modifiers: list[re.Match[str]] = []
        cue = based
        for m in words:
            w = m.group(0)
            low = w.casefold()
            if low in _CUE_BEFORE or low in _DETERMINERS and modifiers:
                cue = cue or low in _CUE_BEFORE or _cue_before(text, start, m.start())
                break
            if low in _NAME_ADJECTIVES and modifiers and any(_is_proper(x.group(0)) for x in modifiers):
                modifiers.append(m)  # "the iterative rational Krylov algorithm": part of the name
                cue = cue or _cue_before(text, start, m.start())
                break
            if low in ("and", "or") and modifiers:
                cue = cue or _coordinated_cue(text, start, m.start())  # "via both uniform and Lloyd-Max quantization"
                break
            if low in GENERIC_MODIFIERS or not w[0].isalpha() or low.endswith("ly") or low.endswith("-like"):
                break  # "a clear Hubble-Lemaître-like expansion": a likeness, not a named technique
            modifiers.append(m)
        else:
            if modifiers and len(modifiers) <= _MAX_MODIFIERS and words and len(words) <= _MAX_MODIFIERS:
                cue = cue or _cue_before(text, start, modifiers[-1].start())
        if len(modifiers) > _MAX_MODIFIERS or not modifiers:
            continue
        modifiers.reverse()
        strong = any(_is_proper(m.group(0)) for m in modifiers)
        if not cue and not _eponym(text, start, modifiers, head, h):
            continue
        if not strong and head not in WEAK_HEADS or head in ("method", "test") and h.end() != h.start() + len(head):
            continue  # "established SSL methods": a plural "methods" names a class, not one method
        first = modifiers[0].start()
        if strong and _sentence_start(text, start, first) and not _is_proper(modifiers[-1].group(0)) and len(modifiers) == 1:
            continue  # "Simulation ..." capitalised only because a sentence starts there
        stop = h.end()
        yield Usage(text[first:stop], first, stop, head, strong)


def _last_word(text: str, start: int, stop: int) -> re.Match[str] | None:
    """The word ending at ``stop`` (hyphenated parts included)."""
    i = stop
    while i > start and (text[i - 1].isalnum() or text[i - 1] in "-–'’_"):
        i -= 1
    return _WORD.fullmatch(text, i, stop) if i < stop else None


def _cue_before(text: str, start: int, pos: int) -> bool:
    """A usage cue right before ``pos``: "using (the) X", "based on (a) X", "via X"."""
    before = text[max(start, pos - 40):pos].casefold().split()
    while before and before[-1] in _DETERMINERS:
        before.pop()
    if not before:
        return False
    last = before[-1]
    return last in _CUE_BEFORE or last == "on" and len(before) > 1 and before[-2] in ("based", "relies", "rely", "relying")


def _coordinated_cue(text: str, start: int, pos: int) -> bool:
    """A usage cue before the first conjunct of "X and <phrase>": up to two words, "both"/"either" skipped."""
    before = text[max(start, pos - 60):pos].split()
    for k in range(1, min(3, len(before)) + 1):
        word = before[-k].casefold().strip(",")
        if word in ("both", "either"):
            return _cue_before(text, start, text.rfind(before[-k], start, pos))
        if word in _CUE_BEFORE:
            return True
        if word in GENERIC_MODIFIERS:
            return False
        if _cue_before(text, start, text.rfind(before[-k], start, pos)):
            return True
    return False


def _eponym(text: str, start: int, modifiers: list[re.Match[str]], head: str, h: re.Match[str]) -> bool:
    """A phrase that needs no cue: capitalised modifiers only and a singular eponym head, not opening a
    sentence nor in a title ("Graph Decomposition for ..." capitalises every word; "Orchestrator
    transforms ..." is a verb)."""
    return (head in _EPONYM_HEADS and h.end() == h.start() + len(head) and all(_is_proper(m.group(0)) for m in modifiers)
            and not _sentence_start(text, start, modifiers[0].start()) and not _in_title(text, modifiers[0].start()))


def _in_title(text: str, pos: int) -> bool:
    """``pos`` is on the first line of a title-and-abstract text (a text without lines is all abstract)."""
    first = text.find("\n")
    return first >= 0 and pos < first


def _sentence_start(text: str, start: int, pos: int) -> bool:
    i = pos
    while i > start and text[i - 1] == " ":
        i -= 1
    return i == start or text[i - 1] in ".!?:\n"


# "Classical factorization methods, such as Trial Division and Pollard's Rho": the examples a paper
# gives of a class of methods are methods. Only capitalised names of two words or more, or an
# eponym's possessive, are taken: a single capitalised word there is a coined name other rules judge.
_EXAMPLE_HEADS = ("methods", "algorithms", "techniques", "schemes", "estimators", "solvers", "heuristics", "procedures", "tests",
                  "approaches", "baselines", "architectures")
_EXAMPLES = re.compile(r"\b(?:" + "|".join(_EXAMPLE_HEADS) + r")"
                       r",?\s+\(?(?:such\s+as|including|like|e\.g\.,?|i\.e\.,?)\s+([^.;:()]{3,160})")
# A word each cue of _EXAMPLES holds: a text with none of them has no example (more than half the abstracts),
# which a few str.find calls tell faster than the scan, a regex that starts with "\b" tried at every character.
_EXAMPLE_CUES = ("such", "including", "like", "e.g.", "i.e.")
_EXAMPLE_ITEM = re.compile(r"[A-Z][\w\-]*(?:['’]s)?(?:[ \-][A-Z][\w\-]*(?:['’]s)?){0,3}")
_ITEM_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)")


def examples(text: str, start: int = 0, end: int | None = None) -> Iterator[Usage]:
    """Named examples of a class of methods in ``text[start:end]`` (strong usages, head "example")."""
    end = len(text) if end is None else end
    if not any(text.find(cue, start, end) >= 0 for cue in _EXAMPLE_CUES):
        return
    for m in finditer_at(_EXAMPLES, _EXAMPLE_HEADS, text, start, end):  # (tried at the head words only)
        pos = m.start(1)
        for piece in _ITEM_SPLIT.split(m.group(1)):
            at = text.find(piece, pos)
            pos = at + len(piece)
            item = _EXAMPLE_ITEM.fullmatch(piece)
            if item is None:
                break  # the list ends where a lower-case phrase continues the sentence
            if " " in piece or "'s" in piece or "’s" in piece:
                yield Usage(piece, at, at + len(piece), "example", True)
