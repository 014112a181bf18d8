from govlens.indicators.civilization import civilization_topics as ind
from govlens.text import render


def test_coverage_share(f):
    r = ind.evaluate(f.po(f.civ()), f.ctx())
    assert r.value == 0.75 and r.findings == [] and {render(e.detail, "en") for e in r.evidence} == {"社会主义核心价值观", "志愿服务",
                                                                                       "道德模范"}


def test_missing_core_topic_is_one_finding(f):
    r = ind.evaluate(f.po(f.civ({"core_values": 4, "volunteer": 0, "moral_models": 0, "creation": 2})), f.ctx())
    assert r.value == 0.5
    assert [(x.kind, x.url) for x in r.findings] == [("civilization_topic_missing", f.home_url)]
    assert "志愿服务" in render(r.findings[0].detail, "en") and "道德模范" in render(r.findings[0].detail, "en")


def test_missing_extra_topic_is_no_finding(f):
    assert ind.evaluate(f.po(f.civ({"core_values": 1, "volunteer": 1, "moral_models": 1, "creation": 0})),
                        f.ctx()).findings == []


def test_nothing_read_is_missing(f):
    assert ind.evaluate(f.po(f.civ(read=0, status="connection_error")), f.ctx()).status == "missing"
