"""The ``.政务`` name probe (中文政务域名, series 8): what a visitor meets through the Chinese name.

The seed's four check points are 1 registered, 2 an independent website, 3 reachable through the
Chinese name, 4 the Chinese name shown prominently on the homepage. The first is DNS (the ``dns``
probe asks the configurable resolver for the IDN, and records NXDOMAIN); this probe does the other
three over HTTP. ``prepare`` accepts platforms of kind ``cn_domain``; ``probe`` fetches the registry
URL (``http://浙江省人民政府.政务/``: the fetcher sends the name as punycode, IDNA 2008, as browsers do),
following redirects, and reads the page it ends on:

- ``internal_links``: distinct links to the page's own host (an organ's homepage has its navigation,
  news and services; a registrar's parking page has one or two links, and none of its own);
- the page's header and footer text — ``<header>`` / ``<footer>``, or the first and last element whose
  id or class says header/top/logo/banner or footer/bottom/copyright, images' alt text included —
  and whether the Chinese name is written there (compared after NFKC, so ``浙江省人民政府．政务`` with a
  full-width dot counts), or only elsewhere on the page, which is not prominent.

One ``cn_domain_site`` observation per platform (``docs/observations.md``). It never scores.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from govlens.contract.observation import Observation
from govlens.probes.base import Probe
from govlens.probes.gatherers.dns_records import ascii_host
from govlens.probes.extract.html import site_host
from govlens.registry.model import Platform

NAME = "cn_domain"
MAX_ZONE_TEXT = 600
_HEADER_WORDS = ("header", "top", "logo", "banner", "masthead")
_FOOTER_WORDS = ("footer", "foot", "bottom", "copyright")


def normalise(text: str) -> str:
    """NFKC, dots unified, no whitespace: how a written name is compared."""
    text = unicodedata.normalize("NFKC", text or "").replace("。", ".").replace("｡", ".")
    return "".join(text.split()).lower()


def written(text: str, name: str, before: int = 8) -> str:
    """The name as ``text`` writes it, with the label just before it if any (``中文域名：浙江省人民政府．政务``)."""
    parts = [r"[.．。｡]" if ch == "." else re.escape(ch) for ch in name if not ch.isspace()]
    m = re.search(r"\s*".join(parts), unicodedata.normalize("NFC", text or ""), re.I)
    if m is None:
        return ""
    head = text[max(0, m.start() - before):m.start()].rstrip()
    label = head.split()[-1] if head.endswith(("：", ":")) else ""      # 中文域名： just before it
    return " ".join(f"{label}{text[m.start():m.end()]}".split())


def _marked(node: LexborNode, words: tuple[str, ...]) -> bool:
    attrs = node.attributes
    marks = f"{attrs.get('id') or ''} {attrs.get('class') or ''}".lower()
    return any(w in marks for w in words)


def _zone_text(node: LexborNode) -> str:
    alts = " ".join(img.attributes.get("alt") or "" for img in node.css("img[alt]"))
    return " ".join(f"{node.text(separator=' ')} {alts}".split())


def zones(tree: LexborHTMLParser) -> tuple[str, str, str]:
    """(header text, footer text, how they were found) of a page."""
    body = tree.body
    if body is None:
        return "", "", "none"
    header = body.css_first("header")
    footers = body.css("footer")
    footer = footers[-1] if footers else None
    how = "tags"
    if header is None or footer is None:
        how = "marks" if header is None and footer is None else "tags+marks"
        blocks = [n for n in body.css("div, section, table, td, p, span, ul") if n.tag != "html"]
        if header is None:
            header = next((n for n in blocks if _marked(n, _HEADER_WORDS)), None)
        if footer is None:
            footer = next((n for n in reversed(blocks) if _marked(n, _FOOTER_WORDS)), None)
    text = " ".join(body.text(separator=" ").split())
    if header is None and footer is None:
        return text[:200], text[-300:], "position"
    return (_zone_text(header)[:MAX_ZONE_TEXT] if header is not None else "",
            _zone_text(footer)[:MAX_ZONE_TEXT] if footer is not None else "", how)


def site_facts(html: str, url: str, name: str) -> dict[str, Any]:
    """Internal links, header and footer, and where ``name`` is written, on the page at ``url``."""
    tree = LexborHTMLParser(html or "")
    host = site_host(urlsplit(url).hostname or "")
    internal: set[str] = set()
    external = 0
    for a in tree.css("a[href]"):
        target = urljoin(url, (a.attributes.get("href") or "").strip()).split("#", 1)[0]
        if not target.startswith(("http://", "https://")):
            continue
        if site_host(urlsplit(target).hostname or "") == host:
            if target.rstrip("/") != url.split("#", 1)[0].rstrip("/"):
                internal.add(target)
        else:
            external += 1
    title = tree.css_first("title")
    header, footer, how = zones(tree)
    wanted = normalise(name)
    body = tree.body
    whole = normalise(body.text(separator=" ")) if body is not None else ""
    in_header, in_footer = wanted in normalise(header), wanted in normalise(footer)
    where = [z for z, hit in (("header", in_header), ("footer", in_footer)) if hit]
    snippet = ""
    for zone, hit in ((header, in_header), (footer, in_footer)):
        if hit:
            snippet = written(zone, name)
            break
    return {"title": " ".join(title.text().split())[:200] if title is not None else None,
            "internal_links": len(internal), "external_links": external, "header_text": header[:300],
            "footer_text": footer[:300], "zones": how, "name_shown": where, "name_elsewhere": wanted in whole
            and not where, "snippet": snippet}


class CnDomainProbe(Probe):
    """One ``.政务`` name at a time, over HTTP through the name itself."""

    name = NAME

    def prepare(self, platform: Platform) -> bool:
        return platform.kind == "cn_domain" and platform.url.strip().startswith(("http://", "https://"))

    async def probe(self, platform: Platform) -> list[Observation]:
        assert self.ctx is not None, "setup() first"
        url = platform.url.strip()
        idn = (urlsplit(url).hostname or "").lower()
        r = await self.ctx.fetcher.fetch(url)
        final = r.final_url or url
        data: dict[str, Any] = {"idn": idn, "ascii_host": ascii_host(idn) if idn else None, "final_url": final,
                                "final_host": (urlsplit(final).hostname or "").lower(), "redirects": r.redirects,
                                "html": False, "error": r.error}
        if r.ok and r.is_html:
            data["html"] = True
            data.update(site_facts(r.text()[0], final, idn))
        return [Observation(platform_id=platform.id, probe=NAME, kind="cn_domain_site", url=url, status=r.status,
                            http_status=r.http_status, elapsed_ms=r.elapsed_ms, data=data)]
