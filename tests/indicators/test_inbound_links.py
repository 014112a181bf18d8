from govlens.indicators import inbound_links as ind
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
