"""Acronym definitions by the Schwartz–Hearst algorithm (Schwartz & Hearst, PSB 2003).

Finds "long form (SHORT)" pairs ("Group Relative Policy Optimization (GRPO)") and
the reverse "SHORT (long form)" ("FATE (Forecasting Anomalies with Time-series
Ensembles)"). Implemented here on plain strings (the ``abbreviations`` package
configures the root logger on import and raises on unbalanced parentheses).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_INNER_DIGIT = re.compile(r"(?<=[A-Za-z])\d(?=[A-Za-z])")
_PAREN = re.compile(r"\(([^()]{1,120})\)")
_SHORT_OK = re.compile(r"^[A-Za-z0-9][\w\-.&+]*(?: [\w\-.&+]+)?$")
_CLAUSE_BREAK = re.compile(r"[.;:!?](?:\s|$)|\(|\)|\n")
_NON_SPACE = re.compile(r"\S+")
# "DART (Discovery And Reinforcement of Tool-Integrated Reasoning Chains via Rollout Trees)":
# the parenthesis must spell the acronym from its first word, so a long one is still safe.
_MAX_REVERSE_WORDS = 14


@dataclass(frozen=True, slots=True)
class AcronymDef:
    """One definition: character offsets are into the text that was searched."""

    short: str
    long: str
    short_start: int
    short_end: int
    long_start: int
    long_end: int


def is_short_form(text: str) -> bool:
    """Schwartz–Hearst short-form conditions, plus: at least one capital letter.

    2-10 characters, at most two words, a letter, first character alphanumeric.
    The capital letter keeps "(ours)", "(e.g.)" and "(see below)" out.
    """
    return (2 <= len(text) <= 10 and bool(_SHORT_OK.match(text))
            and any(c.isupper() for c in text) and any(c.isalpha() for c in text))


def best_long_form(short: str, candidate: str) -> int | None:
    """Where in ``candidate`` the long form of ``short`` starts (Schwartz–Hearst), or None.

    Matches the short form's letters and digits right to left in ``candidate``; its
    first character must start a word of the long form.

    Args:
        short: the short form, e.g. "GRPO" (a final plural "s" already removed).
        candidate: the words before the parenthesis.

    Returns:
        The start offset of the long form in ``candidate``.
    """
    s, l = len(short) - 1, len(candidate) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while l >= 0 and (candidate[l].lower() != c or (s == 0 and l > 0 and candidate[l - 1].isalnum())):
            l -= 1
        if l < 0:
            return None
        l -= 1
        s -= 1
    return candidate.rfind(" ", 0, l + 1) + 1


def _core(short: str) -> str:
    """The short form without a plural "s" (GNNs -> GNN) for matching letters."""
    return short[:-1] if len(short) > 2 and short.endswith("s") and short[-2].isupper() else short


def _window(text: str, end: int, n_words: int) -> int:
    """Start offset of the last ``n_words`` words before ``end``, within one clause."""
    start = end
    for m in _CLAUSE_BREAK.finditer(text, max(0, end - 300), end):
        start = m.end()
    start = max(start if start != end else max(0, end - 300), 0)
    words = [m.start() for m in _NON_SPACE.finditer(text, start, end)]
    return words[-n_words] if len(words) >= n_words else (words[0] if words else start)


def find_definitions(text: str, end: int | None = None) -> list[AcronymDef]:
    """All acronym definitions in ``text[:end]``, in order.

    Args:
        text: the text to search (title and abstract).
        end: search only before this offset (default: the whole text).

    Returns:
        The definitions; the long form has more characters than the short form and
        does not contain it as a word.
    """
    end = len(text) if end is None else end
    out: list[AcronymDef] = []
    for m in _PAREN.finditer(text, 0, end):
        inner = m.group(1).strip()
        if is_short_form(inner):
            d = _forward(text, m, inner)
        else:
            d = _reverse(text, m, inner)
        if d is not None:
            out.append(d)
    return out


def _forward(text: str, m: re.Match[str], short: str) -> AcronymDef | None:
    core = _core(short)
    n = sum(c.isalnum() for c in core)
    before_end = m.start()
    while before_end > 0 and text[before_end - 1] == " ":
        before_end -= 1
    win_start = _window(text, before_end, min(n + 5, n * 2))
    cand = text[win_start:before_end]
    rel = best_long_form(core, cand)
    if rel is None and _INNER_DIGIT.search(core):
        # "Retrieve-then-Align Augmented Generation (RA2G)", "Image and Event to Video (IE2Video)":
        # a digit inside a short form often counts a letter or stands for "to"; spell the letters alone
        letters = _INNER_DIGIT.sub("", core)
        rel = best_long_form(letters, cand) if sum(c.isalpha() for c in letters) >= 3 else None
    if rel is None:
        return None
    rel = min(rel, _initials_start(core, cand, rel))
    raw = cand[rel:]
    long = raw.strip(_LONG_STRIP).lstrip("-")  # "$(\\varepsilon,0)$-local differential private (LDP)"
    rel += len(raw) - len(raw.lstrip(_LONG_STRIP).lstrip("-"))  # "*Emotion-Aware Fusion* (EAF)": markup is not the name
    if len(long) <= len(short) or short in long.split() or " " not in long and "-" not in long and len(long) < 6:
        return None
    s0 = m.start(1) + m.group(1).index(short)
    return AcronymDef(short, long, s0, s0 + len(short), win_start + rel, win_start + rel + len(long))


def _initials_start(short: str, cand: str, rel: int) -> int:
    """An earlier start when whole words spell ``short`` by their first letters, else ``rel``.

    Schwartz-Hearst takes the shortest long form whose letters spell the short form, so a word may
    give two letters: "deformation field -- Elastic Energy Regularization (EER)" became "Energy
    Regularization" (E, E from "Energy"). When the last words before the parenthesis give one
    initial each (link words none), that is the long form the writer spelled.
    """
    letters = [c.lower() for c in short if c.isalnum()]
    if len(letters) < 2 or not all(c.isalpha() for c in letters):
        return rel
    words = list(_NON_SPACE.finditer(cand))
    li = len(letters) - 1
    for w in reversed(words):
        word = w.group(0).strip(_LONG_STRIP)
        if not word:
            return rel
        if word.lower() == letters[li] or not word[0].isalpha():
            return rel
        parts = [x[0].lower() for x in word.split("-") if x]
        if len(parts) > 1 and li + 1 >= len(parts) and letters[li + 1 - len(parts):li + 1] == parts:
            li -= len(parts)  # "feed-forward network (FFN)": each part of a hyphenated word gives its initial
        elif word[0].lower() == letters[li]:
            li -= 1
        elif word.lower() not in _LINK_WORDS:
            return rel
        else:
            continue
        if li < 0:
            return min(rel, w.start())
    return rel


def _reverse(text: str, m: re.Match[str], inner: str) -> AcronymDef | None:
    """ "FATE (Forecasting Anomalies ...)": the word before the parenthesis is the short form."""
    if " " not in inner or len(inner.split()) > _MAX_REVERSE_WORDS:
        return None
    word = word_before(text, m.start())
    if word is None or not is_short_form(text[word[0]:word[1]]):
        return None
    short = text[word[0]:word[1]]
    core = _core(short)
    rel = best_long_form(core, inner)
    if rel is None or rel != 0:  # the parenthesis must be the long form, nothing else
        return None
    if sum(c.isupper() for c in short) < 2:
        return None
    return AcronymDef(short, inner, word[0], word[1], m.start(1), m.start(1) + len(inner))


_ASCII_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


def word_before(text: str, end: int) -> tuple[int, int] | None:
    """Offsets of the word ending ``text[:end]`` (trailing whitespace skipped), or None.

    The same answer as ``re.search(r"([A-Za-z0-9][\\w\\-]*)\\s*$", text[:end])`` (group 1),
    but walking back from ``end``: that search tries every start offset of the prefix,
    which costs the whole text for every parenthesis.
    """
    stop = end
    while stop > 0 and text[stop - 1].isspace():  # str.isspace is the \s of re
        stop -= 1
    first = stop
    while first > 0 and (text[first - 1].isalnum() or text[first - 1] in "_-"):  # \w and "-"
        first -= 1
    for i in range(first, stop):  # the leftmost ASCII letter or digit starts the match
        if text[i] in _ASCII_ALNUM:
            return i, stop
    return None


# Words a title's long form may skip ("Grounded Response and Abstention under Contextual Evidence").
_LINK_WORDS = frozenset("of for and in with via the a an to on under by from at as".split())
_TITLE_WORD = re.compile(r"[A-Za-z0-9]+")
_LONG_STRIP = " ,\"'“”*_~"
_HYPHEN_TAIL = re.compile(r"(?:-[A-Za-z0-9]+)*")
_TITLE_HEADS = frozenset("""layer layers network networks model models framework module transformer architecture
mechanism agent agents system method algorithm policy encoder decoder adapter""".split())
_TITLE_TAIL = re.compile(r"(?: (?!(?:Of|For|And|In|With|Via|The|A|An|To|On|Under|By|From|At|As)\b)[A-Z][a-z]+(?:-[A-Za-z0-9]+)*(?![\w\-])){0,2}")


def title_definition(title: str) -> AcronymDef | None:
    """An acronym a title defines by its subtitle: "RECAP: Resistance Capture in ...".

    The part before ": " must be one acronym-like word (at least half capitals, letters
    only apart from a plural "s"); its letters must be spelled, in order, by the initial
    letters of consecutive subtitle words, each word giving a prefix of one or more
    letters (RE-sistance CAP-ture), link words (of, for, and, ...) may give none.
    The first such run of words is the long form.

    Args:
        title: the cleaned title.

    Returns:
        The definition (offsets into ``title``) or None.
    """
    head, sep, rest = title.partition(": ")
    short = head.strip()
    if not sep or " " in short or not is_short_form(short) or 2 * sum(c.isupper() for c in short) < len(short):
        return None  # mostly capitals: "SymGraph" or "InfiniDepth" are coined words, not acronyms
    letters = _core(short).replace("-", "").casefold()
    if not letters.isalpha():
        return None
    offset = len(head) + len(sep)
    words = list(_TITLE_WORD.finditer(rest))
    for i, first in enumerate(words):
        if first.group(0).casefold() in _LINK_WORDS:
            continue
        j = _spell(letters, [w.group(0).casefold() for w in words[i:]])
        if j is not None:
            start, end = offset + first.start(), offset + words[i + j].end()
            end += len(_HYPHEN_TAIL.match(title, end).group(0))  # "... with Neuro-Symbolic": the whole word
            # "CORE: A Conceptual Reasoning Layer for ...": the capitalised noun phrase goes on after the
            # spelling words (the head noun says what it is: a layer, not the task "reasoning")
            tail = _TITLE_TAIL.match(title, end).group(0)
            if tail and tail.rsplit(None, 1)[-1].casefold() in _TITLE_HEADS:
                end += len(tail)
            return AcronymDef(short, title[start:end], 0, len(short), start, end)
    return None


def _spell(letters: str, words: list[str]) -> int | None:
    """Index of the last word when ``words`` (from the first) spell ``letters``.

    Each word gives its first letter and possibly more letters found later in it
    (RE-sistance, CAP-ture, Ref-actoring); fewer letters per word are tried first.
    """
    def go(li: int, wi: int) -> int | None:
        if li == len(letters):
            return wi - 1
        if wi >= len(words) or wi > 2 * len(letters) + 2:
            return None
        word = words[wi]
        if word[0] == letters[li]:
            pos, n = 1, 1
            while True:
                found = go(li + n, wi + 1)
                if found is not None:
                    return found
                if li + n >= len(letters):
                    break
                pos = word.find(letters[li + n], pos) + 1
                if pos == 0:
                    break
                n += 1
        if wi > 0 and word in _LINK_WORDS:
            return go(li, wi + 1)  # a link word inside the long form gives no letter
        return None

    return go(0, 0)
