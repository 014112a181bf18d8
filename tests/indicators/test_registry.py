import types

import pytest

from govlens.errors import FrameworkError
from govlens.indicators import registry

EXPECTED = {
    "availability", "response-time", "https-redirect", "broken-external-links", "broken-internal-links",
    "site-search", "image-alt", "page-metadata", "mobile-viewport", "portal-structure", "text-contrast",
    "homepage-freshness", "stale-columns", "empty-columns", "update-volume", "robots-sitemap",
    "indexed-pages", "inbound-links", "external-inlinks", "media-mentions",
    # the browser probe's
    "phone-overflow", "phone-text-size", "tap-targets", "font-families", "portal-parts", "grid-regularity",
    "first-screen-whitespace", "rendered-contrast", "palette-size", "accessibility", "elderly-friendly",
    "first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift",
    "page-weight", "time-to-first-byte", "request-count",
}


def test_discovers_every_indicator():
    assert set(registry.all_ids()) == EXPECTED
    assert registry.all_ids() == sorted(registry.all_ids())


def test_get_returns_the_module():
    m = registry.get("stale-columns")
    assert m.ID == "stale-columns" and m.UNIT == "count" and "page" in m.REQUIRES


def test_unknown_id_names_it():
    with pytest.raises(FrameworkError, match="no-such-thing"):
        registry.get("no-such-thing")


def _module(**attrs):
    m = types.ModuleType("govlens.indicators.fake_one")
    m.__dict__.update({"ID": "fake-one", "REQUIRES": ("page",), "UNIT": "ratio", "evaluate": lambda o, c: None})
    m.__dict__.update(attrs)
    return m


def test_validation_accepts_a_good_module():
    assert registry._validate("fake_one", _module()) == "fake-one"


@pytest.mark.parametrize("attrs, words", [
    ({"ID": None}, "no ID"),
    ({"ID": "other"}, "file name"),
    ({"REQUIRES": "page"}, "REQUIRES"),
    ({"UNIT": "furlongs"}, "UNIT"),
    ({"evaluate": None}, "evaluate"),
])
def test_validation_refuses_bad_metadata(attrs, words):
    with pytest.raises(FrameworkError, match=words):
        registry._validate("fake_one", _module(**attrs))
