"""Proposed-name discovery: software, instruments and data products are not methods; what a paper
says a name is beats how it ends; "Long Form (ACR)-Suffix" names the suffixed acronym."""
from __future__ import annotations

import pytest

from kg.extract import extract_papers, load_pipeline
from kg.extract.filters import appositive_kind
from kg.records import Paper


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def found(nlp, title, abstract):
    (e,) = extract_papers([Paper(arxiv_id="2601.00009", title=title, abstract=abstract)], nlp=nlp)
    return {m.key: m for m in e.methods}, {d.key for d in e.datasets}


@pytest.mark.parametrize("after,kind", [
    (", an open-source Python package for fitting spectra", "product"),
    (", the third data release of the mission", "product"),
    (", a release engineering pipeline that runs agents", "method"),  # a method noun wins
    (", a benchmark of 500 tasks", "dataset"),
])
def test_appositive_kinds(after, kind):
    assert appositive_kind(after) == kind


@pytest.mark.parametrize("title,abstract", [
    ("SciPyX: A Python Package for Spectral Fitting", "We present SciPyX, an open-source Python package for fitting spectra."),
    ("Gaia DR3: Data Release", "We present Gaia DR3, the third data release of the Gaia mission."),
])
def test_software_and_data_products_are_not_proposed_methods(nlp, title, abstract):
    assert found(nlp, title, abstract)[0] == {}


def test_a_name_the_paper_calls_a_method_is_not_a_dataset_by_its_ending(nlp):
    methods, datasets = found(nlp, "A study", "We propose RouteArena, a method for routing queries between models.")
    assert "routearena" in methods and methods["routearena"].proposed and "routearena" not in datasets


def test_long_form_acronym_suffix(nlp):
    methods, _ = found(nlp, "A study", "We propose Masked Motion Modeling (MMM)-Net for forecasting. MMM-Net is fast.")
    (m,) = methods.values()
    assert m.proposed and m.name.startswith("MMM-Net") and "MMM-Net" in m.surfaces
