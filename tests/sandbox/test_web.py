"""The sandbox web in process: determinism, truth format, and truth consistent with the pages."""
from __future__ import annotations

import datetime as dt
import hashlib
import inspect
import json
import os
import re
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from selectolax.lexbor import LexborHTMLParser

from govlens.contract import defects as D
from govlens.sandbox import colors
from govlens.sandbox.families import FAMILIES
from govlens.sandbox.platforms import generate_platforms
from govlens.sandbox.site import HOME
from govlens.sandbox.site_build import SERVICE_COLUMNS
from govlens.sandbox.text import NEWS, NOTICE
from govlens.sandbox.web import build_sandbox

from .conftest import AS_OF, N_SITES, SEED

WINDOW = {NEWS: 14, NOTICE: 180, "other": 365}


def _digest(web, n_sites=40):
    h = hashlib.sha256(json.dumps(web.truth(), ensure_ascii=False, sort_keys=True).encode())
    for s in web.sites[:n_sites]:
        for path in [s.home_path] + [c.path for c in s.columns] + list(s.articles)[:3]:
            h.update(web.respond(s.host, path).body)
    return h.hexdigest()


def test_same_seed_same_truth_and_bytes():
    ps = generate_platforms([], 60, 3)
    a, b = build_sandbox(ps, 3, AS_OF), build_sandbox(ps, 3, AS_OF)
    assert a.truth() == b.truth()
    assert _digest(a) == _digest(b)
    c = build_sandbox(ps, 4, AS_OF)
    assert c.truth() != a.truth()
    assert _digest(c) != _digest(a)


def test_determinism_across_processes():
    """String hashing is randomised per process: nothing may depend on it."""
    code = ("import datetime as dt, hashlib, json\n"
            "from govlens.sandbox.platforms import generate_platforms\n"
            "from govlens.sandbox.web import build_sandbox\n"
            + inspect.getsource(_digest)
            + "print(_digest(build_sandbox(generate_platforms([], 60, 3), 3, dt.date(2013, 12, 10))))\n")
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    outs = set()
    for hs in ("12345",):
        env = {**os.environ, "PYTHONHASHSEED": hs}
        outs.add(subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True,
                                check=True).stdout.strip())
    ps = generate_platforms([], 60, 3)
    outs.add(_digest(build_sandbox(ps, 3, AS_OF)))
    assert len(outs) == 1


def test_adding_sites_does_not_change_other_sites_defects():
    ps = generate_platforms([], 80, 9)
    small = build_sandbox(ps[:40], 9, AS_OF).truth()["sites"]
    large = build_sandbox(ps, 9, AS_OF).truth()["sites"][:40]
    assert small == large


def test_truth_format(web):
    t = web.truth()
    assert set(t) == {"seed", "as_of", "sites", "review"}     # review: the experts the sandbox plants as outliers
    assert set(t["review"]["outliers"]) <= set(t["review"]["experts"]) and len(t["review"]["outliers"]) == 2
    assert t["seed"] == SEED and t["as_of"] == AS_OF.isoformat()
    assert len(t["sites"]) == N_SITES
    for s in t["sites"]:
        assert set(s) == {"platform_id", "host", "family", "defects"}
        assert s["family"] in FAMILIES
        keys = [D.match_key(s["platform_id"], d["kind"], d["url"]) for d in s["defects"]]
        assert len(keys) == len(set(keys)), "a defect is listed twice"
        for d in s["defects"]:
            assert set(d) == {"kind", "url"}
            assert d["kind"] in D.ALL_KINDS
            assert d["url"].startswith(("http://", "https://"))
        kinds = {d["kind"] for d in s["defects"]}
        if D.SITE_DOWN in kinds:     # nothing but DNS can be observed of a site that never answers
            assert D.SITE_UNREACHABLE in kinds and kinds <= {D.SITE_DOWN, D.SITE_UNREACHABLE, D.NO_IPV6}


def test_every_kind_present_in_a_200_site_build(web):
    kinds = {d["kind"] for s in web.truth()["sites"] for d in s["defects"]}
    assert kinds == set(D.WEBSITE_KINDS) | set(D.BROWSER_KINDS) | set(D.COMPLIANCE_KINDS)


def test_accounts_and_mobile_portals_of_the_shipped_registry_carry_their_kinds():
    from govlens.registry import load_registry
    from govlens.registry.shipped import shipped_registry
    others = [p for p in load_registry(shipped_registry()).platforms if p.kind != "website"]
    web = build_sandbox(others, 2013, AS_OF)
    assert len(web.mobile_portals) == 22 and len(web.newmedia.accounts) == 122 and not web.sites
    kinds = {d["kind"] for s in web.truth()["sites"] for d in s["defects"]}
    assert set(D.NEWMEDIA_KINDS) | set(D.MOBILE_KINDS) <= kinds
    assert all(d["kind"] in D.NEWMEDIA_KINDS for s in web.newmedia.truth() for d in s["defects"])


def test_write_truth_and_signals(web, tmp_path):
    p = web.write_truth(tmp_path / "truth.json")
    assert json.loads(p.read_text(encoding="utf-8")) == web.truth()
    q = web.write_signals(tmp_path / "signals.csv")
    lines = q.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "platform_id,indexed_pages,inbound_links,media_mentions"
    assert len(lines) == N_SITES + 1
    rows = web.signals_rows()
    by_level = {}
    for p, r in zip(web.platforms, rows):
        assert r["platform_id"] == p.id and min(r["indexed_pages"], r["inbound_links"], r["media_mentions"]) >= 0
        by_level.setdefault(p.level, []).append(r["indexed_pages"])
    med = {k: sorted(v)[len(v) // 2] for k, v in by_level.items()}
    assert med["provincial"] > med["county"]
    pages = sorted(r["indexed_pages"] for r in rows)
    assert pages[-1] > 10 * pages[len(pages) // 2]        # heavy tail


def test_hosts(web):
    hosts = web.hosts()
    assert len(hosts) == len(set(hosts)) == N_SITES + len(web.national)
    assert "www.gov.cn" in hosts
    assert not any("closed-site" in h for h in hosts)


# --- truth consistent with content -------------------------------------------------------------
_DATE = re.compile(r"(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})|\[(\d{2})-(\d{2})\]")


def _date(text: str) -> dt.date:
    m = _DATE.search(text)
    assert m, text
    if m.group(1):
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    d = dt.date(AS_OF.year, int(m.group(4)), int(m.group(5)))
    return d if d <= AS_OF else d.replace(year=AS_OF.year - 1)


def _home_date(node) -> dt.date:
    """A homepage list date; a year-less ``[MM-DD]`` takes its year from the item's link (/art/YYYY/…)."""
    d = _date(node.text())
    a = node.parent.css_first('a[href^="/art/"]') if node.parent is not None else None
    if "[" in node.text() and a is not None:
        d = d.replace(year=int(a.attributes["href"][5:9]))
    return d


def _bg(node) -> str | None:
    while node is not None and node.tag not in ("html", "-undef"):
        m = re.search(r"background-color:\s*(#[0-9a-fA-F]{3,6})", node.attributes.get("style") or "")
        if m:
            return m.group(1)
        node = node.parent
    return None


_HOSTS: dict[int, frozenset[str]] = {}


def _hosts(web) -> frozenset[str]:
    if id(web) not in _HOSTS:
        _HOSTS[id(web)] = frozenset(web.hosts())
    return _HOSTS[id(web)]


def _page(web, site, path):
    r = web.respond(site.host, path)
    assert r.status == 200, (site.host, path)
    return LexborHTMLParser(r.body.decode(site.encoding))


def _check_links(web, site, tree, page_url, bad_internal, bad_external):
    base = f"{site.scheme}://{site.host}"
    hosts = _hosts(web)
    for a in tree.css("a[href]"):
        href = a.attributes["href"]
        if href.startswith("javascript:"):          # 无障碍 / 关怀版 / print entries of old table sites
            continue
        url = base + href if href.startswith("/") else href
        parts = urlsplit(url)
        host = parts.hostname
        if url in bad_internal or url in bad_external:
            if host in hosts:
                assert web.respond(host, parts.path).status == 404, url
            continue
        assert host in hosts, (page_url, url)
        if host == site.host and parts.path.startswith("/art/"):
            assert parts.path in site.articles, url        # rendering every article is test_articles' job
            continue
        r = web.respond(host, parts.path, parts.query)
        assert r.status in (200, 302), (page_url, url, r.status)
        if host != site.host:
            assert parts.path in ("", "/") or host in web.national or url == web.site(host).home_url
            other = web.site(host)
            assert other is None or other.healthy, f"{page_url} links unhealthy {url}"


@pytest.mark.parametrize("part", range(4))
def test_truth_matches_pages(web, part):
    for site in web.sites[part::4]:
        truth = {(d["kind"], d["url"]) for d in site.defects()}
        kinds = {k for k, _ in truth}
        urls = lambda kind: {u for k, u in truth if k == kind}  # noqa: E731
        if D.SITE_DOWN in kinds:
            assert web.respond(site.host, site.home_path).status == 503
            assert web.respond(site.host, site.columns[0].path).status == 503
            continue
        home = _page(web, site, site.home_path)
        assert (home.css_first('meta[name="viewport"]') is None) == (D.NO_VIEWPORT in kinds)
        title = home.css_first("title")
        assert (title is None or not title.text().strip()) == (D.MISSING_TITLE in kinds)
        assert (home.css_first('meta[name="description"]') is None) == (D.MISSING_DESCRIPTION in kinds)
        search = home.css_first('form[action="/search"]') or home.css_first("input#kw")   # with or without a form
        assert (search is None) == (D.NO_SITE_SEARCH in kinds)
        assert home.css_first("html").attributes.get("lang") == "zh-CN"
        # freshness of the homepage and every column
        home_dates = [_home_date(s) for s in home.css(".col-block .date")]
        assert home_dates
        newest = max(home_dates)
        assert ((AS_OF - newest).days > 14) == (D.STALE_HOMEPAGE in kinds)
        pages = {HOME: (site.home_url, home)}
        for col in site.columns:
            col_url = f"{site.scheme}://{site.host}{col.path}"
            tree = _page(web, site, col.path)
            pages[col.code] = (col_url, tree)
            assert tree.css_first("h1").text() == col.name
            dates = [_date(s.text()) for s in tree.css(".list .date")]
            if (D.EMPTY_COLUMN, col_url) in truth:
                assert not dates and "暂无信息" in tree.text()
                assert col.kind.code not in SERVICE_COLUMNS
                continue
            assert 15 <= len(dates) <= 25
            window = WINDOW.get(col.kind.ctype, 365)
            assert ((AS_OF - max(dates)).days > window) == ((D.STALE_COLUMN, col_url) in truth), col_url
            assert max(dates) <= AS_OF
        # topic pages list fresh dated items (no topic block on a stale homepage)
        assert (site.n_topics == 0) == (D.STALE_HOMEPAGE in kinds)
        if site.n_topics:
            tree = _page(web, site, f"/zt/zt{site.n_topics}/index.html")
            dates = [_date(s.text()) for s in tree.css("ul.list span.date")]
            assert dates and (AS_OF - max(dates)).days <= 14
        # page-level defects: images without alt, low contrast, broken links
        for _, (url, tree) in pages.items():
            noalt = [i for i in tree.css("img") if "alt" not in i.attributes]
            assert bool(noalt) == ((D.IMAGE_WITHOUT_ALT, url) in truth), url
            ratios = []
            for node in tree.css("[style]"):
                m = re.search(r"(?<!-)color:\s*(#[0-9a-fA-F]{3,6})", node.attributes["style"])
                if m and node.text(deep=True).strip():
                    ratios.append(colors.contrast_ratio(m.group(1), _bg(node)))
            assert ratios
            low = [r for r in ratios if r < 3]
            assert bool(low) == ((D.LOW_CONTRAST, url) in truth), url
            assert all(r >= 7 for r in ratios if r >= 3)
            _check_links(web, site, tree, url, urls(D.BROKEN_INTERNAL_LINK), urls(D.BROKEN_EXTERNAL_LINK))
        # every broken target of the truth is linked from the homepage or a column page
        linked = set()
        for url, tree in pages.values():
            for a in tree.css("a[href]"):
                href = a.attributes["href"]
                linked.add(f"{site.scheme}://{site.host}{href}" if href.startswith("/") else href)
        assert urls(D.BROKEN_INTERNAL_LINK) | urls(D.BROKEN_EXTERNAL_LINK) <= linked
        for u in urls(D.BROKEN_EXTERNAL_LINK):
            assert urlsplit(u).hostname != site.host
        for u in urls(D.BROKEN_INTERNAL_LINK):
            assert urlsplit(u).hostname == site.host


def test_articles_and_gbk_text(web):
    gbk = [s for s in web.sites if s.encoding == "gbk" and s.healthy][:10]
    assert gbk
    for s in gbk:
        for path in list(s.articles)[:5]:
            r = web.respond(s.host, path)
            assert r.status == 200
            text = r.body.decode("gbk")                    # strict: really GBK
            assert re.search("发布(?:时间|日期)：", text) and "&#" not in text
            col, j = s.articles[path]
            it = s.items(col)[j]
            assert it.title in text
