"""The self-check's fix advice and its single-site framework (no server needed)."""
from __future__ import annotations

import dataclasses
import json
import math
from datetime import date

import pytest

from govlens.contract.defects import (
    ALL_KINDS,
    BROWSER_KINDS,
    CIVILIZATION_KINDS,
    CN_DOMAIN_KINDS,
    COMPLIANCE_KINDS,
    FOREIGN_KINDS,
    WEBSITE_KINDS,
)
from govlens.frameworks import load_framework
from govlens.frameworks.model import MethodSpec
from govlens.report.locale import Locale
from govlens.selfcheck.run import CheckRun, is_scheme
from govlens.selfcheck.single import single_site
from govlens.selfcheck.summary import fix_advice, payload
from govlens.selfcheck.target import CheckInputError, normalise_url

# every defect kind a website can show: its HTTP scan, its rendering, its identity block, and the
# 文明网, foreign-language edition and .政务 name series that are judged on websites
SITE_KINDS = WEBSITE_KINDS + BROWSER_KINDS + COMPLIANCE_KINDS + CIVILIZATION_KINDS + FOREIGN_KINDS + CN_DOMAIN_KINDS


@pytest.mark.parametrize("locale", ["zh-CN", "en"])
def test_every_website_defect_kind_has_fix_advice(locale):
    L = Locale(locale)
    generic = L.t("check.fix_missing")
    missing = [k for k in SITE_KINDS if not L.has(f"fix.{k}")]
    assert not missing, f"{locale}: no fix advice for {missing}"
    texts = {k: fix_advice(k, L) for k in SITE_KINDS}
    assert all(t and t != generic for t in texts.values())
    assert len(set(texts.values())) == len(texts), "two kinds share one advice"
    assert set(L.get("fix")) <= set(ALL_KINDS), "advice for a kind govlens does not know"
    if locale == "zh-CN":
        assert all(any("\u4e00" <= c <= "\u9fff" for c in t) for t in texts.values())


def test_a_kind_without_advice_gets_the_general_sentence():
    L = Locale("zh-CN")
    assert fix_advice("no_such_kind", L) == L.t("check.fix_missing") != "check.fix_missing"


def test_single_site_framework_keeps_absolute_rules_only():
    fw = load_framework("website-2013")
    # one indicator normalised against the group (min-max): with one unit it is degenerate, so it is left out
    relative = fw.dimensions[0].indicators[0]
    dims = (dataclasses.replace(fw.dimensions[0], indicators=(
        dataclasses.replace(relative, normalisation=MethodSpec("minmax")), *fw.dimensions[0].indicators[1:])),
        *fw.dimensions[1:])
    single = single_site(dataclasses.replace(fw, dimensions=dims))
    left = dict(single.left_out)
    assert left[relative.id] == "relative" and left["inbound-links"] == "campaign"
    kept = {r.id for r in single.framework.leaves()}
    assert relative.id not in kept and "inbound-links" not in kept
    assert len(kept) == len(fw.leaves()) - 2
    assert single.framework.uncertainty is None
    # the shipped framework's own rules are absolute: only the campaign-relative indicator goes
    assert dict(single_site(fw).left_out) == {"inbound-links": "campaign"}


def test_national_scheme_is_told_from_frameworks():
    assert is_scheme("national-check-2019") and not is_scheme("website-2013")


@pytest.mark.parametrize("url", ["ftp://x.gov.cn/", "http://", "https://a b.gov.cn/", "", "http://x.gov.cn:99999/"])
def test_bad_urls_are_refused_in_words(url):
    with pytest.raises(CheckInputError) as err:
        normalise_url(url, Locale("zh-CN"))
    assert "不是可检查的网址" in str(err.value)


def test_url_without_scheme_or_path_is_a_site():
    assert normalise_url("www.example.gov.cn", Locale("zh-CN")) == "http://www.example.gov.cn/"


def test_payload_has_no_nan():
    fw = single_site(load_framework("website-2013")).framework
    run = CheckRun(url="https://www.example.gov.cn/", name="例", check_date=date(2013, 12, 15), framework=fw,
                   left_out=(), rendered=False, result={"index": math.nan, "vetoes": []},
                   dimensions={d.id: math.nan for d in fw.dimensions},
                   findings=[{"kind": "no_ipv6", "url": "https://www.example.gov.cn/", "detail": None}], values={})
    data = payload(run, Locale("zh-CN"))
    text = json.dumps(data, ensure_ascii=False, allow_nan=False)
    assert data["index"] is None and all(d["score"] is None for d in data["dimensions"])
    assert "None" not in text and data["findings"][0]["fix"] == Locale("zh-CN").t("fix.no_ipv6")


def test_finding_details_are_rendered_in_the_locale():
    from govlens.text import Messages
    T = Messages("selfcheck-test", {"seen": ("看到{n}处", "seen {n} times")})
    fw = single_site(load_framework("website-2013")).framework
    run = CheckRun(url="https://www.example.gov.cn/", name="例", check_date=date(2013, 12, 15), framework=fw,
                   left_out=(), rendered=False, result={}, dimensions={},
                   findings=[{"kind": "no_ipv6", "url": "https://www.example.gov.cn/", "detail": T("seen", n=3)}],
                   values={})
    assert payload(run, Locale("zh-CN"))["findings"][0]["detail"] == "看到3处"
    assert payload(run, Locale("en"))["findings"][0]["detail"] == "seen 3 times"
