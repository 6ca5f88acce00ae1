"""The daily-arXiv JSONL reader (real excerpt) and the arXiv metadata snapshot reader (hand fixture)."""
import datetime as dt
import json

from kg.ingest import read_file, read_inputs
from tests.conftest import FIXTURES

DAILY = FIXTURES / "digests" / "zh-jsonl" / "2026-01-05_AI_enhanced_Chinese.jsonl"
SNAPSHOT = FIXTURES / "snapshot" / "arxiv-metadata-sample.jsonl"


def test_daily_jsonl_fields():
    result = read_file(str(DAILY))
    assert result.format == "daily-jsonl" and result.problems == []
    assert result.digest is not None
    assert (result.digest.id, result.digest.date) == ("zh-jsonl/2026-01-05_AI_enhanced_Chinese.jsonl", dt.date(2026, 1, 5))
    difftet, _origami, motion = result.records
    assert (difftet.arxiv_id, difftet.title) == ("2601.00114", "DiffTetVR: Differentiable Tetrahedral Volume Rendering")
    assert difftet.authors == ("Christoph Neuhauser",)
    assert difftet.abstract.startswith("Differentiable rendering is a technique")
    assert difftet.url == "https://arxiv.org/abs/2601.00114"
    assert difftet.date == dt.date(2026, 1, 5) and difftet.date_precision == "day"
    assert difftet.source.line == 1 and difftet.digest == result.digest.id
    assert difftet.summary is not None and difftet.summary.language == "zh"
    assert difftet.summary.tldr.startswith("DiffTetVR是一种")
    assert ("code_url", "https://github.com/chrismile/DiffTetVR") in difftet.summary.extra
    # categories[0] is the main category
    assert motion.categories == ("cs.CV", "cs.AI", "cs.GR") and motion.primary_category == "cs.CV"
    assert motion.comment == "AAAI2026 Accepted" and motion.source.line == 3


def test_snapshot_fields():
    result = read_file(str(SNAPSHOT))
    assert result.format == "arxiv-snapshot" and result.digest is None
    records = {r.arxiv_id: r for r in result.records}
    first = records["0704.0001"]
    assert first.title == "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies"
    # authors_parsed is preferred over the TeX-escaped string
    assert first.authors == ("C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan")
    assert first.primary_category == "hep-ph" and first.doi == "10.1103/PhysRevD.76.013009"
    assert first.published == dt.date(2007, 4, 2) and first.updated == dt.date(2008, 11, 13)
    assert first.date == dt.date(2007, 4, 2) and first.date_precision == "day"  # no file date: v1 date
    assert first.version == "v2" and first.digest == ""
    assert first.abstract.startswith("A fully differential calculation") and "\n" not in first.abstract
    assert records["0704.0002"].categories == ("math.CO", "cs.CG")
    assert records["hep-th/9711200"].published == dt.date(1997, 11, 27)
    assert records["math/0211159"].primary_category == "math.DG"
    tex = records["1402.1128"]
    assert tex.title == r"On the $\ell_1$-norm of $\mathcal{H}_\infty$ controllers for sampled-data systems"
    assert tex.authors == ("Thomas Example Jr.", "Ana García-López")
    # without authors_parsed the string is split
    assert records["2103.00020"].authors[:2] == ("Alec Radford", "Jong Wook Kim")
    assert len(records["2103.00020"].authors) == 12
    # the one entry without an abstract is still a record, with a problem
    assert [(p.source.line, p.kind) for p in result.problems] == [(7, "missing-field")]


def test_snapshot_date_argument_wins_over_version_dates():
    records = read_file(str(SNAPSHOT), date=dt.date(2026, 1, 1)).records
    assert {r.date for r in records} == {dt.date(2026, 1, 1)}


def test_bad_json_lines_are_reported_and_the_rest_is_read(tmp_path):
    good = json.loads(DAILY.read_text(encoding="utf-8").splitlines()[0])
    lines = [
        json.dumps(good),
        '{"id": "2601.00001", "title": "trunc',
        "[1, 2]",
        json.dumps({"id": "not-an-id", "title": "X"}),
        json.dumps({"id": "2601.00003", "title": ""}),
        "",
        json.dumps({**good, "id": "2601.00004", "authors": [], "AI": "not a dict", "code_url": None}),
    ]
    path = tmp_path / "2026-01-06_AI_enhanced_Chinese.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = read_inputs([str(path)])
    assert [r.arxiv_id for r in result.records] == ["2601.00114", "2601.00004"]
    assert [(p.source.line, p.kind) for p in result.report.problems] == [
        (2, "bad-json"), (3, "bad-json"), (4, "missing-field"), (5, "missing-field"), (7, "missing-field")
    ]
    assert result.records[1].summary is None
