"""The arXiv API Atom feed reader (hand-written fixture)."""
import datetime as dt

from kg.ingest import read_file
from tests.conftest import FIXTURES

FEED = FIXTURES / "atom" / "arxiv-api-query.xml"


def test_atom_entries():
    result = read_file(str(FEED))
    assert result.format == "atom" and result.problems == [] and result.digest is None
    motion, attention, maldacena, teleworld = result.records
    assert (motion.arxiv_id, motion.version) == ("2601.00504", "v1")
    assert motion.title == "MotionPhysics: Learnable Motion Distillation for Text-Guided Simulation"
    assert motion.authors == ("Miaowei Wang", "Jakub Zadrożny", "Oisin Mac Aodha", "Amir Vaxman")
    assert motion.abstract.startswith("Accurately simulating") and "\n" not in motion.abstract
    assert motion.primary_category == "cs.CV" and motion.categories == ("cs.CV", "cs.GR")
    assert motion.comment.startswith("AAAI 2026; project page")
    assert motion.url == "http://arxiv.org/abs/2601.00504v1"
    assert motion.source.line == 10
    assert attention.published == dt.date(2017, 6, 12) and attention.updated == dt.date(2023, 8, 2)
    # no file date: the entry's own published date, with day precision
    assert attention.date == dt.date(2017, 6, 12) and attention.date_precision == "day"
    assert len(attention.authors) == 8 and attention.primary_category == "cs.CL"
    assert (maldacena.arxiv_id, maldacena.version) == ("hep-th/9711200", "v3")
    assert maldacena.doi == "10.1023/A:1026654312961"
    assert maldacena.comment.endswith("More references and a sign in eqns 2.8 and 2.9 corrected")
    # duplicated category terms are kept once, primary first
    assert teleworld.categories == ("cs.CV", "cs.AI")


def test_truncated_feed_keeps_the_entries_before_the_cut(tmp_path):
    text = FEED.read_text(encoding="utf-8")
    cut = text.index("<entry>", text.index("1706.03762")) + len("<entry>\n    <id>http://arx")
    path = tmp_path / "feed.xml"
    path.write_text(text[:cut], encoding="utf-8")
    result = read_file(str(path))
    assert [r.arxiv_id for r in result.records] == ["2601.00504", "1706.03762"]
    assert [p.kind for p in result.problems] == ["bad-xml"]
    assert result.problems[0].source.line > 60


def test_entry_without_id_is_a_problem(tmp_path):
    text = FEED.read_text(encoding="utf-8").replace(
        "<id>http://arxiv.org/abs/1706.03762v7</id>", "<id>http://arxiv.org/api/errors#incorrect_id_format</id>"
    )
    path = tmp_path / "feed.xml"
    path.write_text(text, encoding="utf-8")
    result = read_file(str(path))
    assert [r.arxiv_id for r in result.records] == ["2601.00504", "hep-th/9711200", "2601.00051"]
    assert [(p.kind, p.source.line) for p in result.problems] == [("missing-field", 42)]
