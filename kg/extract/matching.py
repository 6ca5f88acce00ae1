"""PhraseMatcher patterns and the versioned-family matcher built from a gazetteer.

Acronyms match on ``ORTH`` (case-sensitive: "RAG" but not "rag"); long forms on
``LOWER`` with their plural and hyphen/space variants ("mixture-of-experts",
"low rank adaptations"). Ambiguous entries match every form in exact case only.
Built once per pipeline; matching a document is then a pair of Cython matcher calls
and one regex.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from kg.extract.gazetteer import Entry, Gazetteer
from kg.extract.text import hyphen_variants, looks_like_acronym, plural_forms

# A token that continues a model name: "3.1", "8B", "R1", "v2", "-", "8x7B".
_VERSION_TOKEN = re.compile(r"^(?:v?\d+(?:\.\d+)*[a-z]?|\d+(?:\.\d+)?[BMKT]|[A-Z]\d+(?:\.\d+)*|\d+x\d+[BM]?|V\d+(?:\.\d+)*)$")


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy rebuilds it from the tokens on every access)."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text


def char_span(doc: Doc, start: int, end: int, **kwargs: object) -> Span | None:
    """``doc.char_span`` that tries the fast strict alignment first, then snaps to tokens.

    Strict alignment is a C lookup; the "expand" mode walks all tokens in Python,
    so it is only the fallback (a name glued to punctuation, "Error(ECE)").
    """
    span = doc.char_span(start, end, **kwargs)  # type: ignore[arg-type]
    if span is None:
        span = doc.char_span(start, end, alignment_mode="contract", **kwargs)  # type: ignore[arg-type]
    return span


def case_sensitive_forms(entry: Entry) -> list[str]:
    """Forms matched in exact case: acronyms (with a plural "s"), and all forms of ambiguous entries."""
    forms = list(entry.acronyms)
    forms += [a + "s" for a in entry.acronyms if a[-1:].isupper() or a[-1:].isdigit()]
    for surface in (entry.name, *entry.aliases):
        if entry.ambiguous or looks_like_acronym(surface):
            forms.append(surface)
    return list(dict.fromkeys(forms))


def insensitive_forms(entry: Entry) -> list[str]:
    """Long forms matched case-insensitively, with plurals and hyphen/space variants."""
    if entry.ambiguous:
        return []
    out: list[str] = []
    for surface in (entry.name, *entry.aliases):
        if looks_like_acronym(surface) or surface in entry.acronyms:
            continue
        for variant in hyphen_variants(surface.lower()):
            out.extend(plural_forms(variant))
    return list(dict.fromkeys(out))


class GazetteerMatcher:
    """Finds gazetteer entries in a Doc (methods and datasets together, longest span wins)."""

    def __init__(self, nlp: Language, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        for eid, entry in gaz.entries.items():
            if forms := case_sensitive_forms(entry):
                self.orth.add(eid, list(nlp.tokenizer.pipe(forms)))
            if forms := insensitive_forms(entry):
                self.lower.add(eid, list(nlp.tokenizer.pipe(forms)))

    def __call__(self, doc: Doc) -> list[Span]:
        """All matches as spans labelled with the entry id ("method:lora"), overlapping allowed."""
        spans = [*self.orth(doc, as_spans=True), *(s for s in self.lower(doc, as_spans=True) if not _inside_compound(s))]
        spans = [self._extend(s) if self.gaz.entries[s.label_].versioned else s for s in spans]
        if self.gaz.versioned:
            spans.extend(self._versioned(doc))
        return spans

    def _extend(self, span: Span) -> Span:
        """Grow a model-family match over its version tokens ("Llama" "3.1" "8B", "DeepSeek" "-" "R1")."""
        doc, end = span.doc, span.end
        while end < len(doc):
            tok = doc[end]
            if tok.text == "-" and not tok.whitespace_ and end + 1 < len(doc) and _VERSION_TOKEN.match(doc[end + 1].text):
                end += 2
            elif _VERSION_TOKEN.match(tok.text) and (doc[end - 1].whitespace_ or doc[end - 1].text == "-"):
                end += 1
            else:
                break
        return span if end == span.end else Span(doc, span.start, end, label=span.label)

    def _versioned(self, doc: Doc) -> Iterator[Span]:
        """Model names glued to their version: one cheap regex for words with a digit, then a dict lookup."""
        for m in _DIGIT_WORD.finditer(doc_text(doc)):
            hit = _FAMILY_VERSION.match(m.group(0))
            if hit is None:
                continue
            family = hit.group(1)
            eid = self.gaz.versioned.get(family.casefold())
            if eid is None or self.gaz.entries[eid].ambiguous and family not in self.gaz.entries[eid].surfaces:
                continue
            span = char_span(doc, m.start(), m.start() + hit.end(), label=eid)
            if span is not None:
                yield self._extend(span)


# Words with a letter first and a digit inside: candidates for "<family><version>".
_DIGIT_WORD = re.compile(r"(?<![\w\-])[A-Za-z][A-Za-z\-]*\d[\w.\-]*")
# "Qwen2.5-7B-Instruct", "GPT-4o", "YOLOv8n", "ResNet-50": family, version, size/variant suffixes.
_FAMILY_VERSION = re.compile(
    r"([A-Za-z][A-Za-z\-]*?)-?(v?\d+(?:\.\d+)*[a-z]?)"
    r"((?:-(?:\d+(?:\.\d+)?[BMKbmk]|\d+x\d+[BM]?|[A-Z][A-Za-z]{0,7}\d*"
    r"|(?i:mini|small|base|large|chat|instruct|xl|tiny|nano|turbo|pro|max|flash|plus)))*)(?=$|-)"
)


def _inside_compound(span: Span) -> bool:
    """A long form glued to a word before it ("render-supervised fine-tuning") is part of another term."""
    i = span.start
    return i >= 2 and span.doc[i - 1].text == "-" and not span.doc[i - 2].whitespace_ and span.doc[i - 2].is_alpha
