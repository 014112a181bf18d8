"""Property tests (hypothesis) of every parser that reads scanned or user-given bytes.

The property is the same for all: whatever the input, no exception escapes except the
documented error type, and the result keeps its shape and bounds. Page-side parsers (HTML,
depth bound, dates, charsets, robots.txt, sitemaps) never raise at all; importers (registry,
signals, campaign TOML, framework and awards YAML, the national-check scheme, the new-media and
app-store data files, overseas signals) raise only their own error, which names the file.
"""
from __future__ import annotations

import datetime as dt
import os
import string
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govlens.awards.config import parse_awards
from govlens.errors import AwardsError, CampaignFileError, FrameworkError, InputError, RegistryError
from govlens.frameworks.load import load_framework, parse_framework
from govlens.pipeline.campaign import load_campaign
from govlens.probes.extract.charset import decode_html
from govlens.probes.extract.dates import date_from_url, find_date, parse_date, parse_iso_datetime
from govlens.probes.importers.external_signals import import_signals
from govlens.probes.extract.html_depth import MAX_DEPTH, bound_depth, max_depth
from govlens.probes.extract.html import empty_page, extract_page
from govlens.probes.net.robots import parse_robots
from govlens.probes.net.sitemap import parse_sitemap
from govlens.registry import load_registry
from govlens.registry.model import Platform
from govlens.report.safety import file_names, md_escape, neutralise_cell, safe_href, strip_bidi

# GOVLENS_FUZZ_EXAMPLES raises the number of examples for a longer hunt (default: 300 per property).
FUZZ = settings(max_examples=int(os.environ.get("GOVLENS_FUZZ_EXAMPLES", "300")), deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                      HealthCheck.function_scoped_fixture])
REF = dt.date(2013, 12, 15)

# --- HTML-ish text: tags, attributes, entities, dates and Chinese, nested at random
TAGS = ["html", "head", "title", "meta", "body", "div", "span", "p", "a", "ul", "ol", "li", "table", "tr", "td",
        "form", "input", "img", "h1", "h3", "script", "style", "base", "time", "svg", "select", "option", "button"]
ATTRS = ['href="/col/a/index.html"', 'href="javascript:alert(1)"', "href=//x.gov.cn/a", 'src="/i.png"', "alt",
         'name="description" content="描述"', 'charset="gbk"', 'style="color:#aaa;background:#fff"',
         'datetime="2013-12-10T08:00"', 'href="http://[::1"', "href=\x00", 'lang="zh-CN"', 'action="/search"',
         'type="text" name="q"', 'content="width=device-width" name="viewport"']
TEXT = st.text(alphabet=string.printable + "通知公告更多发布时间年月日〇一二十\u202e\ufffd", max_size=40)


@st.composite
def html_documents(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 60))):
        kind = draw(st.integers(0, 4))
        tag = draw(st.sampled_from(TAGS))
        if kind == 0:
            attrs = " ".join(draw(st.lists(st.sampled_from(ATTRS), max_size=3)))
            parts.append(f"<{tag} {attrs}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            parts.append(draw(TEXT))
        elif kind == 3:
            parts.append(draw(st.sampled_from(["[12-25]", "2013-12-10", "二〇一三年十二月五日", "&amp;", "&#x202e;",
                                               "<!--", "-->", "<![CDATA[", "更多>>", "<", ">"])))
        else:
            parts.append(f"<{tag}>" * draw(st.integers(0, 700)))
    return "".join(parts)


PAGE_KEYS = set(empty_page())


@FUZZ
@given(html=st.one_of(html_documents(), st.text(max_size=2000)),
       base=st.sampled_from(["https://www.a.gov.cn/", "http://a.gov.cn/col/x/index.html", "http://[::1]/", "x"]),
       role=st.sampled_from(["home", "column", "article"]), max_links=st.integers(0, 50))
def test_extract_page_never_raises_and_keeps_its_shape(html: str, base: str, role: str, max_links: int) -> None:
    page = extract_page(html, base, platform_host="a.gov.cn", role=role, reference=REF, max_links=max_links)
    assert PAGE_KEYS <= set(page)
    assert len(page["links"]) <= max_links
    assert all(link["url"].lower().startswith(("http://", "https://")) for link in page["links"])
    assert page["title"] is None or len(page["title"]) <= 300


@FUZZ
@given(html=html_documents(), limit=st.integers(1, 600))
def test_depth_bound_holds(html: str, limit: int) -> None:
    bounded, changed = bound_depth(html, limit)
    assert max_depth(bounded) <= limit
    assert changed == (bounded != html)
    assert bound_depth(bounded, limit) == (bounded, False)


def test_depth_bound_is_linear_on_a_pathological_page() -> None:
    import time
    t0 = time.perf_counter()
    bounded, changed = bound_depth("<div>" * 200_000)
    assert changed and max_depth(bounded) == MAX_DEPTH and time.perf_counter() - t0 < 5


@FUZZ
@given(text=st.text(max_size=200), ref=st.dates(dt.date(1990, 1, 1), dt.date(2100, 1, 1)))
def test_dates_never_raise_and_stay_plausible(text: str, ref: dt.date) -> None:
    for d in (parse_date(text, ref), parse_iso_datetime(text), date_from_url(text)):
        assert d is None or 1900 <= d.year <= 2100
    found = find_date(text, ref)
    assert found is None or (found[1] in text.translate(str.maketrans("０１２３４５６７８９／－．：", "0123456789/-.:"))
                             or found[1] in text)


@FUZZ
@given(body=st.binary(max_size=3000), ctype=st.one_of(st.none(), st.text(max_size=60),
                                                      st.sampled_from(["text/html; charset=utf-8",
                                                                       "text/html; charset=gbk",
                                                                       "text/html; charset=utf-16",
                                                                       "text/html; charset=x-unknown"])))
def test_decode_html_never_raises(body: bytes, ctype: str | None) -> None:
    text, codec, source = decode_html(body, ctype)
    assert isinstance(text, str) and codec and source


@FUZZ
@given(text=st.text(max_size=2000))
def test_robots_never_raise(text: str) -> None:
    robots = parse_robots("https://a.gov.cn/robots.txt", text, "https://a.gov.cn")
    assert isinstance(robots.can_fetch("https://a.gov.cn/x"), bool)
    assert len(robots.sitemaps) <= 50


@FUZZ
@given(body=st.one_of(st.binary(max_size=3000),
                      st.builds(lambda locs, junk: ("<urlset>" + "".join(f"<loc>{x}</loc><lastmod>{x}</lastmod>"
                                                                         for x in locs) + junk).encode(),
                                st.lists(st.text(max_size=30), max_size=20), st.text(max_size=50))))
def test_sitemap_never_raises(body: bytes) -> None:
    parsed = parse_sitemap(body)
    assert parsed is None or parsed[0] >= 0


# --- importers: only their own error type

@FUZZ
@given(data=st.one_of(st.binary(max_size=2000),
                      st.lists(st.lists(st.text(alphabet=string.printable + "浙江北京县政府", max_size=30),
                                        max_size=10), max_size=10).map(
                          lambda rows: "\n".join(",".join(r) for r in
                                                 [["id", "name", "kind", "org_type", "level", "province", "region",
                                                   "url", "group"]] + rows).encode("utf-8"))))
def test_registry_import_raises_only_registry_errors(data: bytes, tmp_path_factory) -> None:
    path = tmp_path_factory.mktemp("reg") / "registry.csv"
    path.write_bytes(data)
    try:
        loaded = load_registry(path)
    except RegistryError as exc:
        assert "registry.csv" in str(exc)
        return
    assert loaded.platforms
    for err in loaded.errors:
        assert err.file == str(path) and err.line is not None and err.line >= 1


PLATFORMS = [Platform(id=f"p{i}", name="x", kind="website", org_type="", level="", province="", region="",
                      url="https://x.gov.cn/", group="") for i in range(3)]


@FUZZ
@given(data=st.one_of(st.binary(max_size=1000), st.lists(
    st.lists(st.sampled_from(["p0", "p1", "p9", "", "-1", "12", "x", "1e3", "\x00", "１２", '"', "\n"]),
             max_size=5), max_size=8).map(lambda rows: ("platform_id,indexed_pages,inbound_links,media_mentions\n"
                                                        + "\n".join(",".join(r) for r in rows)).encode())))
def test_signals_import_raises_only_input_errors(data: bytes, tmp_path_factory) -> None:
    path = tmp_path_factory.mktemp("sig") / "signals.csv"
    path.write_bytes(data)
    try:
        observations, errors = import_signals(path, PLATFORMS)
    except InputError as exc:
        assert "signals.csv" in str(exc)
        return
    assert len({o.platform_id for o in observations}) == len(observations)
    assert all(e.line is not None for e in errors)


TOML_PIECES = ["[campaign]\n", "[settings]\n", 'name = "x"\n', "name = 1\n", 'registry = "r.csv"\n', "year = true\n",
               'check_date = "2013-02-30"\n', "check_date = 2013-12-15\n", 'out = ""\n', "HTTP_TIMEOUT = 5\n",
               'HTTP_TIMEOUT = "x"\n', "NOPE = 1\n", 'HTTP_ALLOW_NETWORKS = ["10.0.0.0/8", 3]\n', "= =\n",
               "[campaign.sub]\n", 'framework = "none.yaml"\n', "CRAWL_MAX_PAGES = 1.5\n", "x = [\n"]


@FUZZ
@given(text=st.one_of(st.text(max_size=300), st.lists(st.sampled_from(TOML_PIECES), max_size=12).map("".join)))
def test_campaign_file_raises_only_campaign_errors(text: str, tmp_path_factory) -> None:
    path = tmp_path_factory.mktemp("camp") / "campaign.toml"
    path.write_text(text, encoding="utf-8")
    try:
        load_campaign(path)
    except CampaignFileError as exc:
        assert "campaign.toml" in str(exc)


YAML_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-5, 100), st.floats(allow_nan=True),
                         st.text(max_size=12), st.sampled_from(["website-2013", "availability", "bounded_linear",
                                                                "index", "dimension:access", "2013-12-25"]))
YAML_KEYS = st.sampled_from(["id", "title", "dimensions", "indicators", "weight", "normalise", "method", "worst",
                             "best", "vetoes", "indicator", "op", "value", "series", "awards", "groups", "quota",
                             "members", "group", "number", "year", "date", "framework", "rank_by", "excludes",
                             "nominations", "min_index", "aggregation"])
YAML_DOCS = st.recursive(YAML_SCALARS, lambda children: st.one_of(st.lists(children, max_size=4),
                                                                   st.dictionaries(YAML_KEYS, children, max_size=6)),
                         max_leaves=30)


@FUZZ
@given(doc=YAML_DOCS)
def test_framework_documents_raise_only_framework_errors(doc) -> None:
    try:
        framework = parse_framework(doc, "fuzz.yaml")
    except FrameworkError as exc:
        assert exc.file == "fuzz.yaml" and str(exc).startswith("fuzz.yaml")   # the error names its file
    else:
        assert framework.id and framework.leaves()


@FUZZ
@given(doc=YAML_DOCS)
def test_awards_documents_raise_only_awards_errors(doc) -> None:
    try:
        awards = parse_awards(doc, "fuzz.yaml")
    except AwardsError as exc:
        assert exc.file == "fuzz.yaml" and str(exc).startswith("fuzz.yaml")   # the error names its file
    else:
        assert isinstance(awards.series, (list, tuple))


@FUZZ
@given(text=st.text(alphabet=string.printable + "：中文\t", max_size=400))
def test_framework_files_raise_only_framework_errors(text: str, tmp_path_factory) -> None:
    path = tmp_path_factory.mktemp("fw") / "framework.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        load_framework(path)
    except FrameworkError as exc:
        assert "framework.yaml" in str(exc)


# --- output safety: properties of the escaping helpers

@FUZZ
@given(text=st.text(max_size=200))
def test_escapers_leave_nothing_active(text: str) -> None:
    md = md_escape(text)
    assert "<" not in md and ">" not in md and "\n" not in md and "\u202e" not in md
    cell = neutralise_cell(text)
    assert not cell.lstrip(" ").startswith(("=", "+", "-", "@")) or cell.startswith("'")
    assert "\u202e" not in strip_bidi(text)
    href = safe_href(text)
    assert href is None or href.lower().startswith(("http://", "https://"))


@FUZZ
@given(ids=st.lists(st.text(min_size=0, max_size=40), max_size=20, unique=True))
def test_file_names_stay_inside_their_folder(ids: list[str]) -> None:
    names = file_names(ids)
    assert len({n.lower() for n in names.values()}) == len(ids)
    for name in names.values():
        assert Path(name).name == name and not name.startswith(".") and ".." not in name and "/" not in name
        assert "\\" not in name and len(name) < 120


# --- the data importers of the new-media series and the editions' overseas signals (merged from main)

ACCOUNTS = [Platform(id=f"w{i}", name="x", kind=kind, org_type="", level="", province="", region="",
                     url="https://weibo.com/x", group="") for i, kind in enumerate(("weibo", "wechat"))]
STATS_CELLS = st.sampled_from(["w0", "w1", "p0", "", "2013-12-01", "2013-02-30", "2099-01-01", "12", "-3", "1e3",
                               "true", "maybe", "\x00", "１２", '"', "\n", "=HYPERLINK(1)", "999999999999999999999"])


def _stats_csv(rows: list[list[str]]) -> bytes:
    from govlens.probes.importers.newmedia_stats import SPEC
    return (",".join(SPEC.names) + "\n" + "\n".join(",".join(r) for r in rows)).encode("utf-8")


@settings(max_examples=int(os.environ.get("GOVLENS_FUZZ_EXAMPLES", "120")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=800), st.lists(st.lists(STATS_CELLS, min_size=14, max_size=18),
                                                         max_size=6).map(_stats_csv)),
       suffix=st.sampled_from([".csv", ".jsonl"]), importer=st.sampled_from(["newmedia_stats", "app_store"]))
def test_data_importers_raise_only_input_errors_and_keep_the_store(data: bytes, suffix: str, importer: str,
                                                                   tmp_path_factory) -> None:
    """All-or-nothing (statistics) and per-row (app store) importers: whatever the bytes, an
    InputError naming the file and its lines, or an import; a refused file leaves the table as it was."""
    import importlib

    from govlens.errors import ImportFileError
    from govlens.store import CampaignStore

    module = importlib.import_module(f"govlens.probes.importers.{importer}")
    work = tmp_path_factory.mktemp("imp")
    path = work / f"data{suffix}"
    path.write_bytes(data)
    with CampaignStore(work / "campaign.duckdb") as store:
        store.insert("observations", [{"platform_id": "w0", "probe": "earlier", "kind": "x", "url": "u",
                                       "status": "completed"}])
        try:
            report = module.import_file(store, path, ACCOUNTS, check_date=REF)
        except InputError as exc:
            assert path.name in str(exc)
            if isinstance(exc, ImportFileError):
                assert all(e.line is not None and e.line >= 1 for e in exc.errors if e.line is not None)
            assert store.con.execute(f"SELECT count(*) FROM {module.SPEC.table}").fetchone()[0] == 0
        else:
            assert all(e.file == str(path) for e in report.errors)
        assert store.con.execute("SELECT count(*) FROM observations WHERE probe = 'earlier'").fetchone()[0] == 1


@FUZZ
@given(data=st.one_of(st.binary(max_size=600), st.lists(st.lists(st.sampled_from(
    ["e0", "e9", "", "-1", "12", "x", "1e3", "\x00", '"', "\n", "=1+1"]), max_size=6), max_size=6).map(
        lambda rows: "\n".join(",".join(r) for r in rows).encode())))
def test_overseas_signals_raise_only_input_errors(data: bytes, tmp_path_factory) -> None:
    from govlens.probes.importers.overseas_signals import import_overseas_signals

    editions = [Platform(id="e0", name="x", kind="foreign_site", org_type="", level="", province="", region="",
                         url="https://en.x.gov.cn/", group="")]
    path = tmp_path_factory.mktemp("ovs") / "overseas.csv"
    path.write_bytes(data)
    try:
        observations, errors = import_overseas_signals(path, editions)
    except InputError as exc:
        assert "overseas.csv" in str(exc)
        return
    assert all(e.line is not None for e in errors)


SCHEME_KEYS = st.sampled_from(["id", "scheme", "title", "platform_kinds", "full_marks", "pass_mark",
                               "services_full_marks", "vetoes", "deductions", "bonus", "items", "indicator", "op",
                               "value", "points", "cap", "per", "above", "below", "when", "service", "max",
                               "min_score", "weighting", "impute", "treat", "uncertainty", "bonuses", "checks",
                               "index", "dimensions", "indicators", "weight", "normalise", "method"])
SCHEME_DOCS = st.recursive(st.one_of(YAML_SCALARS, st.just("inspection")),
                           lambda children: st.one_of(st.lists(children, max_size=4),
                                                      st.dictionaries(SCHEME_KEYS, children, max_size=7)),
                           max_leaves=30)


@FUZZ
@given(doc=SCHEME_DOCS)
def test_inspection_schemes_and_engine_frameworks_raise_only_framework_errors(doc) -> None:
    """The national-check scheme (issue 4) and the engine's framework keys (issue 5)."""
    from govlens.frameworks.inspection import parse_inspection_scheme

    for parse in (parse_inspection_scheme, parse_framework):
        try:
            parsed = parse(doc, "fuzz.yaml")
        except FrameworkError as exc:
            assert exc.file == "fuzz.yaml" and str(exc).startswith("fuzz.yaml")   # the error names its file
        else:
            assert parsed.id
