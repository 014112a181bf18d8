from govlens.indicators.render import page_weight
from govlens.text import render


def test_light_page(f):
    r = page_weight.evaluate(f.po(f.render()), f.ctx())
    assert abs(r.value - 60_000 / 1024) < 1e-9 and r.findings == []


def test_heavy_page_is_a_finding_naming_the_heaviest_type(f):
    r = page_weight.evaluate(f.po(f.render(network={"transfer_bytes": 6 * 1024 * 1024, "requests": 12,
                                                    "bytes_by_type": {"image": 6_200_000, "document": 30_000}})),
                             f.ctx())
    assert r.value == 6144 and [x.kind for x in r.findings] == ["heavy_page"]
    assert render(r.detail, "en").index("image") < render(r.detail, "en").index("document")


def test_not_rendered_is_missing(f):
    assert page_weight.evaluate(f.po(f.page()), f.ctx()).status == "missing"
