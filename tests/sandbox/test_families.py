"""Layout families: drawn per site, recorded in the truth, and the footer / meta truth consistent with the pages.

These read the sandbox's own pages with a plain HTML parser (the sandbox checking itself); the
detectors are judged against the same truth in tests/test_end_to_end.py, without the family name.
"""
from __future__ import annotations

import collections
import re

from selectolax.lexbor import LexborHTMLParser

from govlens.contract import defects as D
from govlens.sandbox.check import compare_by_family, format_family_scores
from govlens.sandbox.families import FAMILIES
from govlens.sandbox.families.meta import ARTICLE, COLUMN
from govlens.sandbox.platforms import generate_platforms
from govlens.sandbox.web import build_sandbox

from .conftest import AS_OF, SEED


def _tree(web, site, path) -> LexborHTMLParser:
    r = web.respond(site.host, path)
    assert r.status == 200, (site.host, path)
    return LexborHTMLParser(r.body.decode(site.encoding))


def _metas(tree) -> dict[str, str]:
    return {(m.attributes.get("name") or m.attributes.get("NAME") or ""): (m.attributes.get("content") or "")
            for m in tree.css("meta")}


def test_every_family_is_drawn_and_recorded(web):
    counts = collections.Counter(s.family for s in web.sites)
    assert set(counts) == set(FAMILIES) and min(counts.values()) >= 20
    recorded = {s["platform_id"]: s.get("family") for s in web.truth()["sites"]}
    assert all(recorded[s.platform.id] == s.family for s in web.sites)
    assert all(s.encoding == "gbk" for s in web.sites if s.family == "jcms")


def test_adding_families_moved_no_other_draw():
    """The family stream is the site's own: the same platform draws the same family in any company."""
    few = build_sandbox(generate_platforms([], 30, SEED), SEED, AS_OF)
    many = build_sandbox(generate_platforms([], 90, SEED), SEED, AS_OF)
    by_id = {s.platform.id: s for s in many.sites}
    for s in few.sites:
        other = by_id[s.platform.id]
        assert (s.family, s.identity, s.site_code) == (other.family, other.identity, other.site_code)


def test_footer_identity_follows_the_truth(web):
    seen = collections.Counter()
    for site in web.sites:
        kinds = {d["kind"] for d in site.defects()}
        if D.SITE_DOWN in kinds:
            continue
        tree = _tree(web, site, site.home_path)
        footer = tree.css_first(".footer")
        assert footer is not None, site.host
        text = footer.text(deep=True, separator=" ")
        assert (site.site_code in text) == (D.MISSING_SITE_CODE not in kinds), site.host
        assert (site.icp in text) == (D.MISSING_ICP not in kinds), site.host
        assert ("公网安备" in text) == (D.MISSING_POLICE_RECORD not in kinds), site.host
        assert bool(re.search(r"主办(?:单位)?：", text)) == (D.MISSING_SPONSOR not in kinds), site.host
        assert "承办" in text and site.identity.phone in text
        badge = footer.css_first('a[href*="bszs.conac.cn"]')
        assert (badge is None) == (D.MISSING_CONAC_BADGE in kinds), site.host
        if badge is not None:
            assert web.respond("bszs.conac.cn", "/sitename").status == 200
        meta = _metas(tree).get("SiteIDCode")
        assert meta is not None
        mismatch = bool(meta) and meta != site.site_code
        assert mismatch == (D.SITE_CODE_MISMATCH in kinds), site.host
        code = site.site_code
        assert (code.startswith("bm") and len(code) == 10) if site.platform.level == "central" else \
            (code.isdigit() and len(code) == 10)
        seen[site.family] += 1
        seen.update(kinds & set(D.COMPLIANCE_KINDS))
    assert set(D.COMPLIANCE_KINDS) <= set(seen)


def test_guideline_metas_follow_the_truth(web):
    for site in web.sites[::3]:
        truth = {d["url"] for d in site.defects() if d["kind"] == D.MISSING_GUIDELINE_META}
        if D.SITE_DOWN in site.flags:
            continue
        for col in site.columns:
            url = f"{site.base}{col.path}"
            names = set(_metas(_tree(web, site, col.path)))
            assert (not set(COLUMN) <= names) == (url in truth), url
            for it in site.items(col)[:2]:          # the newest is the crawl's sample; the others are whole
                url = f"{site.base}{it.path}"
                names = set(_metas(_tree(web, site, it.path)))
                assert (not set(ARTICLE) <= names) == (url in truth), url


def test_per_family_comparison():
    truth = {("a", D.MISSING_ICP, ""), ("b", D.MISSING_ICP, ""), ("c", D.MISSING_ICP, "")}
    found = {("a", D.MISSING_ICP, ""), ("c", D.MISSING_SPONSOR, ""), ("x", D.MISSING_ICP, "")}
    families = {"a": "trs", "b": "trs", "c": "table"}
    scores = {(s.kind, s.family): s for s in compare_by_family(truth, found, families)}
    assert set(scores) == {(D.MISSING_ICP, "trs"), (D.MISSING_ICP, "table"), (D.MISSING_SPONSOR, "table")}
    trs = scores[(D.MISSING_ICP, "trs")]
    assert (trs.truth, trs.found, trs.true_positives, trs.recall) == (2, 1, 1, 0.5)
    assert scores[(D.MISSING_SPONSOR, "table")].precision == 0.0
    assert "trs" in format_family_scores(list(scores.values()))
