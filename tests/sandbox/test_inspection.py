"""The sandbox's inspection-rule features are served exactly as its spec (and truth) says."""
from __future__ import annotations

import asyncio
import socket
import ssl

import dns.asyncresolver

from govlens.contract import defects as D
from govlens.sandbox.inspection import (
    FLAKY_WARMUP,
    GUIDE_ELEMENTS,
    flaky_fails,
    guide_indices,
)
from govlens.sandbox.site import attachment_path


def site_with(web, kind: str, *, without: tuple[str, ...] = ()):
    """A site that answers every request (healthy) and has ``kind`` (main or inspection flags)."""
    for s in web.sites:
        if s.has(kind) and s.healthy and not any(s.has(k) for k in without):
            return s
    raise AssertionError(f"no healthy site with {kind}")


def _letter_site(web, unanswered: bool):
    for s in web.sites:
        if s.inspection.letters and s.has(D.UNANSWERED_LETTER) == unanswered and s.healthy:
            return s
    raise AssertionError("no such site")


def test_letters_list_and_pages(client, web):
    s = _letter_site(web, unanswered=True)
    assert s.healthy
    status, _, body = client.fetch("https", s.host, "/hdjl/letters/index.html")
    text = body.decode(s.encoding, "replace")
    assert status == 200 and all(x.path in text for x in s.inspection.letters)
    late = next(x for x in s.inspection.letters if x.replied is None and (s.as_of - x.asked).days > 90)
    status, _, body = client.fetch("https", s.host, late.path)
    page = body.decode(s.encoding, "replace")
    assert status == 200 and "来信时间" in page and "回复时间" not in page
    answered = next(x for x in s.inspection.letters if x.replied)
    page = client.fetch("https", s.host, answered.path)[2].decode(s.encoding, "replace")
    assert answered.replied.isoformat() in page
    assert {"kind": D.UNANSWERED_LETTER, "url": f"{s.base}{late.path}"} in s.defects()


def test_no_channel_site_has_no_letters(client, web):
    s = site_with(web, D.NO_INTERACTION_CHANNEL, without=(D.SOFT_404,))
    assert client.fetch("https", s.host, "/hdjl/letters/index.html")[0] == 404
    home = client.fetch("https", s.host, s.home_path)[2].decode(s.encoding, "replace")
    assert "领导信箱</a>" not in home.split('<div class="quick">')[1].split("</div>")[0]


def test_guides_miss_exactly_the_spec_elements_and_attachments(client, web):
    s = next(x for x in web.sites if x.inspection.guide_missing and x.healthy)
    i, missing = next(iter(s.inspection.guide_missing.items()))
    page = client.fetch("https", s.host, f"/fw/fw_{i}.html")[2].decode(s.encoding, "replace")
    for element in GUIDE_ELEMENTS:
        assert (f"<h3>{element}</h3>" in page) == (element not in missing)
    good = next(g for g in guide_indices(s.n_services) if g != s.inspection.broken_attachment)
    status, headers, _ = client.fetch("https", s.host, attachment_path(good))
    assert status == 200 and headers["Content-Type"] == "application/msword"
    b = next(x for x in web.sites if x.inspection.broken_attachment and x.healthy)
    assert client.fetch("https", b.host, attachment_path(b.inspection.broken_attachment))[0] == 404


def test_soft_404_site_answers_200_for_missing_pages(client, web):
    soft = site_with(web, D.SOFT_404)
    hard = next(x for x in web.sites if not x.has(D.SOFT_404) and x.healthy)
    assert client.fetch("https", soft.host, "/no/such/page.html")[0] == 200
    assert client.fetch("https", hard.host, "/no/such/page.html")[0] == 404


def test_hsts_header_follows_the_spec(client, web):
    hsts = next(x for x in web.sites if x.scheme == "https" and not x.has(D.NO_HSTS) and x.healthy)
    none = next(x for x in web.sites if x.has(D.NO_HSTS) and x.healthy)
    assert "Strict-Transport-Security" in client.fetch("https", hsts.host, hsts.home_path)[1]
    assert "Strict-Transport-Security" not in client.fetch("https", none.host, none.home_path)[1]


def _handshake(port: int, ca: str, host: str) -> str | None:
    ctx = ssl.create_default_context(cafile=ca)
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as raw:
            with ctx.wrap_socket(raw, server_hostname=host):
                return None
    except ssl.SSLCertVerificationError as exc:
        return exc.verify_message


def test_expired_certificate_by_sni(sandbox, web):
    expired = next(x for x in web.sites if x.has(D.EXPIRED_CERTIFICATE))
    valid = next(x for x in web.sites if not x.has(D.EXPIRED_CERTIFICATE))
    assert "expired" in (_handshake(sandbox.https_port, str(sandbox.ca_file), expired.host) or "")
    assert _handshake(sandbox.https_port, str(sandbox.ca_file), valid.host) is None
    assert expired.scheme == "http" and expired.has(D.NO_HTTPS_REDIRECT)   # the site itself stays readable


def test_dns_answers_aaaa_only_for_ipv6_sites(sandbox, web):
    v6 = next(x for x in web.sites if not x.has(D.NO_IPV6) and x.healthy)
    v4 = site_with(web, D.NO_IPV6)

    async def ask(host, rdtype):
        r = dns.asyncresolver.Resolver(configure=False)
        r.nameservers, r.port = ["127.0.0.1"], sandbox.dns_port
        answer = await r.resolve(host, rdtype, raise_on_no_answer=False)
        return [x.to_text() for x in answer] if answer.rrset is not None else []

    assert asyncio.run(ask(v6.host, "AAAA")) == ["::1"]
    assert asyncio.run(ask(v4.host, "AAAA")) == [] and asyncio.run(ask(v4.host, "A")) == ["127.0.0.1"]


def test_flaky_sites_fail_only_after_the_warmup():
    fails = [flaky_fails(2013, "a.gov.cn", n, 0.3) for n in range(1, 2001)]
    assert not any(fails[:FLAKY_WARMUP])
    assert 0.25 < sum(fails[FLAKY_WARMUP:]) / len(fails[FLAKY_WARMUP:]) < 0.35
    assert fails == [flaky_fails(2013, "a.gov.cn", n, 0.3) for n in range(1, 2001)]     # deterministic


def test_wording_defects_are_in_the_pages_the_truth_names(client, web):
    s = next(x for x in web.sites if x.inspection.wrong_wording and x.healthy)
    code, phrase = s.inspection.wrong_wording
    url = next(d["url"] for d in s.defects() if d["kind"] == D.WRONG_WORDING)
    path = url.split(s.host, 1)[1]
    assert phrase in client.fetch("https", s.host, path)[2].decode(s.encoding, "replace")
    h = next(x for x in web.sites if x.inspection.harmful and x.healthy)
    assert h.inspection.harmful in client.fetch("https", h.host, h.home_path)[2].decode(h.encoding, "replace")
