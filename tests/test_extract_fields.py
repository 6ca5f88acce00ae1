"""Homonyms of the physical sciences in papers outside machine learning (kg/extract/fields.py), with the real
titles and sentences of blind19-21 and the cases that must stay."""
from __future__ import annotations

import pytest

from kg.extract.fields import non_ml_paper
from tests.extraction import paper_methods


def keys(title, abstract, category):
    return {m.key for m in paper_methods(title, abstract, category)}


@pytest.mark.parametrize(("category", "expected"), [
    ("physics.ins-det", True), ("astro-ph.GA", True), ("quant-ph", True), ("q-bio.GN", True), ("hep-ex", True),
    ("cs.LG", False), ("stat.ML", False), ("eess.SP", False), ("", False),
])
def test_which_papers_are_outside_machine_learning(category, expected):
    assert non_ml_paper(category) is expected


def test_a_particle_beam_is_no_optimizer():
    title, abstract = ("Performance Evaluation of Straw Tubes with Muon Beams at CERN",
                       "We present results from two test beam campaigns with the Muon beam line.")
    assert "muon-optimizer" not in keys(title, abstract, "physics.ins-det")
    assert "muon-optimizer" in keys("Training with Muon", "We train the network with Muon and compare it with "
                                    "AdamW.", "cs.LG")


def test_magic_state_distillation_is_no_knowledge_distillation_but_the_long_form_counts():
    abstract = ("We optimize the allocation across logical operations, T-state distillation, and rotation synthesis.")
    assert "knowledge-distillation" not in keys("Resource estimates for fault-tolerant circuits", abstract, "quant-ph")
    assert "knowledge-distillation" in keys("Compressing decoders",
                                            "We compress the neural decoder with knowledge distillation.", "quant-ph")


@pytest.mark.parametrize(("abstract", "key"), [
    ("Communication between the nodes relies on quantum teleportation over noisy links.", "quantum-teleportation"),
    ("Classical inputs enter the circuit through angle embedding and data re-uploading.", "angle-encoding"),
    ("We compare FrodoKEM-1344 and Kyber512 on embedded boards.", "frodokem"),
    ("We compare FrodoKEM-1344 and Kyber512 on embedded boards.", "crystals-kyber"),
    ("Voltage fault injection bypasses the secure boot of the microcontroller.", "fault-injection"),
    ("Spectra are obtained from the hydrodynamic fields with the Cooper-Frye prescription.", "cooper-frye"),
    ("The discriminator is a PatchGAN operating on 70x70 patches.", "patchgan"),
])
def test_field_vocabulary_of_blind21(abstract, key):
    assert key in keys("A study", abstract, "cs.CR")


def test_local_alignment_alone_is_not_sequence_alignment():
    assert "local-sequence-alignment" not in keys("Registration", "We study the local alignment scope of geometric "
                                                  "matchers under noise.", "cs.CV")


# ---- round 13: the fields of blind22 (2026-06-16)

@pytest.mark.parametrize(("abstract", "key"), [
    ("We simulate the outbreak with an SEIR model fitted to weekly counts.", "seir-model"),
    ("We compute the spectrum in the large-N expansion of the O(N) model.", "large-n-expansion"),
    ("The form factors are computed with light-cone sum rules.", "light-cone-sum-rules"),
    ("A finite-size scaling analysis locates the critical point.", "finite-size-scaling"),
    ("We protect the logical qubit with Schrödinger cat codes.", "cat-code"),
    ("Reads are mapped with BWA-MEM2 before variant calling.", "bwa-mem"),
    ("We fit the residuals with an ARFIMA process.", "arfima"),
    ("Models are selected with the Akaike information criterion.", "akaike-information-criterion"),
])
def test_field_vocabulary_of_blind22(abstract, key):
    assert key in keys("A study", abstract, "q-bio.PE")


def test_seir_is_not_sir_and_aic_needs_its_long_form():
    got = keys("AIC CTU@AVerImaTeC: dual-retriever RAG", "We simulate the outbreak with an SEIR model.", "cs.CL")
    assert "sir-model" not in got and "akaike-information-criterion" not in got
