"""govlens.report.locale: lookups, fallbacks, and complete locale files."""
from __future__ import annotations

from importlib import resources

import pytest
import yaml

from govlens.contract.defects import ALL_KINDS
from govlens.errors import ConfigError
from govlens.frameworks.load import load_framework
from govlens.registry.model import KINDS, LEVELS, ORG_TYPES, REGIONS
from govlens.report.locale import Locale, available_locales

GROUPS = ("central", "provincial", "sub_provincial_capital", "local_department", "local_court",
          "local_procuratorate", "prefecture", "municipal_district", "sub_provincial_district", "county",
          "hightech_zone", "economic_zone")
INDICATORS = ("page-metadata", "mobile-viewport", "portal-structure", "text-contrast", "availability",
              "response-time", "https-redirect", "broken-external-links", "site-search", "broken-internal-links",
              "image-alt", "robots-sitemap", "indexed-pages", "homepage-freshness", "stale-columns", "empty-columns",
              "update-volume", "inbound-links", "external-inlinks", "media-mentions")


def _keys(node, prefix=""):
    out = set()
    for k, v in node.items():
        assert isinstance(k, str), f"non-string key {k!r} under {prefix}"    # YAML 1.1: yes/no become booleans
        out |= _keys(v, f"{prefix}{k}.") if isinstance(v, dict) else {prefix + k}
    return out


def _doc(name):
    return yaml.safe_load(resources.files("govlens.report.locale").joinpath(f"{name}.yaml").read_text("utf-8"))


def test_locales_have_the_same_keys():
    assert {"zh-CN", "en"} <= set(available_locales())
    assert _keys(_doc("zh-CN")) == _keys(_doc("en"))


@pytest.mark.parametrize("name", ["zh-CN", "en"])
def test_every_vocabulary_is_covered(name):
    L = Locale(name)
    for kind in ALL_KINDS:
        assert L.has(f"defects.{kind}"), kind
    for iid in {*INDICATORS, *load_framework("website-2013").indicator_ids()}:
        assert L.indicator_title(iid) != iid, iid       # from the indicator's module (TITLE)
    for section, values in {"groups": GROUPS, "regions": REGIONS, "levels": LEVELS, "kinds": KINDS,
                            "org_types": ORG_TYPES}.items():
        for v in values:
            assert L.has(f"{section}.{v}"), f"{section}.{v}"


def test_missing_keys_and_placeholders_fall_back():
    L = Locale("zh-CN")
    assert L.t("no.such.key") == "no.such.key"
    assert L.t("no.such.key", x=1) == "no.such.key"
    assert L.defect("made_up_kind") == "made_up_kind" and L.group(None) == ""
    assert L.t("notice.veto_item", title="首页不更新") == "首页不更新{n}个"
    bad = Locale("zh-CN", doc={"a": "{0} {x!z} {", "b": {"c": 3}})
    assert bad.t("a", x=1) == "{0} {x!z} {"
    assert bad.t("b") == "b" and bad.t("b.c") == "b.c"
    assert Locale("en", doc={}).indicator_title("availability") == "Failed homepage visits"   # from its module
    assert Locale("en", doc={}).indicator_title("no-such-indicator") == "no-such-indicator"


def test_unknown_locale_is_a_config_error():
    with pytest.raises(ConfigError):
        Locale("xx-XX")
