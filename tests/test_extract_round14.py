"""Round 14: what the astro-ph and hep papers of blind19-23 showed (docs/gazetteer.md, "Round 14"), with the real
sentences and the case each rule must leave alone. Names of objects, instruments and molecules are not methods;
an eponym before a technical head of theoretical physics is one."""
from __future__ import annotations

import pytest

from kg.extract.fields import is_molecule
from kg.extract.filters import is_designation
from tests.extraction import paper_methods


def names(title, abstract, category="cs.LG"):
    return {n for m in paper_methods(title, abstract, category) for n in (m.name, m.key)}


@pytest.mark.parametrize(("name", "expected"), [
    ("SN 2025aico", True), ("SN2023ixf", True), ("AT2019dsg", True), ("MAXI J1820+070", True), ("NGC 1068", True),
    ("GRB 221009A", True), ("PSR B1919+21", True), ("TOI-700", True), ("HD 189733", True), ("WASP-39b", True),
    # names of methods that look alike
    ("AT2PO", False), ("DETR3D", False), ("IC-Light", False), ("HD-Painter", False), ("SN-Net", False),
    ("BBM92", False), ("NE2025", False), ("Qwen2.5-7B", False), ("GPT-4", False), ("K2", False),
])
def test_catalogue_designations(name, expected):
    assert is_designation(name) is expected


def test_an_object_named_by_the_title_is_no_method():
    got = names("SN 2025aico: Early observations of a faint Type IIb supernova with a low-mass envelope",
                "We aimed to investigate the early evolution of SN 2025aico with photometry and spectroscopy.",
                "astro-ph.SR")
    assert not any("2025aico" in n for n in got)


def test_a_telescope_the_paper_proposes_is_no_method():
    abstract = ("The proposed next generation Event Horizon Telescope (ngEHT) offers the unique capability to "
                "resolve the jet base of M 87.")
    assert not any("ngEHT" in n or "Telescope" in n for n in names("Imaging the jet of M 87", abstract,
                                                                      "astro-ph.HE"))


def test_a_camera_model_and_a_survey_generator_stay_methods():
    # "camera" and "survey" are models and tasks in computer science: the long-form rule leaves them alone
    got = names("UCM: Unifying Camera Models for Novel View Synthesis",
                "We propose the Unifying Camera (UCM), a model that renders any camera.", "cs.CV")
    assert any("UCM" in n for n in got)
    got = names("MVSS: A Unified Framework for Multi-View Structured Survey Generation",
                "We propose MVSS, a framework that generates structured literature surveys.", "cs.CL")
    assert any("MVSS" in n for n in got)


def test_an_instrument_named_by_its_observations_is_no_method():
    abstract = ("The resulting predictions are compared with INTEGRAL/SPI observations using spatial and "
                "population-based models.")
    assert "INTEGRAL" not in names("Positrons from stellar flares", abstract, "astro-ph.GA")
    # a model named by what it detects stays: "paired with the DETR3D detector"
    abstract = "It achieves state-of-the-art tracking results when paired with the DETR3D detector."
    assert "DETR3D" in names("Tracking with hierarchical queries", abstract, "cs.CV")


def test_short_forms_that_are_a_galaxy_and_a_molecule_outside_machine_learning():
    got = names("Satellites of Local Volume galaxies",
                "We also found a new tiny satellite of the nearby SMC-like dwarf galaxy DDO46.", "astro-ph.GA")
    assert "sequential-monte-carlo" not in got
    got = names("Kinematics of W43-MM1", "We used ALMA observations of DCN (3-2) and 13CS (5-4) to estimate "
                "kinetic support.", "astro-ph.GA")
    assert "deformable-convolution" not in got
    # the same short form in a statistics paper is the sampler
    got = names("Particle filters for state-space models",
                "We run SMC with adaptive resampling and compare it with MCMC.", "stat.CO")
    assert "sequential-monte-carlo" in got


@pytest.mark.parametrize(("name", "expected"), [
    ("HDCO", True), ("DNC", True), ("CH3CN", True), ("HC3N", True), ("NH2CHO", True), ("DCO+", True),
    ("ESM3", False), ("UGAN", False), ("SPENDER", False), ("NNs", False), ("C", False),
])
def test_molecule_like_names(name, expected):
    assert is_molecule(name) is expected


def test_a_list_of_molecules_is_no_list_of_methods():
    abstract = ("This includes the first detection of deuterated molecules, DCO$^{+}$, DCN, DNC, and HDCO, "
                "indicating substantial deuterium abundance.")
    got = names("A spectral line survey of a hot core", abstract, "astro-ph.GA")
    assert not {"DNC", "HDCO", "deformable-convolution"} & got


def test_an_eponymous_adjective_before_a_method_noun_is_no_name():
    abstract = ("The abundances of heavy elements carry information about the r-process. We present a Bayesian "
                "framework to infer these conditions from stellar abundance patterns.")
    assert "Bayesian" not in names("Inference of Stellar r-Process Abundances", abstract, "astro-ph.SR")
    # a name set off by punctuation is still a name
    assert "Guardian" in names("Safe agents", "We propose Guardian, a framework that audits tool calls.")


def test_a_single_letter_is_no_name():
    abstract = ("A Z3 symmetric 3-Higgs-Doublet Model (3HDM) with two inert doublets, the so-called I(2+1)HDM, is "
                "studied.")
    assert "I" not in names("The Z3 soft breaking in the I(2+1)HDM and its cosmological probes", abstract,
                            "hep-ph")


def test_a_likeness_is_no_named_expansion():
    abstract = ("The ejecta show numerous narrow streamer-like ejections in an almost isotropic arrangement and with "
                "clear Hubble--Lema\u00eetre-like expansion motions.")
    assert not any("expansion" in n.casefold() for n in names("Nova shells", abstract, "astro-ph.SR"))


@pytest.mark.parametrize(("abstract", "name"), [
    ("We give a detailed comparison between the Arnold-Espinosa prescription and the Parwani resummation.",
     "Arnold-Espinosa prescription"),
    ("Persistent homology is computed from the Vietoris-Rips filtration of the delay vectors.",
     "Vietoris-Rips filtration"),
    ("The stress tensor is obtained by a reformulation of the Hadamard renormalization on the lattice.",
     "Hadamard renormalization"),
])
def test_an_eponym_before_a_head_of_theoretical_physics(abstract, name):
    assert name in names("A study", abstract, "hep-ph")


def test_a_lower_case_prescription_needs_more_than_its_head():
    got = names("Disk emission", "We adopt an emissivity prescription with an inner cutoff.", "astro-ph.HE")
    assert not any("prescription" in n.casefold() for n in got)


def test_an_operating_system_is_no_method():
    got = names("G2P Explorer: A Native iOS Framework for Genomics to Proteomics Visualization",
                "We present G2P Explorer, a native iOS framework that consumes the public G2P REST API on device.",
                "q-bio.QM")
    assert "iOS" not in got and "ios" not in got
