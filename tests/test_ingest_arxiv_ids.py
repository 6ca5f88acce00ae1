"""arXiv id parsing and the month an id encodes (kg.arxiv)."""
import datetime as dt

import pytest

from kg.arxiv import is_category, month_from_id, parse_arxiv_id


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2601.00504", ("2601.00504", "")),
        ("2601.00504v2", ("2601.00504", "v2")),
        ("0704.0001", ("0704.0001", "")),
        ("1412.9999v3", ("1412.9999", "v3")),
        ("https://arxiv.org/abs/2601.00504v2", ("2601.00504", "v2")),
        ("http://arxiv.org/pdf/2601.00504v1.pdf", ("2601.00504", "v1")),
        ("https://arxiv.org/pdf/2601.00504", ("2601.00504", "")),
        ("arXiv:2601.01234", ("2601.01234", "")),
        ("hep-th/9901001v1", ("hep-th/9901001", "v1")),
        ("math.GT/0309136", ("math.GT/0309136", "")),
        ("http://arxiv.org/abs/hep-th/9711200v3", ("hep-th/9711200", "v3")),
        ("https://arxiv.org/pdf/cond-mat/0102536v1.pdf", ("cond-mat/0102536", "v1")),
        ("see [2601.04567] Retrieval", ("2601.04567", "")),
    ],
)
def test_parse_arxiv_id_finds_new_and_old_ids(text, expected):
    assert parse_arxiv_id(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "no id here",
        "12601.00504",  # glued to another digit
        "2601.005041",  # six digits
        "2613.00504",  # month 13
        "0612.0001",  # new style began in 2007-04
        "1501.0001",  # 2015 on has five digits
        "1412.00001",  # before 2015: four digits
        "https://example.org/abs/x",
    ],
)
def test_parse_arxiv_id_rejects_non_ids(text):
    assert parse_arxiv_id(text) is None


@pytest.mark.parametrize(
    ("arxiv_id", "month"),
    [
        ("2601.00504", dt.date(2026, 1, 1)),
        ("0704.0001", dt.date(2007, 4, 1)),
        ("1912.01234", dt.date(2019, 12, 1)),
        ("hep-th/9901001", dt.date(1999, 1, 1)),
        ("math.GT/0309136", dt.date(2003, 9, 1)),
        ("math/0211159", dt.date(2002, 11, 1)),
    ],
)
def test_month_from_id(arxiv_id, month):
    assert month_from_id(arxiv_id) == month


@pytest.mark.parametrize("arxiv_id", ["", "abc", "2613.00001", "hep-th/9913001"])
def test_month_from_id_without_a_valid_month(arxiv_id):
    assert month_from_id(arxiv_id) is None


def test_is_category():
    assert all(map(is_category, ["cs.CV", "quant-ph", "cond-mat.soft", "math.NA", "q-fin.PM", "physics.soc-ph"]))
    assert not any(map(is_category, ["Table", "目录", "cs.", "xx.YY", "今日总计:"]))
