"""Explicit rules for what a discovered name is: a method, a dataset, or neither.

Gazetteer hits are trusted; these rules judge names the extractor *discovered*
(acronym definitions, "we propose X", "X: ..." titles). Each rule is a small
predicate with its own test; :func:`classify` applies them in order.
"""
from __future__ import annotations

import functools
import re
from typing import Literal

from kg.extract.gazetteer import Gazetteer

Verdict = Literal["method", "dataset", "reject"]

# Last word of a long form that names a dataset or benchmark.
DATASET_HEADS = frozenset("""dataset datasets benchmark benchmarks corpus corpora suite testbed
collection database bank leaderboard arena""".split())
# A name ending like this is a benchmark (MMBench, VideoBench, FooBench-V1.0, Foo-20K).
_DATASET_NAME = re.compile(r"(?:(?:Bench|BENCH|-bench|Eval|QA|Set|Arena)(?:-?[vV]?[\d.]*)|[\d.]+K)$")  # "...-20K": a count of examples
# Last word of a long form that names a measurement, not a method.
METRIC_HEADS = frozenset("""score scores rate rates ratio ratios error errors accuracy index metric metrics
coefficient coefficients distance precision recall measure measures criterion percentage level levels
value values gain gains loss-rate throughput latency survival""".split())
# Last word of a long form that names a problem or task ("Hyperspectral Camouflaged
# Object Detection (HCOD)", "Text-Based Person Search (TBPS)"): kept only when the paper
# proposes it (a new method may be called "... Detection") or the gazetteer lists it
# ("Retrieval-Augmented Generation" and "Beam Search" never reach these rules).
TASK_HEADS = frozenset("""detection segmentation recognition classification estimation prediction
generation answering translation retrieval understanding reasoning tracking localization localisation
synthesis captioning summarization summarisation forecasting diagnosis identification navigation
planning problem problems task tasks challenge adaptation analysis search assessment restoration
inpainting completion grounding""".split())
# "X Estimation" is an estimator when X says how ("Mutual Information Neural Estimation", "Maximum
# Likelihood Estimation"), a task when X is what is estimated ("Pose Estimation", "Channel Estimation").
ESTIMATION_METHOD_WORDS = frozenset("""neural likelihood kernel moments moment bayesian least-squares squares
nonparametric non-parametric semiparametric semi-parametric variational contrastive""".split())
# "X Search" is an algorithm when X says how to search ("Evolutionary Tree Search"),
# a task when X is what is searched for ("Text-Based Person Search", "Code Search").
SEARCH_ALGORITHM_WORDS = frozenset("""tree beam architecture local greedy grid random line tabu evolutionary
heuristic binary hyperparameter policy guided best-first breadth-first depth-first bidirectional
stochastic cuckoo harmony neighborhood neighbourhood coordinate pattern""".split())
# A learning *setting*, not a method: "Few-Shot Class-Incremental Learning (FSCIL)",
# "Source-Free Domain Adaptation": every word before the head is one of these.
SETTING_WORDS = frozenset("""few zero one shot shots class task domain incremental continual lifelong online
offline open set world source free target test time multi cross label instance weakly semi self un
supervised unsupervised long tail tailed federated decentralized decentralised distributed personalized
personalised universal partial noisy imbalanced graph node data in context""".split())
SETTING_HEADS = frozenset("learning adaptation generalization generalisation".split())
# Last word of a long form naming an organisation, place or thing rather than a method.
ENTITY_HEADS = frozenset("""university institute institution laboratory lab agency association organization
organisation administration center centre corporation company inc ltd committee council foundation
society consortium government ministry department hospital school college states kingdom union republic
vehicle vehicles device devices robot robots surface surfaces record records system systems
language languages format protocol standard channel channels station stations unit units sensor sensors
network-operator operator operators user users platform platforms""".split())
# What an appositive or subtitle calls a thing that is not a method: software, instruments, data
# products and surveys ("SciPyX, an open-source Python package", "Gaia DR3, the third data release").
PRODUCT_HEADS = frozenset("""package packages library libraries toolkit toolbox software catalog catalogue
catalogs catalogues survey surveys instrument instruments telescope telescopes spectrograph spectrographs camera
cameras mission missions archive archives atlas plugin app product products""".split())
_DATA_RELEASE = re.compile(r"\bdata release\b", re.I)
# Known physical units and similar tokens that look like acronyms.
UNITS = frozenset("""Hz kHz MHz GHz THz dB dBm ms ns us GB MB KB TB PB FLOPs FLOP GFLOPs TFLOPs
TOPS W kW MW mW kWh V mV mA K ppm bps Mbps Gbps fps FPS""".split())
COUNTRIES = frozenset("""USA US UK EU UAE PRC China India Japan Korea Germany France Canada Brazil
Russia Italy Spain Australia Africa Europe Asia America""".split())
# Last word of a long form that names a method: a definition the paper does not
# propose is kept only with one of these heads ("Convergent Cross Mapping (CCM)").
METHOD_HEADS = frozenset("""network net model learning optimization optimisation algorithm method transformer
attention decoding encoding encoder decoder autoencoder adapter adaptation distillation sampling sampler search
regression filter filtering analysis programming tuning training fine-tuning finetuning alignment augmentation
generation prompting machine forest tree process field splatting matching policy estimation estimator mapping
inference pruning quantization quantisation verification expansion module mechanism framework architecture pipeline
planner localizer detector classifier solver unit embedding consolidation factorization factorisation squares
descent ascent gradient critic iteration propagation convolution pooling normalization normalisation regularization
regularisation dropout clustering decomposition transform transformation approximation steering addition editing
merging scheme strategy technique approach paradigm heuristic kernel perceptron simulation beamforming modulation multiplexing
coding controller diffusion flow gan vae rnn cnn lstm distribution-matching guidance thought chain
reranking retrieval-augmented bandit bandits game-theoretic connection connections
code relaxation rendering rasterization fusion aggregation refinement injection projection formulation
mlp gnn kan""".split())
# A name that is an adjective compound, not a name ("LLM-based", "SAM-guided").
_ADJ_COMPOUND = re.compile(r"-(?:based|driven|guided|aware|like|style|free|specific|level|wise|enhanced|powered|assisted|centric|centered|centred|focused|informed|oriented|conditioned|inspired|augmented|generated|ready|compatible|agnostic|friendly|native|capable"
                           r"|preserving|sensitive|intensive|optimized|optimised|accelerated|optimal)$|^non-[^\s]+$", re.I)
# The phrase after a name that says what it is: "X (..), a calibrated metric", "X: A New Benchmark".
_APPOSITIVE = re.compile(r"^\s*(?:\([^()]*\))?\s*(?:,|:)\s*(?:a|an|the)\s+((?:[\w\-]+,?\s+){0,6}[\w\-]+)\b", re.I)


# What a paper's appositive may call its own method besides a method noun ("Geom-Seg VecSet, a unified
# geometry-segmentation latent representation"): a name that ends like a benchmark is then not one.
_METHOD_ARTEFACTS = frozenset("representation representations formulation objective solution".split())
_EVALUATIVE = frozenset("evaluation benchmarking assessment".split())
_TASK_NOUNS = frozenset("task tasks problem problems challenge challenges".split())
_DATA_PRODUCTS = frozenset("resource resources".split())  # "the first multilingual ABSA resource annotated with"
_BENCHMARK_WORDS = frozenset("benchmark testbed suite leaderboard arena".split())
_GLUED_PLOTS = frozenset("curve curves plot plots".split())  # "the Consistency-Accuracy Relation (CAR) curves"
_GLUED_METRICS = frozenset("score scores metric metrics accuracy rate rates error errors index".split())
# Method nouns a paper glues to the name of a component it defines.
GLUED_METHOD_NOUNS = frozenset("""module modules strategy mechanism framework method algorithm block loss layer adapter
scheme paradigm technique network modulation coding decoding protocol estimator classifier regressor detector solver
decoder encoder filter controller""".split())
_GLUED_HEAD = re.compile(r"^\)?\s*([A-Za-z][a-z]+)\b")


def appositive_kind(after: str, strict: bool = False) -> str | None:
    """What the phrase after a name says it is: "dataset", "metric", "product", "task", "method", "evaluation"
    (a method noun after an evaluation word: an evaluator, or a benchmark if the name ends like one) or None.

    Args:
        after: the text right after the name (", a calibrated metric designed ...").
    """
    glued = _GLUED_HEAD.match(after)
    if glued:  # "Knowledge Retention (KR) Test", "Foo (F) Benchmark": part of a larger name
        word = glued.group(1).casefold()
        upper = glued.group(1)[0].isupper()
        # lower case too: "the Laparoscopic Skill Analysis and Assessment (LASANA) dataset" (not "test": "(X) test set")
        if word in DATASET_HEADS or upper and word in ("test", "tests"):
            return "dataset"
        # "a Clinical Intent Alignment (CIA) score"; in lower case only the plain metric nouns ("a ... (BSS)
        # criterion that defers the selection" names the paper's selection rule)
        if word in METRIC_HEADS and (upper or word in _GLUED_METRICS) or word in _GLUED_PLOTS:
            return "metric"
        if not upper and word in GLUED_METHOD_NOUNS:
            return "method"  # "a RoPE-aware Attention Enhancement (RoAE) module", "a Dynamic Layer Selection (DLS) strategy"
    m = _APPOSITIVE.match(_QUOTED_NAME.sub(",", after, count=1))
    if not m:
        return None
    phrase = m.group(1).casefold()
    words = re.split(r"[\s,]+", phrase)
    # The head noun of the appositive is the last noun before "that/for/of/and/,": "a compact FR IQA metric
    # model that" is a model, "a dataset distillation method" a method, "a library of diffusion models" a
    # library, "a model and dataset" a model. Without a noun there, the first word that says something
    # decides ("a set of metrics", "a fast, scalable framework").
    # ``strict``: the head noun alone, and a method noun proper ("stable rank, an intrinsic quality signal
    # derived from model representations" says nothing; "edit vector, a representation" is no method).
    head: list[str] = []
    for part in phrase.split(","):  # a comma ends the noun phrase, except after one adjective ("a fast, scalable ...")
        head += part.split()
        if len(part.split()) != 1:
            break
    cut = next((i for i, w in enumerate(head) if w in _APPOSITIVE_CUT or i and (_is_participle(w) or _is_finite_verb(w))),
               len(head))
    kind = _noun_kind(head[:cut], last=True, artefacts=not strict)
    return kind if strict else kind or _noun_kind(words, last=False)


# Words that end the noun phrase of an appositive: prepositions, relative words, participles.
_APPOSITIVE_CUT = frozenset("""and or that which who whose where when for of to with in on by from at as via using based
designed built trained capable tailored aimed intended developed consisting comprising containing covering
spanning featuring including enabling providing""".split())
# "a molecular dynamics code", "the Code of Criminal Procedure": software or law, unless a code of coding theory.
_CODING_WORDS = frozenset("""linear cyclic constacyclic polar convolutional turbo ldpc qldpc quantum stabilizer surface toric
color colour subsystem block product concatenated hamming mds bch reed-solomon error-correcting correcting lattice
spatially-coupled locally recoverable repair few-weight""".split())
_QUOTED_NAME = re.compile(r"^[\"”’']\s+(?=(?:a|an|the)\s)", re.I)  # 'We present "Testimole" a massive collection'


# A verb after the first noun makes the phrase a clause ("X (Long Form): an LLM synthesizes code, then ..."): the
# noun before it is the head, not "code". Plural nouns end in "-ates" too ("candidates"), so those verbs are listed.
_FINITE_VERBS = frozenset("""is are uses learns produces combines leverages employs extracts predicts performs enables
allows takes makes builds writes reads generates creates integrates operates translates iterates estimates""".split())


def _is_finite_verb(word: str) -> bool:
    return word in _FINITE_VERBS or word.endswith(("izes", "ises", "ifies")) and len(word) > 6


def _is_participle(word: str) -> bool:
    """"a framework bridging camera and LiDAR", "a model trained on": a verb form that ends the noun phrase
    (not a head noun in "-ing": "a prompting strategy", "an embedding model")."""
    return word.endswith(("ing", "ed")) and "-" not in word and word not in METHOD_HEADS and word not in DATASET_HEADS


def _noun_kind(words: list[str], last: bool, artefacts: bool = True) -> str | None:
    """The kind the nouns of ``words`` say: of the last noun that says one (``last``), else of the first."""
    product = evaluative = False
    found: str | None = None
    for i, word in enumerate(words):
        if "-" in word and word not in _CODING_WORDS:
            continue  # hyphenated words are modifiers ("an instruction-tuning dataset", "a LoRA-based method")
        if word in _EVALUATIVE:
            evaluative = True  # "an evaluation framework", "a benchmarking pipeline": a benchmark
            continue
        word = word[:-1] if word.endswith("s") and word[:-1] in DATASET_HEADS | METRIC_HEADS | METHOD_HEADS else word
        kind = None
        if word == "code" and last:  # the head itself, not a modifier ("a code verifier")
            if i == len(words) - 1:
                kind = "method" if i and words[i - 1] in _CODING_WORDS else "product"
        elif word in DATASET_HEADS or word in _DATA_PRODUCTS:
            kind = "dataset"
            evaluative = evaluative or word in _BENCHMARK_WORDS  # "a benchmark framework": an evaluation framework
        elif word in METRIC_HEADS:
            kind = "metric"
        elif word in PRODUCT_HEADS:
            kind = "product"
        elif word in _TASK_NOUNS:
            kind = "task"  # "category splitting, a new task where ...": a problem the paper poses, not a method
        elif word in METHOD_HEADS or artefacts and word in _METHOD_ARTEFACTS:
            kind = "evaluation" if evaluative else "method"
        if kind is None:
            continue
        if kind == "product" and not last:
            product = True  # unless a method noun follows: "a release engineering pipeline"
            continue
        if not last:
            return kind
        found = kind
    if found is None and (product or _DATA_RELEASE.search(" ".join(words))):
        return "product"
    return found


def singular(word: str) -> str:
    """Naive singular of a head noun ("networks" -> "network", "squares" stays)."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "squares")) and len(word) > 3:
        return word[:-1]
    return word


# "code" heads the codes of coding theory ("conflict-avoiding codes", "cyclic codes"), not law or software
_NOT_CODE_MODIFIERS = frozenset("""criminal civil penal legal tax building design ethics conduct as to source
machine pseudo program python generated""".split())


def has_method_head(long: str) -> bool:
    """The long form ends in a method noun ("... Cross Mapping", "... Networks")."""
    head = singular(last_word(long))
    if head == "code":
        words = _words(long)
        return len(words) > 1 and words[-2] not in _NOT_CODE_MODIFIERS
    return head in METHOD_HEADS or last_word(long) in METHOD_HEADS


def has_markup(name: str) -> bool:
    """LaTeX or math left in a name ("T^\\star", "$\\alpha$-Net"): not a clean name to output."""
    return any(c in name for c in "\\^${}_")


def is_adjective_compound(name: str) -> bool:
    """"LLM-based", "SAM-guided": a modifier, not a name."""
    return bool(_ADJ_COMPOUND.search(name))


# Words that cannot start a coined name taken from a title or a "we propose" phrase.
NAME_STOPWORDS = frozenset("""a an the this that these those our we on in of for to from with towards toward
beyond when why how what which who is are can do does should rethinking revisiting understanding
learning exploring evaluating benchmarking improving enhancing scaling unlocking bridging
measuring mitigating a-b and or not no yes do you your it its one two three case position""".split())


_VERSION_WORD = re.compile(r"^v?\d+(?:\.\d+)*$", re.I)


@functools.lru_cache(maxsize=1 << 16)  # pure; the words of phrases are judged again and again
def last_word(text: str) -> str:
    """The last word of a phrase, lower-cased, hyphen parts included, a version skipped.

    "Time-series Ensembles" -> "ensembles"; "Human Preference Score v3" -> "score".
    """
    words = [w for w in re.split(r"[\s\-]+", text.strip()) if w]
    while len(words) > 1 and _VERSION_WORD.match(words[-1]):
        words.pop()
    return words[-1].casefold() if words else ""


def is_dataset_name(name: str, long: str = "") -> bool:
    """A benchmark or dataset name: "FooBench", "XYZ-QA", or a long form ending in "Dataset"/"Benchmark"."""
    # "Dataset for Evaluating the Aesthetics of Rendering (DEAR)": the head comes first
    return bool(_DATASET_NAME.search(name)) or last_word(long or name) in DATASET_HEADS or (
        bool(long) and _words(long)[0] in DATASET_HEADS and (" for " in long or " of " in long))


def is_metric(long: str) -> bool:
    """A measurement: the long form ends in score, rate, error, accuracy, ..."""
    return last_word(long) in METRIC_HEADS


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s\-]+", text.strip().casefold()) if w]


# Question answering over a modality is a task, not a benchmark ("VideoQA", "Visual-QA").
_TASK_QA = re.compile(r"^(?:Video|Visual|Image|Table|Audio|Speech)-?QA$")


@functools.lru_cache(maxsize=1 << 16)
def is_task(long: str) -> bool:
    """A problem, task or learning setting rather than a method.

    The head noun (last word) is a task word (detection, segmentation, search, ...; a
    search is an algorithm when the word before says how: "Tree Search"), or the long
    form is a setting ("Few-Shot Class-Incremental Learning": only setting words
    before "learning"/"adaptation"), or it is question answering over a modality ("VideoQA").
    """
    if _TASK_QA.match(long):
        return True
    words = _words(long)
    if not words:
        return False
    head = singular(words[-1])
    if head == "search":
        return len(words) < 2 or words[-2] not in SEARCH_ALGORITHM_WORDS
    if head == "estimation" and len(words) >= 2 and words[-2] in ESTIMATION_METHOD_WORDS:
        return False  # "Mutual Information Neural Estimation": how, not what, is estimated
    if head in TASK_HEADS or words[-1] in TASK_HEADS:
        return True
    return head in SETTING_HEADS and len(words) > 1 and all(w in SETTING_WORDS for w in words[:-1])


# Words that make a long form an organisation wherever they stand ("National Ecological
# Observatory Network (NEON)", "Institute of ... (IEEE)").
ORGANISATION_WORDS = frozenset("""national international institute university observatory agency administration
consortium ministry laboratory association federation""".split())


# What a long form names when it ends in one of these: an instrument, a mission, a survey or the team that runs it
# ("Imaging X-ray Polarimetry Explorer (IXPE)", "next generation Event Horizon Telescope (ngEHT)"). Only a long form: "G2P Explorer" alone is a paper's tool. Singular
# "experiment" only: "Design of Experiments (DoE)" is a method. Not detector, camera, imager, accelerator: in
# machine learning those are models ("Open-Vocabulary Detector (OVD)", "Unifying Camera (UCM)"); not survey,
# collaboration: "Multi-View Structured Survey (MVSS)" generates literature surveys, "Static-Dynamic
# Collaboration (SDC)" is a multi-agent method.
FACILITY_HEADS = frozenset("""telescope telescopes explorer observatory observatories satellite satellites experiment
mission missions spectrograph spectrographs spectrometer interferometer polarimeter instrument instruments facility
facilities collider beamline catalog catalogue""".split())

# A catalogue designation of an astronomical object: "SN 2025aico", "MAXI J1820+070", "PSR B1919+21", "NGC 1068",
# "GRB 221009A", "AT2019dsg", the gravitational-wave event "GW190412". A paper's title names its object this way ("SN 2025aico: Early observations ...").
_DESIGNATION = re.compile(r"(?:^|[\s\-])(?:[JB]?\d{2,4}(?:\.\d+)?[+\-−]\d{2,4}(?:\.\d+)?|(?:19|20)\d{2}[a-z]{1,4}|\d{6}[A-Z]?)$"
                          r"|^(?:SN|AT) ?(?:19|20)\d{2}[a-zA-Z]{1,4}$"
                          r"|^(?:NGC|IC|UGC|PGC|Messier|HD|HR|HIP|GJ|TOI|KOI|TIC|KIC|WASP|HAT-P|GRB|FRB|PSR)[\s\-]\d"
                          r"|^(?:GW|S)\d{6}(?:_\d{6})?[a-z]{0,3}$")  # gravitational-wave events and alerts: GW190412, S230529ay


def is_designation(name: str) -> bool:
    """A catalogue name of a star, galaxy, transient or pulsar, not a method ("SN 2025aico", "MAXI J1820+070")."""
    return bool(_DESIGNATION.search(name))


def is_entity(name: str, long: str = "") -> bool:
    """An organisation, place, device, instrument or other thing: university, vehicle, country, unit, telescope ..."""
    return (name in UNITS or name in COUNTRIES or long in COUNTRIES
            or last_word(long or name) in ENTITY_HEADS
            or bool(long) and last_word(long) in FACILITY_HEADS
            or bool(long) and not ORGANISATION_WORDS.isdisjoint(_words(long)))


_BUILT_HEADS = frozenset("system systems protocol platform platforms".split())


def _is_built(long: str) -> bool:
    """A system or protocol a paper builds ("Style-Adaptive Multi-Agent System (SAMAS), a novel framework"):
    a method when the paper proposes it and calls it one; never an organisation."""
    return last_word(long) in _BUILT_HEADS and ORGANISATION_WORDS.isdisjoint(_words(long))


_CLASS_OF_MODELS = re.compile(
    r"(?:^|[\s\-])(?:(?:language|foundation|reasoning|vision|multimodal|generative|base|world|deep learning|machine learning) models?"
    r"|large(?:\s+[\w\-]+)?\s+models?)$|^(?:models?|methods?|networks?)$", re.I)


def is_model_class(short: str, long: str) -> bool:
    """A class of models, not one method: "Time Series Foundation Models (TSFMs)", "Hybrid Language Models".

    A long form ending in "language/foundation/... model(s)", "large (X) models" ("Omni-modal Large
    Models") or a bare "models". A plural short form alone says nothing: "Masked Diffusion Models
    (MDMs)" and "Kolmogorov-Arnold Networks (KANs)" are methods.
    """
    return bool(long and _CLASS_OF_MODELS.search(long))


def has_generic_tail(long: str, gaz: Gazetteer) -> bool:
    """A learning paradigm narrowed by a modifier: "Protein Representation Learning", "Multimodal Deep Learning".

    Only "... learning" tails: "Prototype Graph Neural Network" is a named network although
    "neural network" is generic.
    """
    words = long.split()
    if last_word(long) != "learning":
        return False
    return any(gaz.is_generic(" ".join(words[-n:])) for n in (2, 3) if len(words) > n)


def is_generic_word(name: str) -> bool:
    """A plain English word or phrase that starts like a sentence, not a name."""
    first = re.split(r"[\s\-]+", name.strip())[0].casefold() if name.strip() else ""
    return not first or first in NAME_STOPWORDS


def _variant_of_dataset(name: str, gaz: Gazetteer) -> bool:
    """"HLE-Verified", "IndicIFEval-Ground", "BEMEval-Doc2Schema": a benchmark's name with a suffix is a
    version or a subset of that benchmark."""
    base, dash, rest = name.partition("-")
    if not dash or not rest or len(base) < 3 or _METHOD_SUFFIX.match(rest):
        return False  # "KBQA-R1", "CUB-Loss", "VecSet-Edit": a method named after what it works on
    entry = gaz.lookup(base)
    return entry.kind == "dataset" if entry is not None else bool(_BENCH_BASE.search(base))


_METHOD_SUFFIX = re.compile(r"(?:R\d|Zero|Loss|Net|Former|Edit|Agent|GPT|LLM|VLM|Coder|Reasoner|Aligner|Align|Seg|Det|Adapter"
                            r"|Tuning|Distill|Mask|MIL)\b|to-", re.I)
_BENCH_BASE = re.compile(r"(?:Bench|BENCH|Eval|EVAL|Arena)$")  # not "QA": KBQA, VQA are tasks as often


def classify(name: str, long: str, gaz: Gazetteer, *, proposed: bool, after: str = "") -> Verdict:
    """What a discovered name is.

    Args:
        name: the short form or coined name ("GRPO", "SymGraph").
        long: its long form when defined ("" otherwise).
        gaz: the gazetteer (generic paradigms and the not-methods list).
        proposed: whether the paper introduces it (tasks/analyses then count as methods).
        after: the text right after the name, for an appositive ("X, a new benchmark").

    Returns:
        "method", "dataset" or "reject".
    """
    # a generic short form the paper defines with another long form and proposes is another method
    # ("This paper introduces Multidimensional Task Learning (MTL)" is not multi-task learning)
    generic_name = gaz.is_generic(name) and not (proposed and long and not has_generic_tail(long, gaz)
                                                 and not is_model_class(name, long))
    if generic_name or gaz.is_not_method(name) or long and (gaz.is_generic(long) or gaz.is_not_method(long)):
        return "reject"
    if len(name.strip()) < 2 or is_designation(name):
        return "reject"  # "I" of "the I(2+1)HDM"; "SN 2025aico: Early observations of ..."
    if is_adjective_compound(name) or has_markup(name):
        return "reject"
    if _variant_of_dataset(name, gaz):
        return "dataset"
    kind = appositive_kind(after) if after else None
    if kind == "evaluation":
        # "an evaluation framework": a benchmark when the name ends like one (DECKBench), else an evaluator method
        kind = "dataset" if is_dataset_name(name, long) else "method"
    # "TQA (table question answering)": a task, although the short form ends like a benchmark
    # "MathArena, a method for ...": what the paper says it is beats how the name ends
    if (is_dataset_name(name, long) and not is_task(long or name) and kind != "method") or kind == "dataset":
        return "dataset"
    if kind in ("metric", "product", "task"):
        return "reject"
    if is_metric(long or name) or is_entity(name, long) and not (proposed and kind in ("method", None) and _is_built(long)):
        return "reject"
    if long and is_generic_word(long) and not proposed:
        return "reject"
    if not proposed and is_model_class(name, long):
        return "reject"
    if not proposed and long and has_generic_tail(long, gaz):
        return "reject"
    # "... Event Detection (AMD-FED), a representation-level framework": what the appositive says beats the tail
    # (a glued noun does not: "a Multimodal Emotion Recognition (MER) framework" is a framework for the task)
    if is_task(long or name) and not proposed and not (kind == "method" and _APPOSITIVE.match(after)):
        return "reject"
    if not proposed and not (long and has_method_head(long)) and kind != "method":
        return "reject"
    return "method"
