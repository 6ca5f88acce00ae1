import datetime as dt

from kg.merge import merge_records
from kg.records import PaperRecord, SourceRef, Summary

D = dt.date


def rec(path, line, **kw):
    kw.setdefault("title", "A Paper")
    return PaperRecord(kw.pop("arxiv_id", "2601.00001"), source=SourceRef(path, line), **kw)


def test_one_paper_on_two_days_has_both_dates_and_one_listing_each():
    a = rec("zh/2026-01-06.md", 10, date=D(2026, 1, 6), digest="zh/2026-01-06.md")
    b = rec("zh/2026-01-05.md", 40, date=D(2026, 1, 5), digest="zh/2026-01-05.md")
    result = merge_records([a, b])
    assert result.duplicates == 1
    [paper] = result.papers
    assert (paper.first_seen, paper.last_seen) == (D(2026, 1, 5), D(2026, 1, 6))
    assert [l.digest for l in paper.listings] == ["zh/2026-01-05.md", "zh/2026-01-06.md"]


def test_cross_listed_in_one_digest_is_one_listing():
    a = rec("d.md", 10, date=D(2026, 1, 5), digest="zh/d.md", listed_under="cs.CV", categories=("cs.CV",))
    b = rec("d.md", 90, date=D(2026, 1, 5), digest="zh/d.md", listed_under="cs.AI", categories=("cs.AI",))
    [paper] = merge_records([a, b]).papers
    assert len(paper.listings) == 1
    assert paper.categories == ("cs.CV", "cs.AI")


def test_later_non_empty_fields_fill_earlier_empty_ones_but_never_overwrite():
    early = rec("a.md", 1, date=D(2026, 1, 5), abstract="", comment="10 pages", title="Early title")
    late = rec("b.md", 1, date=D(2026, 1, 7), abstract="The abstract.", comment="12 pages", title="Late title",
               summary=Summary(language="zh", tldr="要点"))
    [paper] = merge_records([late, early]).papers  # given in reverse order on purpose
    assert paper.title == "Early title"
    assert paper.comment == "10 pages"
    assert paper.abstract == "The abstract."
    assert paper.summary.tldr == "要点"


def test_primary_category_comes_first_and_union_keeps_all():
    a = rec("a.md", 1, date=D(2026, 1, 5), categories=("cs.AI", "cs.LG"))
    b = rec("b.md", 1, date=D(2026, 1, 6), primary_category="cs.LG", categories=("cs.LG", "stat.ML"))
    [paper] = merge_records([a, b]).papers
    assert paper.primary_category == "cs.LG"
    assert paper.categories == ("cs.LG", "cs.AI", "stat.ML")


def test_month_precision_counts_only_without_a_day():
    month = rec("s.jsonl", 1, date=D(2026, 1, 1), date_precision="month")
    day = rec("d.md", 1, date=D(2026, 1, 20))
    [paper] = merge_records([month, day]).papers
    assert (paper.first_seen, paper.date_precision) == (D(2026, 1, 20), "day")
    [only_month] = merge_records([month]).papers
    assert (only_month.first_seen, only_month.date_precision) == (D(2026, 1, 1), "month")


def test_highest_version_is_kept():
    papers = merge_records([rec("a", 1, version="v2"), rec("b", 1, version="v10"), rec("c", 1)]).papers
    assert papers[0].version == "v10"


def test_merge_is_independent_of_input_order():
    records = [rec(f"f{i}.md", i, date=D(2026, 1, 5 + i % 3), arxiv_id=f"2601.0000{i % 4}", abstract=f"abs {i}") for i in range(12)]
    assert merge_records(records).papers == merge_records(list(reversed(records))).papers


def test_distinct_papers_are_not_merged():
    result = merge_records([rec("a", 1, arxiv_id="2601.00001"), rec("a", 2, arxiv_id="2601.00002")])
    assert [p.arxiv_id for p in result.papers] == ["2601.00001", "2601.00002"]
    assert result.duplicates == 0
