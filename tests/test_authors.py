import pytest

from kg.authors import author_key, clean_author_name


@pytest.mark.parametrize(
    "a, b",
    [
        ("Jakub Zadrożny", "Jakub Zadrozny"),  # diacritics folded
        ("Oisin Mac Aodha", "oisin  mac\u00a0aodha"),  # case, non-breaking space, runs of spaces
        ("Jean-Pierre Dupont", "Jean--Pierre Dupont"),  # TeX-style double dash
        ("Jean-Pierre Dupont", "Jean\u2013Pierre Dupont"),  # en dash
        ("Ｊｏｈｎ Ｓｍｉｔｈ", "John Smith"),  # full-width letters (NFKC)
        ("J. R. R. Tolkien", "J R R Tolkien"),  # periods
    ],
)
def test_spelling_variants_share_a_key(a, b):
    assert author_key(a) == author_key(b)


@pytest.mark.parametrize("a, b", [("John Smith", "Jon Smith"), ("Wei Zhang", "Wei Zhan"), ("李明", "Li Ming")])
def test_different_names_keep_different_keys(a, b):
    assert author_key(a) != author_key(b)


def test_display_name_keeps_case_and_accents():
    assert clean_author_name("  Jakub\u00a0Zadrożny ") == "Jakub Zadrożny"


def test_empty_name_gives_empty_key():
    assert author_key(" , ") == ""
