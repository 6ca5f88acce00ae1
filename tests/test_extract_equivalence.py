"""The fast forms of the extractor's text scans find exactly what the plain forms they replace find."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract import load_pipeline
from kg.extract.acronyms import word_before
from kg.extract.canonical import _ACRONYM, _covered
from kg.extract.components import _BENCH_NAME, _DATASET_PATTERN, dataset_phrases
from kg.extract.matching import _DIGIT_WORD, digit_words
from kg.extract.patterns import _EXAMPLE_HEADS, _EXAMPLES
from kg.extract.repos import _URL, find_repos, normalise_repo
from kg.extract.proposed import (_COMPOUND, _EPONYM_ANCHORS, _EPONYM_HEAD, _MENTION_ANCHORS, _MENTION_HEAD, _ORDINAL, _ORDINALS, _SIZED, _TITLED_HEAD, _TRIGGER,
                                 _TRIGGER_ALTERNATIVES, _TRIGGER_ANCHORS, _TRIGGER_LC)
from kg.extract.text import clean_text, find_any, finditer_at, literal_prefix
from kg.extract.tokenizer import _TOKEN

# Characters that exercise the edges: ASCII and non-ASCII letters and digits, "_", "-", ".",
# Unicode spaces, and the letters the patterns start with.
_ALPHABET = "aAbTtOoZz09_-. \t\n\u2003\x1c\u00e9\u0663(xQwenBenchQAEval"
texts = st.text(alphabet=_ALPHABET, max_size=30)

# The plain forms: a lookbehind in front (the fast forms put it after the first character).
_PLAIN_WORD_BEFORE = re.compile(r"([A-Za-z0-9][\w\-]*)\s*$")
_FAST_DETERMINER = r"[AaTtOo](?<!\w.)(?:(?<=[Aa])n?|(?<=[Tt])he|(?<=[Oo])ur)"
_PLAIN_TITLED_HEAD = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Oo]ur)" + _TITLED_HEAD.pattern.removeprefix(_FAST_DETERMINER))
_PLAIN_COMPOUND = re.compile(r"(?<![\w\-])[A-Z][A-Za-z0-9]*[A-Z0-9][A-Za-z0-9]*-[A-Z][A-Za-z0-9]*(?![\w\-])")
_PLAIN_ACRONYM = re.compile(r"(?<![\w\-])[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?![\w\-])")
_PLAIN_BENCH = re.compile(r"(?<![\w-])[A-Z][\w\-]*(?:Bench|BENCH|-bench|Eval|QA|Arena)(?:[\d.\-]*\d)?(?![\w-])")


def test_plain_titled_head_is_the_fast_one_with_the_plain_determiner():
    assert _TITLED_HEAD.pattern.startswith(_FAST_DETERMINER)


def _spans(matches):
    return [(m.span(), m.groups()) for m in matches]


@settings(max_examples=500)
@given(texts)
def test_word_before_is_the_anchored_search(text):
    m = _PLAIN_WORD_BEFORE.search(text)
    assert word_before(text, len(text)) == (None if m is None else m.span(1))


@settings(max_examples=500)
@given(texts)
def test_digit_words_are_the_regex_matches(text):
    assert [m.span() for m in digit_words(text)] == [m.span() for m in _DIGIT_WORD.finditer(text)]


_REORDERED = ((_TITLED_HEAD, _PLAIN_TITLED_HEAD), (_COMPOUND, _PLAIN_COMPOUND), (_BENCH_NAME, _PLAIN_BENCH),
              (_ACRONYM, _PLAIN_ACRONYM))


@settings(max_examples=300)
@given(texts, st.integers(0, 30), st.integers(0, 30))
def test_reordered_lookbehinds_match_the_same(text, pos, endpos):
    for fast, plain in _REORDERED:
        assert _spans(fast.finditer(text, pos, endpos)) == _spans(plain.finditer(text, pos, endpos))


def test_reordered_lookbehinds_on_sentences():
    text = ("We use the Deep Cross-Entropy RL method, an Omni-Full Attention mechanism and EWC-LoRA; "
            "xEWC-LoRA is glued. Results on MMBench, Video-QA and the-MMBench. Our Graph Fusion Model network.")
    for fast, plain in _REORDERED:
        found = _spans(fast.finditer(text))
        assert found and found == _spans(plain.finditer(text))


# The plain form of the proposing-phrase regex: a word boundary before each alternative.
_PLAIN_TRIGGER = re.compile("|".join(r"\b" + a for a in _TRIGGER_ALTERNATIVES), re.IGNORECASE)
_TRIGGER_WORDS = ["we", "propose", "this paper", "our method", "named", "Named", "by introducing", "and develop", "a novel",
                  "an new", "the proposed", "framework,", "at its core is", "central to our model is", "further", "x", "-"]
trigger_texts = st.lists(st.sampled_from(_TRIGGER_WORDS + [" ", "  ", "\n", ",", "é", "İ"]), max_size=12).map("".join)


@settings(max_examples=500)
@given(trigger_texts, st.integers(0, 40), st.integers(0, 80))
def test_one_boundary_trigger_matches_the_plain_one(text, pos, endpos):
    assert _spans(_TRIGGER.finditer(text, pos, endpos)) == _spans(_PLAIN_TRIGGER.finditer(text, pos, endpos))
    low = text.lower()
    assert _spans(_TRIGGER_LC.finditer(low, pos, endpos)) == _spans(re.compile(_PLAIN_TRIGGER.pattern).finditer(low, pos, endpos))


@settings(max_examples=500)
@given(trigger_texts, st.integers(0, 40), st.integers(0, 80))
def test_triggers_tried_at_their_anchors_match_the_full_scan(text, pos, endpos):
    low = text.lower()
    assert _spans(finditer_at(_TRIGGER_LC, _TRIGGER_ANCHORS, low, pos, endpos)) == _spans(_TRIGGER_LC.finditer(low, pos, endpos))


def test_literal_prefix_stops_at_syntax_and_optional_characters():
    assert literal_prefix(r"we\s+propose") == "we"
    assert literal_prefix("this (?:paper|work)") == "this "
    assert literal_prefix("abc?d") == "ab"
    assert literal_prefix("[A-Z]x") == ""
    assert all(_TRIGGER_ANCHORS) and "a " in _TRIGGER_ANCHORS


_WORDS = ["model", "models", "mod", "el", "two", "tw", "-", "_", "x", " ", "é", "İ"]


def _find_any_plain(low, words, start, end):
    """Every occurrence of every word (overlapping ones too) not continuing a word on its left."""
    hits = set()
    for w in words:
        at = low.find(w, start)
        while 0 <= at and at + len(w) <= end:
            if at == 0 or not (low[at - 1].isalnum() or low[at - 1] in "_-"):
                hits.add((at, w))
            at = low.find(w, at + 1)
    return sorted(hits)


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_WORDS), max_size=14).map("".join), st.integers(0, 20), st.integers(0, 60))
def test_find_any_is_every_word_found_by_str_find(low, start, end):
    words = ("model", "models", "el", "two", "wo", "el")  # overlapping words, one twice
    assert find_any(low, words, start, end) == _find_any_plain(low, tuple(dict.fromkeys(words)), start, min(end, len(low)))
    assert find_any(low, words) == _find_any_plain(low, tuple(dict.fromkeys(words)), 0, len(low))


_HEAD_TEXT_WORDS = ["model", "models", "modelsx", "method", "transforms", "tests", ",", " such as ", " e.g., ", "Foo Bar", " ", "x", "-"]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_HEAD_TEXT_WORDS), max_size=14).map("".join), st.integers(0, 30), st.integers(0, 90))
def test_head_scans_tried_at_their_anchors_match_the_full_scans(text, start, end):
    for pattern, anchors in ((_MENTION_HEAD, _MENTION_ANCHORS), (_EPONYM_HEAD, _EPONYM_ANCHORS), (_EXAMPLES, _EXAMPLE_HEADS)):
        assert _spans(finditer_at(pattern, anchors, text, start, end)) == _spans(pattern.finditer(text, start, end))


_ORDINAL_WORDS = ["First", "Finally", "Second", "Secondly", "Thirdly", "Fourth", "Fifth", ",", " ", "X", "x", "."]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_ORDINAL_WORDS), max_size=10).map("".join))
def test_ordinals_tried_at_their_words_match_the_full_scan(text):
    assert _spans(finditer_at(_ORDINAL, _ORDINALS, text)) == _spans(_ORDINAL.finditer(text))


_URL_WORDS = ["github", "GitHub", "gıthub", "huggingface", "gitlab", ".com", ".co", ".Com", "/", "spaces/", "a", "B-1", " ", "www.", "https://"]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_URL_WORDS), max_size=10).map("".join))
def test_repo_links_skipped_by_the_host_check_have_no_match(text):
    plain = tuple(dict.fromkeys(u for m in _URL.finditer(text) if (u := normalise_repo(*m.groups())))) if ".co" in text else ()
    assert find_repos(text) == plain


_PLAIN_SIZED = re.compile(r"(?<![\w\-./])([A-Z]" + _SIZED.pattern.removeprefix(r"([A-Z](?<![\w\-./].)"))
_SIZED_WORDS = ["Qwen", "-", "7B", "2.5", ".", "/", "x", "-Instruct", " ", "_", "B", "1"]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_SIZED_WORDS), max_size=10).map("".join))
def test_sized_names_lookbehind_after_the_capital_matches_the_same(text):
    assert _PLAIN_SIZED.pattern != _SIZED.pattern
    assert _spans(_SIZED.finditer(text)) == _spans(_PLAIN_SIZED.finditer(text))


_DATASET_WORDS = ["Foo", "BarQA", "and", ",", " ", "dataset", "datasets", "benchmark", "corpus", "suites", "x", "Z", "."]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_DATASET_WORDS), max_size=14).map("".join), st.integers(0, 80))
def test_dataset_phrases_are_the_full_scan(text, end):
    assert _spans(dataset_phrases(text, end)) == _spans(_DATASET_PATTERN.finditer(text, 0, end))


@settings(max_examples=300)
@given(texts)
def test_clean_text_collapses_whitespace_like_the_regex(text):
    plain = "".join(c for c in text if c not in "*`\\$'")  # no markup: only the whitespace rule applies
    while "--" in plain:  # (nor LaTeX dashes: tests/test_extract_round10.py)
        plain = plain.replace("--", "-")
    assert clean_text(plain) == re.sub(r"\s+", " ", plain).strip()


def test_tokenizer_docs_equal_docs_from_strings():
    nlp = load_pipeline()
    text = "Qwen2.5-VL  uses\u2003LoRA (low-rank adaptation) and LoRA again.\nSecond  line "
    for _ in range(2):  # the second time the word ids come from the tokenizer's memo
        doc = nlp.make_doc(text)
        assert doc.text == text
        words = [t.text for t in doc]
        assert words[:4] == ["Qwen2.5", "-", "VL", " "]
        assert [t.orth for t in doc] == [nlp.vocab.strings[w] for w in words]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["LoRA", "(", ")", "-", ".", ",", "Qwen2.5", "3.", "a", "\n", "\u2003", "\u00e9t\u00e9", "_", " "]),
                max_size=30))
def test_chunk_memo_tokenizes_as_the_regex(parts):
    """The memo of space-separated chunks gives the Doc one regex pass over the text gives."""
    nlp = load_pipeline()
    text = "".join(parts)
    for _ in range(2):  # the second time every chunk comes from the memo
        doc = nlp.make_doc(text)
        assert doc.text == text
        assert [(t.text, t.whitespace_) for t in doc] == [(w, g) for w, g in _TOKEN.findall(text)]
        assert [t.orth for t in doc] == [nlp.vocab.strings[t.text] for t in doc]


@settings(max_examples=300)
@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), max_size=6))
def test_covered_mask_is_the_scan_of_the_ranges(ranges):
    mask = _covered(20, ranges)
    assert len(mask) == 20
    assert [bool(mask[i]) for i in range(20)] == [any(a <= i < b for a, b in ranges) for i in range(20)]
