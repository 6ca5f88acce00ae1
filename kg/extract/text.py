"""Small pure text helpers shared by the extraction modules (no spaCy here).

Everything in this module works on plain strings so it can be tested and reused
without building a pipeline.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from string import ascii_letters

import ahocorasick_rs

_LATEX_CMD = re.compile(r"\\(?:textbf|textsc|textit|texttt|emph|mathrm|mathbf|mathit|mathcal|text|mbox|underline)\s*\{([^{}]*)\}")
_LATEX_SWITCH = re.compile(r"\{\\(?:bf|em|it|sc|tt|rm|sf|sl|bfseries|itshape|ttfamily)\s+([^{}]*)\}")  # {\bf Name}
_LATEX_SUP = re.compile(r"\$\^\{?([A-Za-z0-9]+)\}?\$")
_LATEX_MATH = re.compile(r"\$([^$]{1,40})\$")
# "---" (an em dash), or "--": an en dash between a word and a capitalised word or a number joins
# them as a hyphen does ("Kirchhoff--Love", "Vision--Language", "3B--7B"); any other is a dash
# ("we propose RobSelf--a fully self-supervised model", "nanochat -- a family"), so that a name
# glued to it ends there. Between two lower-case words it is a hyphen too ("relativistic mean--field framework",
# "byte--pair encoding") unless the word before is a name with capitals ("RobSelf--a", "ProbTree--within") or the
# word after starts a clause: a function word or a verb form ("models--including", "agents--remains").
_DASHES = re.compile(r"---+|(?<=[A-Za-z0-9])--(?=[A-Z0-9])()|(?<=[a-z])--(?=[a-z])()|--")
_WORD_AFTER = re.compile(r"[a-z]+")
_CLAUSE_WORDS = frozenset("""a an the this that these those which who whose where when while we it its our their they and or
but nor as for with without to in on of at by from into onto over under via using through between across within after
before than then so if yet only also here there is are was were be been can could may might will would should must do does
did has have had not no namely such each both all any one two including includes include especially particularly
remains remain shows show""".split())
_TILDE_SPACE = re.compile(r"(?<=[A-Za-z])~(?=\d)")
# Latin-script runs inside CJK/Hangul text: words made of ASCII letters/digits and the
# joiners names use (hyphen, dot, plus, slash), possibly several separated by spaces.
_LATIN_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+/_'\-]*(?:[ \t]+[A-Za-z0-9(][A-Za-z0-9.+/_'()\-]*)*")
_NORM_SEP = re.compile(r"[\s\-_/]+")
_SLUG_SEP = re.compile(r"[^a-z0-9.+]+")
_PLURAL_S = re.compile(r"(?<=[a-z]{3})s$")


def _dash(m: re.Match[str]) -> str:
    """What a LaTeX dash found by ``_DASHES`` stands for (see there): a hyphen or an em dash."""
    if m.group(1) is not None:
        return "-"
    if m.group(2) is not None:  # between lower-case letters: the words on both sides decide
        text, start = m.string, m.start()
        while start and text[start - 1] in ascii_letters:  # back to the start of the word before
            start -= 1
        after = _WORD_AFTER.match(text, m.end()).group(0)  # type: ignore[union-attr]  (a letter follows)
        if text[start:m.start()].islower() and after not in _CLAUSE_WORDS and not after.endswith(("ing", "ed", "ly")):
            return "-"
    return "\u2014"


def clean_text(text: str) -> str:
    """Flatten a title/abstract to one line and drop LaTeX and markdown markup around names.

    ``\\textbf{V}ariance`` becomes ``Variance`` and ``D$^3$R`` becomes ``D3R`` so that
    acronym definitions typeset with LaTeX are found like plain ones.

    Args:
        text: raw text from a digest.

    Returns:
        The text on one line, with single spaces.
    """
    if "**" in text:  # markdown bold: "**H**ierarchical **R**epresentation"
        text = text.replace("**", "")
    if "``" in text:  # LaTeX quotes: ``Less is Less''
        text = text.replace("``", '"').replace("''", '"')
    if "--" in text:  # LaTeX dashes: "Kirchhoff--Love", "7--9B" are hyphens; "RobSelf--a model", "X -- a" are dashes
        text = _DASHES.sub(_dash, text)
    if "~" in text:  # LaTeX's unbreakable space before a version: "LLaMA~2", "Gemini~3"
        text = _TILDE_SPACE.sub(" ", text)
    if "\\" in text or "$" in text:
        for _ in range(2):  # nested commands: \textbf{\textsc{X}}, ${\bf \texttt{X}}$
            text = _LATEX_SWITCH.sub(r"\1", _LATEX_CMD.sub(r"\1", text))
        text = _LATEX_SUP.sub(r"\1", text)
        text = _LATEX_MATH.sub(r"\1", text)
    if _single_spaced(text):  # most titles and abstracts: the readers flattened them already
        return text
    return " ".join(text.split())  # = re.sub(r"\s+", " ", text).strip() (same whitespace set), faster


# The characters str.split() splits at, beside the space, that an ASCII text can hold.
_ASCII_SPACES = ("\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")


def _single_spaced(text: str) -> bool:
    """Whether ``" ".join(text.split()) == text``, found without building a list of words: an ASCII
    text (``isascii`` costs nothing; the other spaces str.split knows are not ASCII) with single spaces
    only, none at either end. A few C-level scans: a fifth of the cost of splitting and joining."""
    if not text.isascii() or "  " in text or text[:1] == " " or text[-1:] == " ":
        return False
    for space in _ASCII_SPACES:
        if space in text:
            return False
    return True


def latin_runs(text: str) -> list[str]:
    """The Latin-script phrases of a Chinese/Korean text (names, acronyms, English terms).

    Args:
        text: a summary field in any script.

    Returns:
        The runs in order, e.g. ``["SymGraph", "GNN", "10-100"]``.
    """
    return [run.strip(" -.") for run in _LATIN_RUN.findall(text)]  # (the pattern has no groups)


@functools.lru_cache(maxsize=1 << 16)  # pure, and the same names are looked up in paper after paper
def norm_phrase(text: str) -> str:
    """Compare form of a phrase: NFKC, case-folded, hyphens/underscores/slashes as spaces.

    A final plural ``s`` of words longer than three letters is dropped, as the
    evaluation rules do ("Diffusion Models" == "diffusion model").
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _NORM_SEP.sub(" ", text).strip()
    return _PLURAL_S.sub("", text)


def slug(text: str) -> str:
    """A stable kebab-case key for a name the gazetteer does not know ("DR-LoRA" -> "dr-lora")."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return _SLUG_SEP.sub("-", text).strip("-.")


def compact_key(name: str) -> str:
    """The key of a coined name the paper does not define: its slug with separators removed.

    Case, hyphens and spaces are folded so every spelling in a paper (and across papers)
    gives one key: "MetricAnything", "Metric Anything" and "Metric-Anything" -> "metricanything".
    """
    return slug(name).replace("-", "")


def long_form_key(long: str) -> str:
    """The key of an acronym the paper defines: its long form, last word singular, compacted.

    "Resistance Capture" -> "resistancecapture"; "Structural Causal Models" ->
    "structuralcausalmodel" (a plural definition shares the singular's key). The same
    :func:`compact_key` folding as coined names, so "Test-Time Training (TTT)" in one paper
    and a bare "TestTimeTraining" in another give one key.
    """
    head, sep, last = long.strip().rpartition(" ")
    low = last.casefold()
    if low.endswith("ies") and len(low) > 4:
        last = last[:-3] + "y"
    elif low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3 and low[-2].isalpha():
        last = last[:-1]
    return compact_key(head + sep + last)


def plural_forms(phrase: str) -> list[str]:
    """The phrase and its plural (last word inflected), for gazetteer aliases.

    Args:
        phrase: a long form, e.g. "graph neural network".

    Returns:
        ``[phrase]`` plus the plural when it differs ("graph neural networks";
        "policy" -> "policies"; "search" -> "searches").
    """
    if not phrase or not phrase[-1].isalpha():
        return [phrase]
    low = phrase.lower()
    if low.endswith("s") and not low.endswith("ss"):
        return [phrase]
    if low.endswith("y") and len(low) > 2 and low[-2] not in "aeiou":
        return [phrase, phrase[:-1] + "ies"]
    if low.endswith(("ch", "sh", "x", "ss")):
        return [phrase, phrase + "es"]
    return [phrase, phrase + "s"]


_OF_PHRASE = re.compile(r"^([a-z]+)([ \-]of[ \-])")


def of_plural(phrase: str) -> str | None:
    """The plural of an "X of Y" phrase, which inflects X: "chain-of-thought" -> "chains-of-thought",
    "mixture of experts" -> "mixtures of experts"; None for a phrase of another shape.

    >>> of_plural("chain-of-thought"), of_plural("graph neural network")
    ('chains-of-thought', None)
    """
    m = _OF_PHRASE.match(phrase)
    if m is None or len(m.group(1)) < 3:
        return None
    plural = plural_forms(m.group(1))
    return plural[-1] + phrase[m.end(1):] if len(plural) > 1 else None


def hyphen_variants(phrase: str, limit: int = 4) -> list[str]:
    """Spellings of a multi-word phrase with spaces and hyphens interchanged.

    "mixture of experts" -> also "mixture-of-experts"; "low-rank adaptation" -> also
    "low rank adaptation", "low-rank-adaptation", ... Phrases of more than ``limit``
    joints get only the all-space and all-hyphen forms, to keep the pattern count small.
    """
    words = [w for w in re.split(r"[\s\-]+", phrase) if w]
    if len(words) < 2:
        return [phrase]
    joints = len(words) - 1
    out = {phrase}
    if joints > limit:
        out |= {" ".join(words), "-".join(words)}
    else:
        for mask in range(2 ** joints):
            parts = [words[0]]
            for i, w in enumerate(words[1:]):
                parts.append("-" if mask >> i & 1 else " ")
                parts.append(w)
            out.add("".join(parts))
    return sorted(out)


def joined_variant(phrase: str) -> str | None:
    """The phrase written as one word ("depth anything" -> "depthanything"), for two or three
    words of three or more letters each; None otherwise (short words joined read as other words)."""
    words = [w for w in re.split(r"[\s\-]+", phrase) if w]
    if not 2 <= len(words) <= 3 or any(len(w) < 3 or not w.isalpha() for w in words):
        return None
    return "".join(words)


def inflections(word: str) -> list[str]:
    """Verb forms of a one-word technique noun: "quantization" -> "quantized", "quantizing";
    "distillation" -> "distilled", "distilling"; "pruning" -> "pruned"; "bootstrapping" -> "bootstrapped".

    Only nouns in "-ation" (seven letters or more) and "-ing" (six or more) change: those are the
    technique nouns papers also use as verbs and adjectives ("distilled models", "pruned weights").
    """
    low = word.casefold()
    if not low.isalpha():
        return []
    if low.endswith("ation") and len(low) >= 9:
        stem = word[:-5]
        return [stem + "ed", stem + "ing"] if not stem.endswith("e") else [stem + "d", stem[:-1] + "ing"]
    if low.endswith("ing") and len(low) >= 7:
        return [word[:-3] + "ed"]
    return []


@functools.lru_cache(maxsize=1 << 16)
def looks_like_acronym(text: str) -> bool:
    """True for acronym-like forms that must match case-sensitively (GRPO, LoRA, ResNet, GPT-4o).

    A form is acronym-like when it is one word (hyphens allowed) with at least two
    capital letters, or a capital letter followed by digits.
    """
    if " " in text:
        return False
    caps = sum(c.isupper() for c in text)
    return caps >= 2 or (caps == 1 and any(c.isdigit() for c in text))


_COUNT_WORD = re.compile(r"\d+(?:\.\d+)?[KMBT]-[a-z]+$")


@functools.lru_cache(maxsize=1 << 16)
def is_name_like(token: str) -> bool:
    """Whether one word looks like a coined name rather than an English word.

    Coined names have a capital letter after the first character (SymGraph, LoRA,
    GRPO), mix letters and digits (Qwen3, 2Mamba) or join capitalised parts with a
    hyphen (Agent-Dice, Pat-DEVAL). "Framework", "the", "3" are not name-like.
    """
    if len(token) < 2 or not token[0].isalnum() or sum(c.isalpha() for c in token) < 2:
        return False  # "3D", "10x", "R1" are too short to be coined names
    if token[0].isdigit() and not any(c.isupper() for c in token):
        return False  # "5-fold", "3rd": a number with a word, not a name (2Mamba, 3DGS are)
    if token[0].isdigit() and _COUNT_WORD.match(token):
        return False  # "a 1.6B-sample corpus", "100K-image": a count of things
    if any(c.isupper() for c in token[1:]) or any(c.isdigit() for c in token):
        return True
    parts = token.split("-")
    return len(parts) > 1 and all(p[:1].isupper() for p in parts if p)


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def find_word(text: str, word: str, start: int = 0, end: int | None = None) -> Iterator[int]:
    """Offsets where ``word`` occurs in ``text`` as a whole word (not inside a longer word).

    A plain ``str.find`` loop: compiling a regex per name would thrash the ``re`` cache.
    A hyphen before the word counts as part of a longer word ("KR" is not in "Pat-KR").
    """
    end = len(text) if end is None else end
    if not word:
        return
    pos = text.find(word, start, end)
    while pos >= 0:
        before = text[pos - 1] if pos else " "
        stop = pos + len(word)
        after = text[stop] if stop < len(text) else " "
        if not (_is_word_char(before) or before == "-") and not _is_word_char(after):
            yield pos
        pos = text.find(word, pos + 1, end)


# Words a long form may add or drop without naming something else ("Mixture of Experts").
_FUNCTION_WORDS = frozenset("a an the of for and in on with via to by from based using".split())
_SIG_SPLIT = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=1 << 16)
def content_signature(phrase: str) -> frozenset[str]:
    """The content words of a long form, each cut to its first five letters.

    Inflections and spellings fold ("optimisation"/"optimization", "networks"/"network",
    "experts"/"expert", "fine-tuned"/"fine-tuning"): two long forms with one signature name the same thing, while
    "Spatial Attention Mechanism" and "Segment Anything Model" stay apart.
    """
    return frozenset(content_words(phrase))


def content_words(phrase: str) -> list[str]:
    """The signature's words in order (:func:`content_signature`)."""
    words = _SIG_SPLIT.split(unicodedata.normalize("NFKC", phrase).casefold())
    return [_stem(w)[:5] for w in words if w and w not in _FUNCTION_WORDS]


def _stem(word: str) -> str:
    """A word without its verb ending, so that a participle and its noun sign alike: "fine-tuned" and
    "fine-tuning" ("tun"), "pooled" and "pooling" ("pool"); short words ("bed", "ring") keep theirs."""
    if len(word) >= 6 and word.endswith("ing"):
        return word[:-3]
    if len(word) >= 5 and word.endswith("ed"):
        return word[:-2]
    return word


@functools.lru_cache(maxsize=1 << 16)
def joined_form(phrase: str) -> str:
    """A phrase with case, separators and a final plural folded: "Pre-Trained Transformers" -> "pretrainedtransformer"."""
    text = _SIG_SPLIT.sub("", unicodedata.normalize("NFKC", phrase).casefold())
    text = text.replace("isation", "ization").replace("ising", "izing")
    return text[:-1] if len(text) > 4 and text.endswith("s") and not text.endswith("ss") else text


_TRAILING_VERSION_WORD = re.compile(r"(?:[\s\-]+v?\d+(?:\.\d+)*)+$", re.I)


def same_long_form(a: str, b: str) -> bool:
    """Whether two long forms name the same thing: equal joined spellings or equal content signatures.

    A trailing version is not part of the name ("Segment Anything Model 2", "Generative
    Pre-trained Transformer 2": the family's long form).
    """
    a, b = _TRAILING_VERSION_WORD.sub("", a) or a, _TRAILING_VERSION_WORD.sub("", b) or b
    if joined_form(a) == joined_form(b):
        return True
    sa, sb = content_signature(a), content_signature(b)
    return bool(sa) and sa == sb


def find_any(low: str, words: tuple[str, ...], start: int = 0, end: int | None = None) -> list[tuple[int, str]]:
    """``(offset, word)`` of each word of ``words`` in ``low[start:end]`` that does not continue a
    longer word on its left, in text order.

    One pass of an Aho-Corasick automaton (ahocorasick_rs, built once per word list) finds every word
    at once, overlapping matches included: a ``str.find`` per word scanned the text once per word, one
    regex of alternatives is slower still, and pyahocorasick's per-character loop was three times
    slower than this Rust automaton (0.33 -> 0.11 s a pass over the shared corpus for the four lists)."""
    end = len(low) if end is None else end
    found: list[tuple[int, str]] = []
    if end <= start:
        return found
    text = low if start == 0 and end == len(low) else low[start:end]
    automaton, unique = _automaton(words)
    for i, pos, _ in automaton.find_matches_as_indexes(text, overlapping=True):
        pos += start
        if pos == 0 or not (low[pos - 1].isalnum() or low[pos - 1] in "_-"):
            found.append((pos, unique[i]))
    found.sort()
    return found


def finditer_at(pattern: re.Pattern[str], anchors: tuple[str, ...], text: str, start: int = 0,
                end: int | None = None) -> Iterator[re.Match[str]]:
    """The matches of ``pattern.finditer(text, start, end)``, tried only where one of ``anchors`` occurs.

    ``anchors`` must hold a literal opening of every match (:func:`literal_prefix` of each
    alternative): the regex engine then runs at a few dozen places instead of at every character,
    and the matches are the same (leftmost first, each search resuming where the last match ended).
    """
    end = len(text) if end is None else min(end, len(text))
    if end <= start:
        return
    part = text if start == 0 and end == len(text) else text[start:end]
    resume = start
    for pos in sorted({pos for _, pos, _ in _automaton(anchors)[0].find_matches_as_indexes(part, overlapping=True)}):
        pos += start
        if pos >= resume and (m := pattern.match(text, pos, end)) is not None:
            resume = max(m.end(), pos + 1)
            yield m


_REGEX_SYNTAX = frozenset("\\()[]{}?*+|.^$")


def literal_prefix(pattern: str) -> str:
    """The literal text every match of the regex source ``pattern`` opens with: "we" for ``we\\s+``,
    "this " for ``this (?:paper|work)``; "" when it opens with syntax. A character made optional
    by a quantifier after it is not part of it ("ab?" -> "a")."""
    i = 0
    while i < len(pattern) and pattern[i] not in _REGEX_SYNTAX:
        i += 1
    return pattern[:i - 1] if i < len(pattern) and pattern[i] in "?*{" else pattern[:i]


_AUTOMATA: dict[tuple[str, ...], tuple[ahocorasick_rs.AhoCorasick, tuple[str, ...]]] = {}


def _automaton(words: tuple[str, ...]) -> tuple[ahocorasick_rs.AhoCorasick, tuple[str, ...]]:
    """The automaton of a word list and the words its match indexes refer to (each word once: a
    repeated word would be reported twice). The callers pass module constants: a handful in all."""
    built = _AUTOMATA.get(words)
    if built is None:
        unique = tuple(dict.fromkeys(words))
        # the standard match kind: with overlapping=True every occurrence of every word is reported
        built = _AUTOMATA[words] = (ahocorasick_rs.AhoCorasick(list(unique), matchkind=ahocorasick_rs.MATCHKIND_STANDARD), unique)
    return built
