"""Shared by the freshness indicators (信息传播): column pages, their class and window, item dates."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from govlens.contract.defects import url_without_scheme
from govlens.contract.observation import Observation
from govlens.indicators.base import (R, Evidence, Finding, IndicatorContext, IndicatorResult, PlatformObservations, clip,
                                     completed_pages)
from govlens.text import Messages

#: Where a year-less date's year was inferred from (govlens.probes.extract.year_evidence's ``year_source``).
T = Messages("freshness", {
    "src_url": ("链接地址", "URL"),
    "src_title": ("标题", "title"),
    "src_list_order": ("列表顺序", "list order"),
    "src_last_modified": ("页面修改时间", "Last-Modified"),
    "src_page_evidence": ("页面中出现的年份{year}", "page evidence {year}"),
    "src_check_date": ("检查日期", "the check date"),
})


def year_source(source: str | None) -> str:
    """Where an inferred year came from, as a message."""
    source = source or "check date"
    if source.startswith("page evidence"):
        return T.ref("src_page_evidence", year=source.rpartition(" ")[2])
    name = "src_" + source.replace(" ", "_").replace("-", "_")
    return T.ref(name) if name in T.names else T.ref("src_check_date")

NEWS, NOTICE, OTHER = "news", "notice", "other"
#: Column class → keywords in its name (news is tried first). 2015 census: news columns
#: must update within 2 weeks, notices and policy documents within 6 months.
CLASS_WORDS: dict[str, tuple[str, ...]] = {
    NEWS: ("动态", "要闻", "新闻", "快讯", "图片"),
    NOTICE: ("通知", "公告", "公示", "政策", "文件", "解读", "人事"),
}
#: the threshold (of stale-columns) that is the update window of each class of column
WINDOW = {NEWS: "news_days", NOTICE: "notice_days", OTHER: "other_days"}
#: Column class → pinyin codes Chinese CMSs put in column paths (/col/tzgg/, /xwzx/ …), tried when no
#: name says the class.
PATH_CODES: dict[str, tuple[str, ...]] = {
    NEWS: ("ywdt", "gzdt", "xwzx", "xwdt", "jrtt", "bmdt", "tpxw", "jcdt", "zwdt", "news", "xwfb"),
    NOTICE: ("tzgg", "gsgg", "zcwj", "zcjd", "wjzl", "zcfg", "tzgs", "notice", "policy", "gggs"),
}
_PATH_PART = re.compile(r"[a-z]+")


def classify(names: Iterable[str | None], url: str | None = None) -> tuple[str, str]:
    """(class, what it was read from): the first name that is news or notice wins, then a code in the
    column's URL path (``/col/tzgg/index.html``), else other."""
    first = ""
    for name in names:
        name = (name or "").strip()
        if not name:
            continue
        first = first or name
        for cls, words in CLASS_WORDS.items():
            if any(w in name for w in words):
                return cls, name
    if url:
        path = url.split("://", 1)[-1].partition("/")[2].lower()
        parts = set(_PATH_PART.findall(path))
        for cls, codes in PATH_CODES.items():
            for code in codes:
                if code in parts:
                    return cls, first or f"/{code}/"
    return OTHER, first


def _cached(obs: PlatformObservations, key: str, compute):
    """Derived data shared by several indicators, computed once per platform."""
    cache = obs.__dict__.setdefault("_freshness_cache", {})
    if key not in cache:
        cache[key] = compute(obs)
    return cache[key]


def column_pages(obs: PlatformObservations) -> list[Observation]:
    """Completed column list pages, one per URL as linked (the homepage itself and directories excluded)."""
    return _cached(obs, "columns", _column_pages)


def _column_pages(obs: PlatformObservations) -> list[Observation]:
    home = obs.homepage()
    home_keys = {url_without_scheme(home.url), url_without_scheme(home.data.get("final_url") or home.url)} \
        if home is not None else set()
    out, seen = [], set()
    for o in completed_pages(obs, "column"):
        key = url_without_scheme(o.url)
        if key in seen or key in home_keys or o.data.get("directory"):
            continue                        # a directory of sub-columns is no dated list: neither stale nor empty
        seen.add(key)
        out.append(o)
    return out


def names_linking_to(obs: PlatformObservations) -> dict[str, list[str]]:
    """Column URL (without scheme) → names the homepage gives it: list titles with that more_url, then link texts."""
    return _cached(obs, "names", _names_linking_to)


def _tail(url: str) -> str:
    """Path and query of a URL without parsing it (a cheap pre-filter before url_without_scheme)."""
    rest = url.split("://", 1)[-1]
    cut = rest.find("/")
    return rest[cut + 1:] if cut >= 0 else ""


def _names_linking_to(obs: PlatformObservations) -> dict[str, list[str]]:
    targets: set[str] = set()
    for o in column_pages(obs):
        targets.add(url_without_scheme(o.url))
        if o.data.get("final_url"):
            targets.add(url_without_scheme(o.data["final_url"]))
    tails = {t.split("/", 1)[1] if "/" in t else "" for t in targets}
    names: dict[str, list[str]] = {}

    def add(url: object, name: object) -> None:
        if isinstance(url, str) and name and _tail(url) in tails:
            key = url_without_scheme(url)
            if key in targets:
                names.setdefault(key, []).append(str(name))

    for home in completed_pages(obs, "home"):
        for block in home.data.get("lists") or []:
            if isinstance(block, dict):
                add(block.get("more_url"), block.get("title"))
        for link in home.data.get("links") or []:
            if isinstance(link, dict):
                add(link.get("url"), link.get("text"))
    return names


def column_names(o: Observation, linked: dict[str, list[str]]) -> list[str]:
    """The names of a column page, best first: its own column_title, then what linked to it."""
    own = [o.data.get("column_title") or ""]
    keys = [url_without_scheme(o.url)]
    final = o.data.get("final_url")
    if final:
        keys.append(url_without_scheme(final))
    for k in keys:
        own.extend(linked.get(k, []))
    return own


def is_empty(o: Observation) -> bool:
    """A column page whose main list was read and holds no item."""
    return "items" in o.data and not o.data.get("items")


def from_column_pages(judge: Callable[..., IndicatorResult]) -> Callable[[PlatformObservations, IndicatorContext],
                                                                        IndicatorResult]:
    """Decorator for the column-page indicators (empty and stale columns): ``judge(columns, linked, obs, ctx)``
    on the column pages read and the names the site links them by; missing when the homepage never loaded,
    not applicable when it led to no column page."""
    def evaluate(obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult:
        columns = column_pages(obs)
        if not columns:
            if obs.homepage() is None:
                return IndicatorResult.missing(R("home_not_loaded"))
            return IndicatorResult.not_applicable(R("no_column_page"))
        return judge(columns, names_linking_to(obs), obs, ctx)
    evaluate.__doc__ = judge.__doc__
    return evaluate


def column_flag(o: Observation, kind: str, detail: str, name: str, *,
                evidence_snippet: bool) -> tuple[Finding, Evidence]:
    """A column's finding of ``kind`` and its evidence, both saying ``detail``, the column named by ``name``."""
    finding = Finding(kind=kind, url=o.url, detail=detail, snippet=clip(name, 60),
                      evidence_url=o.data.get("final_url") or o.url)
    return finding, Evidence(url=o.url, detail=detail, snippet=clip(name, 60) if evidence_snippet else "")


def column_count(findings: list[Finding], evidence: list[Evidence], detail: str) -> IndicatorResult:
    """The column-page indicators' result: how many columns were flagged, with their evidence and findings."""
    return IndicatorResult(value=float(len(findings)), detail=detail, evidence=evidence, findings=findings)
