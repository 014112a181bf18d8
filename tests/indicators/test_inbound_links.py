from govlens.indicators.links import inbound_links as ind
from govlens.indicators.base import CampaignFacts


def test_count_from_campaign_facts(f):
    facts = CampaignFacts(inlinks={"p1": 2, "p2": 0}, inlink_sources={"p1": ["p2", "p3"]})
    r = ind.evaluate(f.po(), f.ctx(facts=facts))
    assert r.status == "ok" and r.value == 2.0 and len(r.evidence) == 2


def test_zero_is_a_value(f):
    r = ind.evaluate(f.po(), f.ctx(facts=CampaignFacts(inlinks={"p1": 0})))
    assert r.value == 0.0


def test_no_facts_is_missing(f):
    assert ind.evaluate(f.po(), f.ctx()).status == "missing"


def test_the_linking_platforms_are_named_by_their_names(f):
    from govlens.text import render

    facts = CampaignFacts(inlinks={"p1": 2}, inlink_sources={"p1": ["p2", "p3"]}, names={"p2": "中国广东"})
    details = [render(e.detail) for e in ind.evaluate(f.po(), f.ctx(facts=facts)).evidence]
    assert details == ["评估范围内的平台中国广东链接到本站", "评估范围内的平台p3链接到本站"]   # no name known: the id
