from govlens.indicators.foreign_site import edition_services as ind
from govlens.text import render


def test_share_of_lexicon_topics(f):
    pages = [f.edition_page(services=["visa"]), f.edition_page(f.EN + "services/", "section",
                                                               services=["visa", "investment", "unknown"])]
    r = ind.evaluate(f.po(f.discovery(), *pages), f.ctx())
    assert r.value == 0.5 and {render(e.detail, "en") for e in r.evidence} == {"offers: visa", "offers: investment"}


def test_none_offered(f):
    assert ind.evaluate(f.po(f.discovery(), f.edition_page()), f.ctx()).value == 0.0


def test_no_edition_is_not_applicable(f):
    assert ind.evaluate(f.po(f.discovery([])), f.ctx()).status == "not_applicable"
