"""``govlens page``: one page through the scanner's extraction and the page-level indicators.

A file is read as it is; a URL is fetched with the campaign fetcher (bounds, blocked
targets; sandbox hosts when a ``sandbox.json`` is given). The page's facts come from
:func:`govlens.probes.extract.explain.explain_page`; its findings from every indicator that needs
nothing but a page, run on a one-page platform exactly as in a campaign — so the answer to
"why was this page called stale?" is the campaign's own reasoning.
"""
from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from govlens import messages
from govlens.contract.observation import COMPLETED, Observation
from govlens.errors import InputError
from govlens.indicators import catalogue
from govlens.indicators.base import IndicatorContext, PlatformObservations
from govlens.probes.extract.explain import explain_page
from govlens.probes.extract.html import HOME
from govlens.probes.extract.wording import load_wording
from govlens.probes.extract.year_evidence import http_date
from govlens.registry.model import Platform
from govlens.settings import Settings
from govlens.text import render
from govlens.visit_text import describe_visit

PAGE_ONLY = frozenset({"page"})


WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")


def read_page(target: str, base_url: str | None, settings: Settings,
              sandbox: str | None = None, warc_url: str | None = None) -> tuple[bytes, str, str, dict[str, Any]]:
    """(body, content type, URL, fetch facts) of a file, a WARC record or a URL."""
    if warc_url is not None or target.lower().endswith(WARC_SUFFIXES):
        return read_warc_page(target, warc_url, settings)
    if "://" not in target:
        path = Path(target)
        try:
            body = path.read_bytes()[: settings.getint("HTTP_MAX_BODY_BYTES")]
        except OSError as exc:
            raise InputError(messages.t("import.cannot_read", errno=exc.errno or "—"), file=target) from None
        return body, "", base_url or path.resolve().as_uri(), {"source": "file"}
    from govlens.probes.net.fetch import Fetcher, load_sandbox_state  # the HTTP stack only when there is a URL

    state = load_sandbox_state(sandbox) if sandbox else None

    async def fetch() -> Any:
        async with Fetcher(settings, sandbox_state=state) as fetcher:
            return await fetcher.fetch(target)

    r = asyncio.run(fetch())
    facts = {"source": "fetched", "status": r.status, "http_status": r.http_status, "final_url": r.final_url,
             "redirects": r.redirects, "elapsed_ms": r.elapsed_ms, "error": r.error,
             "last_modified": r.headers.get("last-modified")}
    if not r.body:
        raise InputError(messages.t("page.nothing", status=render(describe_visit(r.status, http_status=r.http_status),
                                                                  messages.current())), file=target)
    return r.body, r.content_type, base_url or r.final_url or target, facts


def read_warc_page(target: str, url: str | None, settings: Settings) -> tuple[bytes, str, str, dict[str, Any]]:
    """The page archived for ``url`` in the WARC file ``target`` (redirects followed as archived).

    A missing file, a URL the archive has no record of, a record that is not an HTML page are
    :class:`~govlens.probes.warc.source.WarcRecordError` (file and offset named); the archive's
    other bad records do not stop the read: they are listed in ``warc_problems``."""
    from govlens.probes.warc.replay import WarcFetcher
    from govlens.probes.warc.source import WarcIndex, WarcRecordError, read_response

    if not url:
        raise InputError(messages.t("page.warc_needs_url"), file=target)
    index = WarcIndex.build([target])
    fetcher = WarcFetcher(index, settings)
    r = asyncio.run(fetcher.fetch(url))
    entry = index.lookup("GET", r.final_url or url)
    if entry is None:
        raise WarcRecordError("not_in_archive", file=target, url=r.final_url or url)
    record = read_response(index.files[entry.file], entry.offset, 0, index)
    if r.status not in (COMPLETED, "too_large", "http_error") or not r.is_html:
        raise WarcRecordError("not_html", file=target, offset=entry.offset, url=r.final_url or url,
                              detail=(r.content_type or "-")[:100])
    facts = {"source": "warc", "file": str(Path(target).resolve()), "record_offset": entry.offset,
             "record_id": record.record_id, "warc_date": record.date, "status": r.status,
             "http_status": r.http_status, "final_url": r.final_url, "redirects": r.redirects,
             "last_modified": r.headers.get("last-modified"),
             "warc_problems": [{"key": e.key, **e.params()} for e in index.problems]}
    return r.body, r.content_type, r.final_url or url, facts


def check_page(target: str, *, base_url: str | None = None, role: str = HOME, check_date: date | None = None,
               settings: Settings | None = None, sandbox: str | None = None,
               warc_url: str | None = None, locale: str = "zh-CN") -> dict[str, Any]:
    """The explanation of one page, with the findings of the page-level indicators (their texts in ``locale``)."""
    settings = settings or Settings()
    reference = check_date or date.today()
    body, ctype, url, fetched = read_page(target, base_url, settings, sandbox, warc_url)
    wording = load_wording(settings["WORDING_FILE"]) if settings.getbool("WORDING_CHECK") else None
    host = urlsplit(url).hostname or ""
    report = explain_page(body, ctype, url, platform_host=host, role=role, reference=reference, wording=wording,
                          last_modified=http_date(fetched.get("last_modified")))
    payload = report.pop("_payload")
    report["fetch"] = fetched
    platform = Platform(id="page", name=report.get("title") or url, kind="website", org_type="other",
                        level="county", province="", region="", url=url, group="")
    observation = Observation(platform_id="page", probe="http_site", kind="page", url=url, status=COMPLETED,
                              http_status=fetched.get("http_status") or 200, elapsed_ms=fetched.get("elapsed_ms"),
                              data={"role": role, "final_url": url, "from_url": None, **payload})
    obs = PlatformObservations(platform, [observation])
    ctx = IndicatorContext(check_date=reference, settings=settings)
    indicators, findings = {}, []
    for module in catalogue.all_modules():
        if not set(module.REQUIRES) <= PAGE_ONLY:
            continue
        result = module.evaluate(obs, ctx)
        indicators[module.ID] = {"value": result.value, "status": result.status,
                                 "detail": render(result.detail, locale)}
        findings += [{"kind": f.kind, "url": f.url, "detail": render(f.detail, locale), "snippet": f.snippet}
                     for f in result.findings]
    report["check_date"] = reference.isoformat()
    report["indicators"] = indicators
    report["findings"] = findings
    return report
