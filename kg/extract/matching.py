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
from kg.extract.text import hyphen_variants, inflections, joined_variant, looks_like_acronym, norm_phrase, of_plural, plural_forms

# A token that continues a model name: "3.1", "8B", "R1", "v2", "-", "8x7B", "4V" (a vision variant: "GPT-4V-aided").
_VERSION_TOKEN = re.compile(r"^(?:v?\d+(?:\.\d+)*[a-z]?|\d+(?:\.\d+)*V|\d+(?:\.\d+)?[BMKT]|[A-Z]\d+(?:\.\d+)*|\d+x\d+[BM]?|V\d+(?:\.\d+)*)$")


# Product tiers a model name carries after a hyphen ("Qwen-VL-Max", "Gemini-2.5-Flash-Lite").
TIER_WORDS = frozenset("""Max Plus Pro Flash Lite Turbo Mini Nano Ultra Instruct Chat Base Large Small Medium XL Preview
Thinking""".split())


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc (spaCy rebuilds it from the tokens on every access)."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text


_SPANS = "kg_spans"
_NO_GROUPS: dict[str, list[Span]] = {}


def spans_of(doc: Doc, name: str) -> list[Span]:
    """The spans a component stored under ``name`` (:func:`set_spans`), or ``[]``. Not to be mutated."""
    return doc.user_data.get(_SPANS, _NO_GROUPS).get(name, [])


def set_spans(doc: Doc, name: str, spans: list[Span]) -> None:
    """Store a component's spans for the components after it, as a plain list in ``doc.user_data``.

    Not ``doc.spans``: a span group copies every span in and builds a new Span object for each one
    read (about half a microsecond each), and the groups are read several times per paper.
    The Spans refer to their Doc, a reference cycle: :func:`release_spans` breaks it.
    """
    groups = doc.user_data.get(_SPANS)
    if groups is None:
        groups = doc.user_data[_SPANS] = {}
    groups[name] = spans


def release_spans(doc: Doc) -> None:
    """Drop the stored spans, so the Doc is freed by reference counting rather than by the collector."""
    doc.user_data.pop(_SPANS, None)


def span_text(span: Span, text: str) -> str:
    """``span.text`` as a slice of the Doc's text (``Span.text`` builds a Token per token)."""
    return text[span.start_char:span.end_char]


def char_span(doc: Doc, start: int, end: int, **kwargs: object) -> Span | None:
    """``doc.char_span`` that tries the fast strict alignment first, then snaps to tokens.

    Strict alignment is a C lookup; the "expand" mode walks all tokens in Python,
    so it is only the fallback (a name glued to punctuation, "Error(ECE)").
    """
    span = doc.char_span(start, end, **kwargs)  # type: ignore[arg-type]
    if span is None:
        span = doc.char_span(start, end, alignment_mode="contract", **kwargs)  # type: ignore[arg-type]
    return span


# A capitalised word or a three-letter acronym glued to a dotted version ("Wan2.1", "GLM-4.5"): papers
# also write it with a space ("Wan 2.1", "GLM 4.5"; LaTeX "Wan $2.1$" and "Llama~3" are cleaned to that).
# Dotted only: "Step 2" is prose, "Step-3.5" a model; not two letters: "(SD 3.5)" is a standard deviation.
_WORD_VERSION = re.compile(r"^([A-Z][a-z]{2,}|[A-Z]{3,})-?(\d+\.\d+)$")
_DIGIT_PREFIX = re.compile(r"^(\d+[A-Z])-?([A-Z][A-Za-z]*)$")


_CAPS_LOWER_V = re.compile(r"[A-Z]{2,}[A-Z0-9\-]*v\d+(?:\.\d+)*$")
_LOWER_V_TAIL = re.compile(r"v\d+(?:\.\d+)*$")


# A model's name, a hyphen, then a product in capitals: "DeepSeek-OCR", "Qwen-VL" (not "GPT-4", not "BERT-CRF":
# the first part has a lower-case letter).
_PRODUCT_SUFFIX = re.compile(r"^([A-Z][a-z]+[A-Za-z]*)-([A-Z]{2,4})$")


def acronym_variants(acronym: str) -> list[str]:
    """An acronym as papers also write it: "3DGS" / "3D-GS", "DINO-v2" -> "DINOv2" (hyphen dropped
    when both sides stay acronym-like and at least three characters remain)."""
    out = [acronym]
    if (m := _WORD_VERSION.match(acronym)) is not None:  # "Wan2.1" also as "Wan 2.1" and "Wan-2.1"
        out += [f"{m.group(1)} {m.group(2)}", f"{m.group(1)}-{m.group(2)}", m.group(1) + m.group(2)]
    m = _DIGIT_PREFIX.match(acronym)
    if m is not None:
        out += [f"{m.group(1)}-{m.group(2)}", f"{m.group(1)}{m.group(2)}"]
    if "-" in acronym and len(acronym.replace("-", "")) >= 3 and looks_like_acronym(acronym.replace("-", "")):
        out.append(acronym.replace("-", ""))
    if (m := _PRODUCT_SUFFIX.match(acronym)) is not None:  # "DeepSeek-OCR" is also written "DeepSeek OCR"
        out.append(f"{m.group(1)} {m.group(2)}")
    if _CAPS_LOWER_V.match(acronym):  # "DINOv2" is also written all in capitals: "DINOV2"
        out += [v[:tail.start()] + tail.group(0).upper() for v in list(out) if (tail := _LOWER_V_TAIL.search(v))]
    return list(dict.fromkeys(out))


def case_sensitive_forms(entry: Entry) -> list[str]:
    """Forms matched in exact case: acronyms (with their written variants and a plural "s"),
    and all forms of ambiguous entries."""
    forms = [v for a in entry.acronyms for v in acronym_variants(a)]
    forms += [a + "s" for a in list(forms) if a[-1:].isupper() or a[-1:].isdigit()]
    for surface in (entry.name, *entry.aliases):
        if entry.ambiguous or looks_like_acronym(surface):
            forms.append(surface)
    return list(dict.fromkeys(forms))


def insensitive_forms(entry: Entry) -> list[str]:
    """Long forms matched case-insensitively, generated from each listed one (never hand-listed):
    plurals, hyphen/space variants and the joined spelling ("DepthAnything"). Verb forms are
    :func:`inflected_forms` (matched with a guard)."""
    if entry.ambiguous:
        return []
    out: list[str] = []
    for surface in (entry.name, *entry.aliases):
        if looks_like_acronym(surface) or surface in entry.acronyms:
            continue
        low = surface.lower()
        for variant in hyphen_variants(low):
            out.extend(plural_forms(variant))
            if (plural := of_plural(variant)) is not None:
                out.append(plural)
            if "-" in variant:
                out.extend(plural_forms(_PREFIX_HYPHEN.sub(r"\1", variant)))  # "fine-tuning" -> "finetuning"
        joined = joined_variant(low)
        if joined is not None:
            out.extend(plural_forms(joined))
        out.extend(head_variants(low, entry.group))
        out.extend(participles(low))
        out.extend(participial_prefix(low))
    return list(dict.fromkeys(out))


def participles(phrase: str) -> list[str]:
    """A multiword technique as a hyphenated participle: "behavior cloning" -> "behavior-cloned",
    "fast fourier transform" -> "fast-fourier-transformed", "cycle consistency" -> "cycle-consistent"
    ("-ation" nouns stay: "vector-quantized" describes data).
    Hyphenated, the form is a name (a "behavior-cloned policy"); unhyphenated it would be prose."""
    words = phrase.replace("-", " ").split()
    if not 2 <= len(words) <= 4 or not all(w.isalpha() for w in words) or words[0] == "model":
        return []  # "model-edited images" are images a model edited, not model editing
    last = words[-1]
    # "-ing" techniques and transforms only: "vector-quantized codebook" describes data, not the method.
    # A six-letter "-ing" noun counts here, after a modifier ("instruction tuning" -> "instruction-tuned").
    if last == "transform":
        forms = [last + "ed"]
    elif last == "consistency" and "self" not in words:
        # "cycle consistency" -> "cycle-consistent" (a "cycle-consistent objective"); not "self-consistent",
        # which in physics is the self-consistent field method, not the prompting technique
        forms = ["consistent"]
    elif last.endswith("ing") and len(last) >= 6 and last[-4] not in "aeiou":
        forms = [last[:-3] + "ed"]
    elif last in ("correction", "adjustment"):
        # a statistical correction says what it did to a figure: "Bonferroni-corrected p-values", "logit-adjusted loss"
        forms = [last.removesuffix("ion").removesuffix("ment") + "ed"]
    else:
        forms = []
    return ["-".join([*words[:-1], f]) for f in forms]


# Activity nouns a participial modifier may drop: "retrieval-augmented baselines" are RAG systems,
# "tool-integrated LLMs" do tool-integrated reasoning, "grammar-constrained" decoders decode so.
_ACTIVITY_HEADS = frozenset("generation reasoning decoding".split())


def participial_prefix(phrase: str) -> list[str]:
    """The hyphenated participle that opens a long form ending in an activity noun, standing alone:
    "retrieval-augmented generation" -> "retrieval-augmented". Not "-based" ("score-based" says how),
    not "self-" ("self-paced" is an ordinary adjective), and only a two-word long form."""
    words = phrase.split()
    if len(words) != 2 or words[1] not in _ACTIVITY_HEADS:
        return []
    first, _, participle = words[0].partition("-")
    if not (first.isalpha() and participle.isalpha() and participle.endswith("ed")) or participle == "based" or first == "self":
        return []
    return [words[0]]


# Prefixes papers also glue to the word ("finetuning", "pretraining", "multiagent", "nonlinear").
_PREFIX_HYPHEN = re.compile(r"\b(fine|pre|post|re|co|non|auto|multi|semi|sub|meta|inter|intra)-(?=[a-z])")


def head_variants(phrase: str, group: str) -> list[str]:
    """Head-noun variants of a long form that name the same method (generated per rule, never listed):

    - "contrastive learning" -> "contrastive loss", "contrastive objective" (an "-ive" technique's loss), and the
      stages trained that way: "contrastive alignment", "contrastive fine-tuning", "contrastively trained";
    - a generative family's "diffusion model" -> "diffusion process", "diffusion prior", and for a family named by its
      process also "diffusion framework", "diffusion backbone";
    - "3d gaussian splatting" -> "3d gaussians", "3d gaussian splats" (the primitives name the representation).
    """
    words = phrase.split()
    if len(words) == 2 and words[1] == "learning" and words[0].endswith("ive"):
        # and the stages trained so ("contrastive alignment", "contrastive fine-tuning", "contrastively fine-tuned")
        return [f"{words[0]} loss", f"{words[0]} losses", f"{words[0]} objective", f"{words[0]} objectives",
                *(f"{words[0]} {stage}" for stage in _TRAINING_STAGES),
                *(f"{words[0]}ly {done}" for done in ("trained", "fine-tuned", "finetuned", "pretrained", "pre-trained"))]
    if group == "generative-model" and len(words) == 2 and words[1] == "model":
        # "a frozen diffusion prior": the model used as a prior
        out = [f"{words[0]} process", f"{words[0]} processes", f"{words[0]} prior", f"{words[0]} priors"]
        if words[0].endswith("ion"):
            # a family named by its process ("diffusion"): "a unified diffusion framework", "the diffusion backbone"
            # name the model too (not a modality before it: "text-to-image diffusion transformer" is another entry's)
            out += [f"{words[0]} {head}{s}" for head in _GENERATIVE_HEADS for s in ("", "s")]
            out += [f"{words[0]} {head}" for head in _GENERATIVE_PARTS]
        return out
    if len(words) >= 3 and words[-1] == "splatting":
        # and the field the primitives make, the primitives themselves ("3D Gaussian fields", "3D Gaussian primitives")
        return [" ".join([*words[:-2], words[-2] + "s"]), " ".join([*words[:-1], "splats"]),
                *(" ".join([*words[:-1], head]) for head in ("field", "fields", "primitives"))]
    out: list[str] = []
    if len(words) == 2 and words[0].endswith("'s") and words[1] == "method":
        # an eponym's method iterates and steps by its name: "Newton iterations", "a Newton step", "Heun's scheme"
        stem = words[0][:-2]
        out += [f"{stem} iteration", f"{stem} iterations", f"{stem}'s iteration", f"{stem} step", f"{stem} steps",
                f"{stem}'s scheme"]
    if len(words) >= 3 and words[-1] in _PROCEDURE_HEADS:
        stem = " ".join(words[:-1])
        out += [f"{stem} {head}" for head in _PROCEDURE_VARIANTS if head != words[-1]]
        if any(w.endswith("'s") for w in words[:-1]) and not words[-2].endswith("'s") or words[-2] in _PROCESS_NOUNS:
            # without its head: an eponym's procedure ("pollard's rho (algorithm)"), or a stem that is a
            # procedure itself ("domain decomposition (method)", "discrete dipole approximation (method)")
            out += plural_forms(stem) if words[-2] in _PROCESS_NOUNS else [stem]
    if len(words) >= 2 and words[-1] in _AGENT_PROCESS:
        stem = " ".join(words[:-1])
        other = _AGENT_PROCESS[words[-1]]
        out += [f"{stem} {other}", f"{stem} {other}s"]
    return out


_GENERATIVE_HEADS = ("framework", "backbone", "generator", "decoder", "planner")  # "a diffusion planner" (a plan sampler)
_TRAINING_STAGES = ("alignment", "fine-tuning", "finetuning", "pre-training", "pretraining", "training", "fine-tune")
# The parts and stages of such a model's sampling name it too ("adjusting noise predictions across diffusion steps",
# "the diffusion latent space", "standard diffusion baselines"), not words a physical process has ("diffusion
# coefficient", "diffusion equation", "diffusion-weighted").
_GENERATIVE_PARTS = ("step", "steps", "timestep", "timesteps", "sampling", "sampler", "samplers", "latent", "latents",
                     "baseline", "baselines", "denoising", "denoiser", "trajectory", "trajectories", "inversion",
                     "features", "head", "pipeline", "pipelines", "paradigm", "architecture", "architectures",
                     "training", "distillation", "loss", "objective", "generation")


# Process nouns that name a procedure without "method" after them.
_PROCESS_NOUNS = frozenset("""decomposition factorization factorisation optimization optimisation transform transformation
approximation expansion elimination relaxation interpolation quadrature iteration integration""".split())


# The device and the process are one method: "Lloyd-Max quantizer" / "Lloyd-Max quantization",
# "Gibbs sampler" / "Gibbs sampling", "kernel density estimator" / "... estimation", "probabilistic model
# checker" / "... checking", "arithmetic coder" / "... coding". (Not
# "classifier" / "classification": the process is a task.)
_AGENT_PROCESS = {"quantizer": "quantization", "quantization": "quantizer", "sampler": "sampling",
                  "sampling": "sampler", "estimator": "estimation", "estimation": "estimator",
                  "regressor": "regression", "regression": "regressor", "filter": "filtering", "filtering": "filter",
                  "integrator": "integration", "smoother": "smoothing", "smoothing": "smoother",
                  "checking": "checker", "checker": "checking", "coding": "coder", "coder": "coding",
                  "tracing": "tracer", "tracer": "tracing",
                  # "a semidefinite program", "mixed-integer programs": the problem names the method that solves it
                  "programming": "program"}


# "finite element method" -> "finite element simulations", "... solver", "... scheme": a named
# procedure keeps its name whatever generic head noun a paper puts after it (two-word stems at least,
# so "moment method" or "newton method" never turn into "moment analysis").
_PROCEDURE_HEADS = frozenset("method algorithm technique scheme".split())
_PROCEDURE_VARIANTS = ("method", "methods", "algorithm", "algorithms", "scheme", "schemes", "technique", "techniques",
                       "simulation", "simulations", "solver", "solvers", "discretization", "discretisation", "analysis")


def inflected_forms(entry: Entry) -> list[str]:
    """Verb forms of a one-word technique noun ("quantized", "pruned", "distill"), matched with a guard."""
    if entry.ambiguous:
        return []
    return list(dict.fromkeys(f for s in (entry.name, *entry.aliases) if not looks_like_acronym(s) and s not in entry.acronyms
                              and " " not in s and "-" not in s for f in [*inflections(s.lower()), *verb_bases(s.lower())]))


def verb_bases(noun: str) -> list[str]:
    """The plain verb of an "-ation" technique noun when its stem spells it: "distillation" -> "distill",
    "distills"; "quantization" -> "quantize", "quantizes"; "augmentation" -> "augment". Other stems
    ("interpol-ation") do not give the verb by cutting, so they give none."""
    if not noun.endswith("ation") or len(noun) < 9 or not noun.isalpha():
        return []
    stem = noun[:-5]
    if stem.endswith("iz"):
        return [stem + "e", stem + "es"]
    if stem.endswith(("ll", "nt", "rm")):
        return [stem, stem + "s"]
    return []


_INFLECTED = "|inflected"
# "quantized models", "a pruned network": the verb form names the technique only when it qualifies a model
# ("quantized RGB images" is signal quantization, "pruned branches" a tree).
MODEL_NOUNS = frozenset("""model models network networks weights weight llm llms lm lms student students transformer
transformers checkpoint checkpoints variant variants version versions backbone backbones vit vits cnn cnns
parameters layers kv""".split())


class GazetteerMatcher:
    """Finds gazetteer entries in a Doc (methods and datasets together, longest span wins)."""

    def __init__(self, nlp: Language, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self._listed_cache: dict[str, str | None] = {}
        self._version_cache: dict[str, tuple[int, str] | None] = {}
        self._kinds_of = _listed_modifiers(gaz)
        self.orth = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        merged = [(eid, entry) for entry, eid in gaz.merged.values()]  # a merged entry's forms find the entry it joined
        for eid, entry in [*gaz.entries.items(), *merged]:
            if forms := case_sensitive_forms(entry):
                self.orth.add(eid, list(nlp.tokenizer.pipe(forms)))
            # a generated spelling another entry lists is that entry's ("monte carlo simulation")
            if forms := [f for f in insensitive_forms(entry) if gaz.by_norm.get(norm_phrase(f), eid) == eid]:
                self.lower.add(eid, list(nlp.tokenizer.pipe(forms)))
            if forms := inflected_forms(entry):  # same matcher pass, own label: kept only before a model noun
                self.lower.add(eid + _INFLECTED, list(nlp.tokenizer.pipe(forms)))

    def __call__(self, doc: Doc) -> list[Span]:
        """All matches as spans labelled with the entry id ("method:lora"), overlapping allowed."""
        exact = self.orth(doc, as_spans=True)
        # a term glued to a known name by a hyphen is not inside a compound: "a hybrid CNN-Transformer backbone" is both
        known_ends = {s.end for s in exact}
        spans = [s for s in (*exact, *(s for s in self.lower(doc, as_spans=True)
                                       if s.start - 1 in known_ends or not _inside_compound(s)))
                 if not _names_a_result(s) and not (self.gaz.entries[s.label_.removesuffix(_INFLECTED)].ambiguous and _inside_title_name(s))]
        if any(s.label_.endswith(_INFLECTED) for s in spans):
            spans = [s if not s.label_.endswith(_INFLECTED) else Span(doc, s.start, s.end, label=s.label_[: -len(_INFLECTED)])
                     for s in spans if not s.label_.endswith(_INFLECTED) or _before_model_noun(s)]
        if kinds := self._kinds_of:
            spans = [s for s in spans if s.label_ not in kinds or not self._other_kind(s)]
        spans = [self._extend(s) if self.gaz.entries[s.label_].versioned else s for s in spans]
        spans.extend(self._suspended(doc))
        if self.gaz.versioned:
            spans.extend(self._versioned(doc))
        return [self._listed(s) if self.gaz.entries[s.label_].versioned else s for s in spans]

    def _other_kind(self, span: Span) -> bool:
        """A one-word technique after a modifier its entry does not list names another thing: the entry lists
        "network/model/weight/structured pruning", so "candidate pruning" or "collision-aware motion pruning"
        prune something else, and "information quantization loss" is no model quantization. Model nouns,
        degree words and bit widths still modify the technique ("aggressive pruning", "4-bit quantization")."""
        if span.end - span.start != 1:
            return False
        guarded = self._kinds_of.get(span.label_)
        doc = span.doc
        if guarded is None or span.start == 0 or doc[span.start].text not in guarded[1]:
            return False  # (the noun only: a verb form has its own guard, "quantized models")
        modifiers = guarded[0]
        word = doc[span.start - 1].text  # (the lexeme flags are not set by this tokenizer: test the text)
        if span.start >= 2 and doc[span.start - 2].text == "-" and not doc[span.start - 2].whitespace_:
            return False  # the end of a hyphenated modifier: "4-bit", "low-bit", "training-free"
        if not word.islower() or not word.isalpha() or word in _FUNCTION_WORDS or word.endswith("ly"):
            return False  # (a hyphenated modifier says how: "training-free", "weight-only", "importance-aware")
        return word not in modifiers and word not in MODEL_NOUNS and word not in _MODEL_PARTS and word not in _DEGREE_WORDS

    def _listed(self, span: Span) -> Span:
        """A folded model name whose listed spelling belongs to another entry takes that entry.

        Exact listed spellings win over family folding: "GPT-4o" is ``gpt-4o``, not ``gpt``;
        "DeepSeek R1" is ``deepseek-r1``; "Qwen3-VL-235B" and "Qwen2.5VL" are ``qwen-vl``.
        """
        text = span_text(span, doc_text(span.doc))
        eid = self._listed_cache.get(text, "")
        if eid == "":  # model names repeat across papers: look each spelling up once
            if len(self._listed_cache) > 100_000:
                self._listed_cache.clear()
            eid = self._listed_cache[text] = listed_entry(self.gaz, text)
        if eid is None or eid == span.label_:
            return span
        return Span(span.doc, span.start, span.end, label=eid)

    def _extend(self, span: Span) -> Span:
        """Grow a model-family match over its version tokens ("Llama" "3.1" "8B", "DeepSeek" "-" "R1")."""
        doc, end = span.doc, span.end
        while end < len(doc):
            tok = doc[end]
            if tok.text == "-" and not tok.whitespace_ and end + 1 < len(doc) and (
                    _VERSION_TOKEN.match(doc[end + 1].text) or doc[end + 1].text in TIER_WORDS):
                end += 2
            elif _VERSION_TOKEN.match(tok.text) and (doc[end - 1].whitespace_ or doc[end - 1].text == "-"):
                end += 1
            else:
                break
        return span if end == span.end else Span(doc, span.start, end, label=span.label)

    def _suspended(self, doc: Doc) -> Iterator[Span]:
        """The first words of coordinations that share what follows the last one: a suspended hyphen ("GAN-,
        diffusion-, and hybrid-based generators": "diffusion-" for "diffusion-based", which the entry lists) or a
        head noun ("diffusion and flow models"). The last word is matched as written."""
        text = doc_text(doc)
        if " and " in text or " or " in text:
            for shared in _SHARED_HEAD.finditer(text):  # (from the conjunction: cheaper than trying every word)
                # "guidance for diffusion and flow models": the first word with the head both share
                start = shared.start()
                while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
                    start -= 1  # back over the first item: a word after any non-word character but a hyphen
                first = text[start:shared.start()]
                if not _FIRST_ITEM.fullmatch(first) or text[start - 1:start] == "-" or first.casefold() in _FUNCTION_WORDS:
                    continue
                eid = self.gaz.by_norm.get(norm_phrase(f"{first} {shared.group(1)}"))
                if eid is not None and eid.startswith("method:"):
                    span = char_span(doc, start, shared.start(), label=eid)
                    if span is not None:
                        yield span
        if " (" in text:
            yield from self._head_lists(doc, text)
        seen: set[int] = set()
        for coordination in _suspensions(text):
            if coordination.start() in seen:
                continue
            seen.add(coordination.start())
            suffix = coordination.group(2)
            for word in _SUSPENDED_WORD.finditer(coordination.group(1)):
                eid = self.gaz.by_norm.get(norm_phrase(f"{word.group(1)}-{suffix}"))
                if eid is None or not eid.startswith("method:"):
                    continue
                start = coordination.start(1) + word.start(1)
                span = char_span(doc, start, start + len(word.group(1)), label=eid)
                if span is not None:
                    yield span

    def _head_lists(self, doc: Doc, text: str) -> Iterator[Span]:
        """The items of a parenthesised list after a plural head noun, each a listed method with the head:
        "statistical tests (Cochran's Q and McNemar)" are Cochran's Q test and McNemar's test."""
        for m in _HEAD_LIST.finditer(text):
            head, at = m.group(1), m.start(2)
            for item in _LIST_SPLIT.split(m.group(2)):
                start = text.find(item, at)
                at = start + len(item)
                if not item or not item[0].isupper():
                    continue
                eid = self.gaz.by_norm.get(norm_phrase(f"{item} {head}"))
                if eid is not None and eid.startswith("method:"):
                    span = char_span(doc, start, start + len(item), label=eid)
                    if span is not None:
                        yield span

    def _versioned(self, doc: Doc) -> Iterator[Span]:
        """Model names glued to their version: one cheap regex for words with a digit, then a dict lookup."""
        for m in digit_words(doc_text(doc)):
            found = self._version_hit(m.group(0))
            if found is None:
                continue
            length, eid = found
            span = char_span(doc, m.start(), m.start() + length, label=eid)
            if span is not None:
                yield self._extend(span)

    def _version_hit(self, word: str) -> tuple[int, str] | None:
        """``(length of "<family><version>", entry id)`` of a word with a digit, or None.

        A pure function of the spelling, remembered: the same model names recur in paper after paper.
        """
        cache = self._version_cache
        if word in cache:
            return cache[word]
        if len(cache) > 100_000:
            cache.clear()
        found = None
        hit = _FAMILY_VERSION.match(word) or _glued_variant(self.gaz, word)
        if hit is not None:
            family = hit.group(1)
            eid = self.gaz.versioned.get(family.casefold())
            head, dash, tier = family.partition("-")
            if eid is None and dash and tier.casefold() in _TIERS:
                eid = self.gaz.versioned.get(head.casefold())  # "claude-haiku-4.5", "gemini-flash-2": a family, a tier, a version
            # an ambiguous family ("Llama" the animal) in another casing counts when it is not a plain word: a
            # capital after the first letter and a version glued on ("LLama3-8B"), or a model id's hyphens
            # ("claude-haiku-4.5", "llama-3.1-8b": lower case, as APIs and model hubs write them)
            if eid is not None and not (self.gaz.entries[eid].ambiguous and family not in self.gaz.entries[eid].surfaces
                                        and not (family[:1].isupper() and any(c.isupper() for c in family[1:]))
                                        and not _MODEL_ID.fullmatch(word)):
                found = (hit.end(), eid)
        cache[word] = found
        return found


# Words with a letter first and a digit inside: candidates for "<family><version>".
# "GAN-, diffusion-, and hybrid-based", "CNN- and Transformer-based", "S-, T-, X-, and DR-learner meta-learners": the
# words before the last one, and its suffix (any word: a first word counts only when it and the suffix are an entry).
_SUSPENDED = re.compile(r"(?<![\w-])((?:[A-Za-z][\w.]*-,? )+)(?:(?:and|or) )?[A-Za-z][\w.]*-([a-z]+)\b")
# Head nouns a coordination shares ("diffusion and flow models", "McNemar and Wilcoxon tests"); what the first
# item names is looked up with the head, so only a listed "<item> <head>" is found.
_HEADS = (r"models?|networks?|architectures?|tests?|filters?|estimators?|algorithms?|transforms?|decompositions?"
          r"|corrections?|samplers?|solvers?|schemes?|regressions?|optimizers?|kernels?|intervals?|criteria|criterion")
_SHARED_HEAD = re.compile(r" (?:and|or) [A-Za-z][\w-]* (" + _HEADS + r")\b")
# The head noun before a parenthesised list of its kinds: "statistical tests (Cochran's Q and McNemar)".
_HEAD_LIST = re.compile(r"\b(" + _HEADS + r") \(([^()]{2,80})\)")
_LIST_SPLIT = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_FIRST_ITEM = re.compile(r"[A-Za-z]\w*")
_SUSPENSION_MARK = re.compile(r"-(?:,| and| or) ")


def _suspensions(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_SUSPENDED`` around each suspended hyphen: the pattern, tried at every word of a whole text,
    cost more than the rest of the matcher; a coordination starts at most a few words before its first mark."""
    for mark in _SUSPENSION_MARK.finditer(text):
        at = mark.start()
        start = max(text.rfind(" ", 0, max(0, at - 80)) + 1, text.rfind("\n", 0, at) + 1)
        yield from _SUSPENDED.finditer(text, start, min(len(text), at + 160))


_SUSPENDED_WORD = re.compile(r"([A-Za-z][\w.]*)-")
_DIGIT_WORD = re.compile(r"(?<![\w\-])[A-Za-z][A-Za-z\-]*\d[\w.\-]*(?<![.\-])")  # not the full stop of "YOLOv8n."
# A digit right after a letter or hyphen: where a "<family><version>" word can have its first digit.
_DIGITS = re.compile(r"\d(?<=[A-Za-z\-]\d)")
_WORD_HEAD = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-")


def digit_words(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_DIGIT_WORD.finditer(text)``, found from the digits.

    Letters are everywhere, so a scan that tries ``_DIGIT_WORD`` at every letter is slow;
    digits are rare and the regex engine skips to them fast. A match can only start
    where the run of letters and hyphens before its first digit starts, so the regex is
    tried there alone (it checks the rest, its lookbehind included).
    """
    pos = 0  # the end of the last match: matches do not overlap
    for d in _DIGITS.finditer(text):
        digit = d.start()
        if digit < pos:
            continue
        start = digit
        while start > pos and text[start - 1] in _WORD_HEAD:
            start -= 1
        if start == digit or start == pos and pos > 0 and text[pos - 1] in _WORD_HEAD:
            continue  # no letter before the digit, or the run goes on inside the last match
        m = _DIGIT_WORD.match(text, start)
        if m is not None:
            pos = m.end()
            yield m


# "Qwen2.5-7B-Instruct", "GPT-4o", "YOLOv8n", "ResNet-50": family, version, size/variant suffixes.
# The tiers a model family names between its name and its version ("claude-haiku-4.5"), and the lower-case model id
# of an API or model hub: family, optional tier, version, optional size or tier ("llama-3.1-8b", "claude-opus-5").
_TIERS = frozenset("haiku sonnet opus pro flash mini nano lite plus max turbo ultra instruct chat thinking".split())
_MODEL_ID = re.compile(r"[a-z]+(?:-(?:" + "|".join(sorted(_TIERS)) + r"))?-\d+(?:\.\d+)*(?:-[a-z0-9.]+)*")

_FAMILY_VERSION = re.compile(
    r"([A-Za-z][A-Za-z\-]*?)-?(v?\d+(?:\.\d+)*[a-z]?)"
    r"((?:-(?:\d+(?:\.\d+)?[BMKbmk]|\d+x\d+[BM]?|[A-Z][A-Za-z]{0,7}\d*"
    r"|(?i:mini|small|base|large|chat|instruct|xl|tiny|nano|turbo|pro|max|flash|plus)))*)(?=$|-)"
)


# "Qwen2.5VL": a variant glued to the version (accepted only when "QwenVL" is listed).
_GLUED_VARIANT = re.compile(r"([A-Za-z][A-Za-z\-]*?)(\d+(?:\.\d+)*)([A-Z]{1,4})$")
_VERSION_PART = re.compile(r"^(?:v?\d+(?:\.\d+)*[a-z]?|\d+(?:\.\d+)?[BMKTbmk]|\d+x\d+[BM]?|[A-Z]\d+[A-Z]?\d*[BM]?)$")
_TRAILING_VERSION = re.compile(r"(?<=[A-Za-z])v?\d+(?:\.\d+)*[a-z]?(?=[A-Z]|$)")


def _glued_variant(gaz: Gazetteer, word: str) -> re.Match[str] | None:
    hit = _GLUED_VARIANT.match(word)
    return hit if hit is not None and hit.group(1) + hit.group(3) in gaz.by_acronym else None


def listed_entry(gaz: Gazetteer, text: str) -> str | None:
    """The entry whose listed spelling is the longest prefix of a model name, versions tried kept then dropped.

    "Qwen2.5-VL-7B-Instruct" -> "Qwen2.5-VL" (``qwen-vl``); "Qwen-2.5-VL" -> "Qwen-VL";
    "GPT 4o" -> "GPT-4o"; "Llama-3.1-8B" -> "Llama".

    Args:
        gaz: the gazetteer.
        text: a matched model name with its version and size suffixes.

    Returns:
        The entry id ("method:qwen-vl"), or None when no prefix is listed.
    """
    parts = [p for p in re.split(r"[\s\-]+", text) if p]
    for k in range(len(parts), 0, -1):
        head = parts[:k]
        bare = [_TRAILING_VERSION.sub("", head[0]), *(p for p in head[1:] if not _VERSION_PART.match(p))]
        forms = ["-".join(head), "-".join(bare), "".join(bare)]
        for form in forms:
            eid = gaz.by_acronym.get(form) or gaz.by_norm.get(norm_phrase(form))
            if eid is not None:
                return eid
    return None


def _listed_modifiers(gaz: Gazetteer) -> dict[str, tuple[frozenset[str], frozenset[str]]]:
    """Entry id -> (the modifiers its aliases list before its one-word noun, those nouns), for entries that list three or more,
    among them what the technique is applied to ("pruning": network, model, weight, structured, unstructured,
    magnitude; not "beamforming": hybrid, digital, analog name kinds of beamforming)."""
    out: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
    for eid, entry in gaz.entries.items():
        if entry.kind != "method" or entry.ambiguous:
            continue
        singles = {a.lower() for a in (entry.name, *entry.aliases) if " " not in a and "-" not in a}
        mods = frozenset(a.lower().split()[0] for a in entry.aliases if len(a.split()) == 2 and a.lower().split()[1] in singles)
        if len(mods) >= 3 and mods & _MODEL_OBJECTS:  # it lists what it is applied to: a model, its weights
            out[eid] = (mods, frozenset(singles))
    return out


_MODEL_OBJECTS = frozenset("model network weight".split())
# The parts of a model a technique is applied to ("channel pruning", "KV cache quantization"), besides MODEL_NOUNS.
_MODEL_PARTS = frozenset("""channel channels layer head heads token tokens expert experts cache attention neuron neurons filter
filters parameter block blocks width depth vocabulary activation activations gradient gradients embedding embeddings
structural unstructural inference training binary ternary integer scalar""".split())


_FUNCTION_WORDS = frozenset("""the a an and or of with via by for to in on from using through after before like such as both
including is are was were be been that which this these those its their our your any all no not than then
also further more most less least while when where whether either neither nor but yet so do does did can could may might
must should will would into onto upon over under across against between within without during per vs versus""".split())
# Words that say how much or how, not what is pruned or quantized.
_DEGREE_WORDS = frozenset("""aggressive iterative progressive dynamic adaptive extreme joint additional efficient effective
standard existing conventional traditional naive simple heavy light mild moderate uniform global local
gradual lossless lossy learned learnable differentiable automatic""".split())  # (one word each: a hyphenated one is read as hyphenated)


def _before_model_noun(span: Span) -> bool:
    """A verb form that names the technique: it qualifies a model noun ("quantized models"), takes one
    as its object within a few words ("we distill the teacher into a compact student", "prune the
    network"), or a teacher or student takes part in the sentence ("distill it into a causal system"
    after "a bidirectional video diffusion model teacher"). "distills essential insights" does not."""
    doc = span.doc
    if _glued(span):
        return False  # part of a model's name: "DeepSeek-R1-Distill-Qwen-7B"
    if span.end < len(doc) and doc[span.end].lower_ in MODEL_NOUNS:
        return True
    if span.start >= 2 and doc[span.start - 1].lower_ == "bit" and doc[span.start - 2].text == "-":
        return True  # a bit width names the technique: "4-bit quantized", "a 2-bit quantised Llama"
    if 0 < span.start and span.end < len(doc) and doc[span.start - 1].lower_ in MODEL_NOUNS and doc[span.end].lower_ in ("from", "into"):
        # a model before it and models after it: "a compact model distilled from three large PFMs" (not "a model
        # distilled from these annotations", trained on them)
        for tok in doc[span.end + 1:span.end + 1 + _OBJECT_WINDOW]:
            if tok.is_punct and tok.text != "-":
                break
            if tok.lower_ in MODEL_NOUNS or tok.lower_ in _DISTILLATION_ROLES or sum(c.isupper() for c in tok.text) >= 2:
                return True
    for tok in doc[span.end:span.end + _OBJECT_WINDOW]:
        if tok.is_punct and tok.text != "-":
            break
        if tok.lower_ in MODEL_NOUNS or tok.lower_ in _DISTILLATION_ROLES:
            return True
    text = doc_text(doc)
    start = max(text.rfind(". ", 0, span.start_char), text.rfind("\n", 0, span.start_char)) + 1
    stops = [i for i in (text.find(". ", span.end_char), text.find("\n", span.end_char)) if i >= 0]
    return _ROLE_WORDS.search(text, start, min(stops, default=len(text))) is not None


_OBJECT_WINDOW = 5


def _glued(span: Span) -> bool:
    """A hyphen with no space on either side of the span."""
    doc = span.doc
    before = span.start > 0 and doc[span.start - 1].text == "-" and not doc[span.start - 1].whitespace_
    after = span.end < len(doc) and doc[span.end].text == "-" and not doc[span.end - 1].whitespace_
    return before or after
_DISTILLATION_ROLES = frozenset("teacher teachers student students".split())
# not "teacher-student instructional dialogues": a hyphen compound of roles is a classroom as often as a model
_ROLE_WORDS = re.compile(r"(?<![\w-])(?:teacher|student)s?(?![\w-])", re.I)


def _inside_compound(span: Span) -> bool:
    """A long form glued to a word before it ("render-supervised fine-tuning") is part of another term.

    Not when the hyphen stands for a dash before a capitalised name ("three backbones-Qwen, LLaMA"):
    a compound keeps the case of its parts, a lower-case word glued to a capital starts a new name.
    Not after "multi-" either: "multi-minimal-spanning-tree" is several minimum spanning trees.
    """
    i = span.start
    if not (i >= 2 and span.doc[i - 1].text == "-" and not span.doc[i - 2].whitespace_ and span.doc[i - 2].is_alpha):
        return False
    before, first = span.doc[i - 2].text, span.doc[i].text
    return not (before.islower() and len(before) > 2 and first[:1].isupper() and first[1:].islower()
                or before.lower() == "multi")


# A name followed by one of these names a mathematical result or a metric, not the method: "Prophet Inequality"
# (optimal stopping, not the forecasting model), "Borda paradox", "CLIP Score", "Frechet Inception Distance".
_RESULT_NOUNS = frozenset("inequality inequalities theorem theorems lemma conjecture paradox score scores distance".split())


# A model's name before these names a product built on it: "Claude Code backends", "Gemini CLI".
_PRODUCT_WORDS = frozenset(("Code", "CLI"))


def _names_a_result(span: Span) -> bool:
    doc = span.doc
    return span.end < len(doc) and (doc[span.end].lower_ in _RESULT_NOUNS or doc[span.end].text in _PRODUCT_WORDS)


def _inside_title_name(span: Span) -> bool:
    """A one-word name between capitalised words in prose is a word of another name: "from the Compact Muon
    Solenoid (CMS) experiment" (the detector, not the Muon optimizer). Only for ambiguous entries, whose word
    means other things."""
    doc, i, j = span.doc, span.start, span.end
    if j - i != 1 or i == 0 or j >= len(doc) or not doc[i - 1].whitespace_ or not doc[i].whitespace_:
        return False
    before, after = doc[i - 1].text, doc[j].text
    if not (before.isalpha() and before.istitle() and after.isalpha() and after.istitle()):
        return False
    # in prose, not a title set in title case ("Multi-Agent Reflexion Improves Reasoning"): lower-case words on both sides
    return _prose(doc[max(0, i - 6):i - 1]) and _prose(doc[j + 1:j + 6])


def _prose(tokens: Span) -> bool:
    return any(t.text.isalpha() and t.text.islower() and len(t.text) > 3 for t in tokens)
