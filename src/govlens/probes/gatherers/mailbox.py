"""The leader-mailbox probe (领导信箱, series 3): the mailbox, its published letters, and a test letter.

A platform of kind ``mailbox`` is the mailbox's page. The probe

1. fetches it and reads it as a homepage (``page`` observation, role ``home``);
2. runs the interaction probe (:mod:`govlens.probes.gatherers.interaction`) from that page, as it runs on a
   website's homepage: the letter form, the letter lists, every published letter with its
   question and reply dates (``interaction`` and ``letter`` observations);
3. checks that letters can be submitted: it fills the letter form (text fields, the text area)
   and sends it **in sandbox mode only** — outside it no letter is ever sent to a real
   government, and the observation says so — then reads the receipt number (信件编号, 受理编号,
   查询码 …) from the answer (``mailbox_submit`` observation).

The probe never judges; the reply rate, the reply delay and whether the form works are the
indicators'. Why by hand: letter forms are free-form HTML; filling one as a citizen would needs
its fields, and no library submits arbitrary forms for a headless scanner.
"""
from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

from govlens.contract.observation import COMPLETED, Observation
from govlens.probes.base import Probe, ProbeContext
from govlens.probes.extract.html import HOME, extract_page
from govlens.probes.gatherers.interaction import InteractionProbe
from govlens.registry.model import Platform

NAME = "mailbox"
RECEIPT = re.compile(r"(?:信件编号|受理编号|查询码|查询编号|信件查询码|回执号|编号)\s*(?:为|是)?\s*[:：]?\s*([A-Za-z0-9-]{6,40})")
TEST_TEXT = "这是govlens评估系统在沙箱中发送的测试来信，用于检验信箱能否受理来信，请勿办理。"


def letter_form(html: str, base_url: str) -> dict[str, Any] | None:
    """The first form with a text area: its action, method and fields (name → what to type)."""
    tree = LexborHTMLParser(html)
    for form in tree.css("form"):
        if form.css_first("textarea") is None:
            continue
        fields: dict[str, str] = {}
        for node in form.css("input, textarea, select"):
            name = (node.attributes.get("name") or "").strip()
            if not name:
                continue
            kind = (node.attributes.get("type") or "text").lower() if node.tag == "input" else node.tag
            if kind in ("submit", "button", "image", "reset", "file"):
                continue
            if kind == "hidden":
                fields[name] = node.attributes.get("value") or ""
            elif node.tag == "textarea":
                fields[name] = TEST_TEXT
            elif re.search(r"phone|tel|mobile|dh", name, re.I):
                fields[name] = "13800000000"
            elif re.search(r"mail", name, re.I):
                fields[name] = "test@example.org"
            elif node.tag == "select":
                opt = node.css_first("option[value]")
                fields[name] = (opt.attributes.get("value") or "") if opt is not None else ""
            else:
                fields[name] = "测试来信"
        return {"action": urljoin(base_url, (form.attributes.get("action") or "").strip() or base_url),
                "method": (form.attributes.get("method") or "get").strip().lower(), "fields": fields}
    return None


class MailboxProbe(Probe):
    """One leader mailbox at a time: its page, its letters (the interaction probe), a test letter."""

    name = NAME

    async def setup(self, ctx: ProbeContext) -> None:
        self.ctx = ctx
        self.interaction = InteractionProbe()
        await self.interaction.setup(ctx)

    def prepare(self, platform: Platform) -> bool:
        return platform.kind == "mailbox" and platform.url.startswith(("http://", "https://"))

    async def probe(self, platform: Platform) -> list[Observation]:
        assert self.ctx is not None, "setup() first"
        url = platform.url.strip()
        r = await self.ctx.fetcher.fetch(url)
        if not (r.ok and r.is_html):
            return [Observation(platform_id=platform.id, probe=NAME, kind="page", url=url, status=r.status,
                                http_status=r.http_status, elapsed_ms=r.elapsed_ms,
                                data={"role": HOME, "final_url": r.final_url, "from_url": None,
                                      "error": r.error or ("not HTML" if r.ok else None)})]
        text, _, _ = r.text()
        final = r.final_url or url
        page = extract_page(text, final, platform_host=platform.host, role=HOME, reference=self.ctx.check_date)
        home = Observation(platform_id=platform.id, probe=NAME, kind="page", url=url, status=COMPLETED,
                           http_status=r.http_status, elapsed_ms=r.elapsed_ms,
                           data={**page, "role": HOME, "final_url": final, "from_url": None})
        found = await self.interaction.follow_up(platform, (home,))
        out = [home] + [Observation(platform_id=o.platform_id, probe=NAME, kind=o.kind, url=o.url, status=o.status,
                                    http_status=o.http_status, elapsed_ms=o.elapsed_ms, data=o.data) for o in found]
        summary = next((o.data for o in found if o.kind == "interaction"), {}) or {}
        out.append(await self._submit(platform, summary.get("forms") or []))
        return out

    async def _submit(self, platform: Platform, form_pages: list[str]) -> Observation:
        assert self.ctx is not None
        data: dict[str, Any] = {"form_url": None, "action": None, "method": None, "fields": [], "submitted": False,
                                "receipt": None, "reason": None, "error": None}
        if not form_pages:
            data["reason"] = "no letter form found"
            return Observation(platform_id=platform.id, probe=NAME, kind="mailbox_submit", url=platform.url,
                               status=COMPLETED, data=data)
        page_url = form_pages[0]
        r = await self.ctx.fetcher.fetch(page_url)
        form = letter_form(r.text()[0], r.final_url or page_url) if r.ok and r.is_html else None
        data["form_url"] = page_url
        if form is None:
            data["reason"] = "the form page did not load again"
            return Observation(platform_id=platform.id, probe=NAME, kind="mailbox_submit", url=page_url,
                               status=r.status, http_status=r.http_status, data=data)
        data.update(action=form["action"], method=form["method"], fields=sorted(form["fields"]))
        if self.ctx.sandbox_state is None:
            data["reason"] = "not sent: test letters are sent in sandbox mode only"
            return Observation(platform_id=platform.id, probe=NAME, kind="mailbox_submit", url=page_url,
                               status=COMPLETED, data=data)
        if form["method"] == "post":
            s = await self.ctx.fetcher.fetch(form["action"], method="POST", data=form["fields"])
        else:
            from urllib.parse import urlencode
            s = await self.ctx.fetcher.fetch(f"{form['action']}?{urlencode(form['fields'])}")
        data["submitted"] = True
        if s.ok and s.is_html:
            m = RECEIPT.search(" ".join(s.text()[0].split()))
            data["receipt"] = m.group(1) if m else None
            if not m:
                data["error"] = "no receipt number in the answer"
        else:
            data["error"] = s.error or s.status
        return Observation(platform_id=platform.id, probe=NAME, kind="mailbox_submit", url=form["action"],
                           status=s.status, http_status=s.http_status, elapsed_ms=s.elapsed_ms, data=data)
