"""The service-guide probe (办事服务): 办事指南 pages, their key elements and their downloads.

The 2019 indicators ask that every service guide state eight key elements and that its forms
can be downloaded. The probe follows the HTTP site probe: the internal links of the homepage
and the crawled pages whose text names a guide (办事指南, 服务指南) are fetched, at most
``SERVICE_GUIDES_MAX`` per site, and each becomes one ``service_guide`` observation:

``{"title", "elements": {"依据": true, …}, "missing": ["收费", …], "attachments":
[{"url", "text", "status", "http_status", "content_type", "ok"}]}``

*An element is present* when one of its labels (设定依据, 法律依据 …) stands as a label on the
page: a heading, a table header or cell, a definition term, bold text, or "label：" in the
text. The page chrome (header, navigation, footer) is left out, so a footer's telephone
number does not count as the guide's 咨询电话.

*An attachment* is a link to a document (.doc, .docx, .pdf, .xls, .xlsx, .wps, .zip, .rar)
or a link named 下载; it is checked through the campaign's link checker (HEAD, GET when
needed). A document link that answers with an HTML page (a "soft 404") is not a download.

Why by hand: the element labels are the inspection rules' own vocabulary.
"""
from __future__ import annotations

import asyncio
import re
from collections.abc import Sequence
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from govlens.contract.observation import Observation
from govlens.probes.base import FollowUpProbe, ProbeContext, earlier_pages
from govlens.probes.extract.html import site_host, url_host
from govlens.registry.model import Platform

NAME = "service_guides"
GUIDE_WORDS = re.compile(r"办事指南|服务指南|办理指南|事项指南")
#: element → its labels (the 2019 indicators' eight key elements of a service guide)
ELEMENTS: dict[str, tuple[str, ...]] = {
    "依据": ("设定依据", "法律依据", "办理依据", "实施依据", "法定依据", "政策依据"),
    "条件": ("受理条件", "申请条件", "办理条件", "申报条件", "准予条件"),
    "材料": ("申请材料", "所需材料", "提交材料", "办理材料", "申报材料", "材料清单"),
    "流程": ("办理流程", "办事流程", "办理程序", "审批流程", "业务流程"),
    "时限": ("办理时限", "承诺时限", "法定时限", "审批时限", "办结时限"),
    "收费": ("收费标准", "收费依据", "是否收费", "收费情况", "收费项目"),
    "地点": ("办理地点", "受理地点", "办公地点", "办理地址", "受理窗口"),
    "电话": ("咨询电话", "联系电话", "咨询方式", "监督电话", "咨询投诉"),
}
_DOC_EXT = re.compile(r"\.(?:docx?|pdf|xlsx?|wps|zip|rar|7z|et)(?:$|\?)", re.I)
# a link labelled only "办事指南" leads to the list of guides (a column or a section), not to one guide
_INDEX_LABELS = frozenset({"办事指南", "服务指南", "办理指南", "事项指南", "办事指南>>", "更多办事指南"})
_LABEL_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "th", "td", "dt", "strong", "b", "label")
_CHROME = re.compile(r"nav|menu|footer|header|foot|top|banner", re.I)


def elements_present(html: str) -> tuple[dict[str, bool], str]:
    """Which of :data:`ELEMENTS` the page labels, and its ``<h1>`` (or title)."""
    tree = LexborHTMLParser(html)
    body = tree.body
    h1 = tree.css_first("h1") or tree.css_first("title")
    title = " ".join((h1.text() if h1 is not None else "").split())[:80]
    if body is None:
        return {k: False for k in ELEMENTS}, title
    chrome = [n for n in body.traverse() if _is_chrome(n)]
    ids = {n.mem_id for n in chrome}
    for node in chrome:                     # remove the outermost chrome nodes only (their insides go with them)
        if not _has_ancestor_in(node, ids):
            node.decompose()
    labels = [text for node in body.traverse() if node.tag in _LABEL_TAGS
              and (text := node.text(deep=True, separator=" ").strip()) and len(text) <= 20]
    colon_labels = re.findall(r"([\u4e00-\u9fff]{2,6})\s*[:：]", body.text(deep=True, separator=" "))
    haystack = " ".join(labels + colon_labels)
    return {k: any(w in haystack for w in words) for k, words in ELEMENTS.items()}, title


def _has_ancestor_in(node: LexborNode, ids: set[int]) -> bool:
    cur = node.parent
    while cur is not None:
        if cur.mem_id in ids:
            return True
        cur = cur.parent
    return False


def _is_chrome(node: LexborNode) -> bool:
    """The header, navigation or footer of a page (by tag, class or id)."""
    if node.tag in ("nav", "header", "footer"):
        return True
    if node.tag not in ("div", "section", "ul", "table", "p", "span"):
        return False
    marker = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
    return bool(_CHROME.search(marker))


def attachments(html: str, base_url: str) -> list[tuple[str, str]]:
    """(absolute URL, link text) of the page's document downloads."""
    from urllib.parse import urljoin

    out: dict[str, str] = {}
    for a in LexborHTMLParser(html).css("a[href]"):
        href = (a.attributes.get("href") or "").strip()
        text = " ".join(a.text(deep=True).split())[:40]
        if not href or href.startswith(("javascript:", "mailto:", "#")):
            continue
        if _DOC_EXT.search(href) or "下载" in text:
            try:
                out.setdefault(urljoin(base_url, href).split("#", 1)[0], text)
            except ValueError:
                continue
    return list(out.items())[:20]


class ServiceGuidesProbe(FollowUpProbe):
    """Follows ``http_site``: the site's 办事指南 pages."""

    name = NAME

    async def setup(self, ctx: ProbeContext) -> None:
        self.ctx = ctx
        self.max_guides = ctx.settings.getint("SERVICE_GUIDES_MAX")

    def prepare(self, platform: Platform) -> bool:
        return platform.kind in ("website", "")

    async def follow_up(self, platform: Platform, earlier: Sequence[Observation]) -> list[Observation]:
        assert self.ctx is not None, "setup() first"
        pages = earlier_pages(earlier)
        hosts = {site_host(url_host((p.data or {}).get("final_url") or p.url)) for p in pages}
        guides: dict[str, str] = {}
        for p in pages:
            for link in (p.data or {}).get("links") or []:
                url = link.get("url") or ""
                text = (link.get("text") or "").strip()
                if link.get("internal") and GUIDE_WORDS.search(text) and text not in _INDEX_LABELS \
                        and site_host(url_host(url)) in hosts and not _DOC_EXT.search(url):
                    guides.setdefault(url, link.get("text") or "")
        chosen = list(guides)[: self.max_guides]
        results = await asyncio.gather(*(self.ctx.fetcher.fetch(u) for u in chosen))
        return list(await asyncio.gather(*(self._guide(platform, url, r) for url, r in zip(chosen, results))))

    async def _guide(self, platform: Platform, url: str, r: Any) -> Observation:
        data: dict[str, Any] = {"title": None, "elements": {}, "missing": [], "attachments": []}
        if r.ok and r.is_html:
            text, _, _ = r.text()
            found, title = elements_present(text)
            data.update(title=title, elements=found, missing=[k for k, v in found.items() if not v])
            links = attachments(text, r.final_url or url)
            checks = await asyncio.gather(*(self.ctx.link_checker.check(u) for u, _ in links))
            for (href, label), res in zip(links, checks):
                html_instead = _DOC_EXT.search(href) is not None and res.ok and \
                    "html" in (res.content_type or "").lower()
                data["attachments"].append({"url": href, "text": label, "status": res.status,
                                            "http_status": res.http_status, "content_type": res.content_type,
                                            "ok": res.ok and not html_instead})
        status = "not_html" if r.ok and not r.is_html else r.status
        return Observation(platform_id=platform.id, probe=NAME, kind="service_guide", url=url, status=status,
                           http_status=r.http_status, elapsed_ms=r.elapsed_ms, data=data)

