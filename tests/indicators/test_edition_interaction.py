from govlens.indicators.foreign_site import edition_interaction as ind
from govlens.text import render


def test_share_of_features(f):
    pages = [f.edition_page(interaction=["email"]),
             f.edition_page(f.EN + "contact/", "section", interaction=["email", "form", "phone"])]
    r = ind.evaluate(f.po(f.discovery(), *pages), f.ctx())
    assert r.value == 0.75 and "faq" not in render(r.detail, "en").split(": ")[1]


def test_failed_pages_do_not_count(f):
    page = f.edition_page(f.EN + "contact/", "section", status="http_error", interaction=["email"])
    assert ind.evaluate(f.po(f.discovery(), f.edition_page(), page), f.ctx()).value == 0.0


def test_no_edition_is_not_applicable(f):
    assert ind.evaluate(f.po(f.discovery([])), f.ctx()).status == "not_applicable"
