"""The hostile sandbox: misbehaving websites, each with the visit status a correct scanner records.

Government websites in the wild are slow, broken, misconfigured and sometimes compromised. This
catalogue lists one site per misbehaviour (``HOSTILE_SITES``); :mod:`govlens.sandbox.hostile_server`
serves them on loopback, next to the normal sandbox web, and :func:`write_truth` writes the ground
truth: for each site the status of its homepage ``page`` observation (a name of
:mod:`govlens.contract.statuses`, the only vocabulary shared with the scanner) and, for a few, one more
expectation (the ``robots`` observation's status, the decoded title, the ``cause`` of a TLS
failure, a bound on pages crawled).

Hosts end in ``.hostile.test`` (RFC 2606: never a real name). Platform ids are
``hostile-<kind>``. ``check_store`` compares a scan's campaign store with the truth, reading the
DuckDB file directly: the sandbox imports nothing of the probes.
"""
from __future__ import annotations

import csv
import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govlens import messages
from govlens.atomic import atomic_write_text
from govlens.contract import statuses as S
from govlens.errors import InputError
from govlens.registry.model import FIELDS, Platform

DOMAIN = "hostile.test"
# Titles of the pages whose decoding is the point (charset kinds), and of the injection page.
TITLE_GBK = "字符集错标测试：清河县人民政府"
TITLE_NO_CHARSET = "未声明字符集测试：青山区人民政府"
TITLE_BAD_UTF8 = "无效字节测试：东湖区人民政府"
TITLE_DEEP = "深层嵌套测试：南岭镇人民政府"
TITLE_INJECTION = '<script>alert("通报")</script>\u202e国务院\u202c<img src=x onerror=alert(1)>'
RETRY_AFTER_SHORT = 1           # seconds: honoured
RETRY_AFTER_LONG = 3600         # seconds: over any sane cap, never waited for
METADATA_ADDRESS = "169.254.169.254"
REBINDING_ADDRESS = "10.0.0.7"


@dataclass(frozen=True, slots=True)
class HostileSite:
    """One misbehaving site: what it does and what the scanner must record."""

    kind: str
    note: str                                    # what the server does
    home: str                                    # expected status of the homepage page observation
    scheme: str = "http"
    expect: dict[str, Any] = field(default_factory=dict)   # further expectations (see module docstring)
    transport: str = "raw"                       # raw (our socket server), tls (SNI cert), refused, none

    @property
    def label(self) -> str:
        return self.kind.replace("_", "-")

    @property
    def host(self) -> str:
        return f"{self.label}.{DOMAIN}"

    @property
    def platform_id(self) -> str:
        return f"hostile-{self.label}"

    @property
    def url(self) -> str:
        return f"{self.scheme}://{self.host}/"


HOSTILE_SITES: tuple[HostileSite, ...] = (
    # --- the network
    HostileSite("connection_refused", "nothing listens on the port", S.CONNECTION_REFUSED, transport="refused"),
    HostileSite("dns_failure", "the name does not resolve", S.DNS_ERROR, transport="none"),
    HostileSite("reset_mid_body", "sends 20 KB of a declared 200 KB, then a TCP RST", S.CONNECTION_RESET),
    HostileSite("empty_reply", "reads the request and closes without a byte", S.CONNECTION_RESET),
    HostileSite("never_answers", "accepts, reads the request, never answers", S.TIMEOUT),
    HostileSite("slowloris", "answers one byte every 2 seconds, forever", S.TIMEOUT),
    # --- size
    HostileSite("endless_body", "a chunked body that never ends", S.TOO_LARGE),
    HostileSite("huge_page", "a 50 MB page (declared in Content-Length)", S.TOO_LARGE),
    HostileSite("huge_page_undeclared", "a 50 MB page without Content-Length", S.TOO_LARGE),
    HostileSite("gzip_bomb", "100 KB of gzip that inflates to 100 MB", S.TOO_LARGE),
    HostileSite("brotli_bomb", "a few bytes of brotli that inflate to 100 MB", S.TOO_LARGE),
    HostileSite("deflate_bomb", "100 KB of deflate that inflates to 100 MB", S.TOO_LARGE),
    # --- redirects and targets
    HostileSite("redirect_loop", "/ → /a → /b → /a …", S.TOO_MANY_REDIRECTS),
    HostileSite("redirect_chain", "a chain of 50 redirects", S.TOO_MANY_REDIRECTS),
    HostileSite("redirect_private", "redirects to http://10.0.0.1/ (a private address)", S.BLOCKED_TARGET),
    HostileSite("redirect_metadata", "redirects to a name that resolves to 169.254.169.254", S.BLOCKED_TARGET),
    HostileSite("dns_rebinding", "its own name resolves to a private address", S.BLOCKED_TARGET),
    HostileSite("redirect_bad_scheme", "redirects to file:///etc/passwd", S.INVALID_URL),
    # --- HTTP framing
    HostileSite("wrong_content_length", "declares 50,000 bytes, sends 1,000 and closes", S.PROTOCOL_ERROR),
    HostileSite("invalid_chunked", "Transfer-Encoding: chunked with a chunk size that is not hex",
                S.PROTOCOL_ERROR),
    HostileSite("garbage_response", "answers with bytes that are not HTTP", S.PROTOCOL_ERROR),
    HostileSite("huge_header", "a 100 KB header line", S.PROTOCOL_ERROR),
    # --- content
    HostileSite("invalid_utf8", "declares UTF-8, holds invalid UTF-8 bytes", S.COMPLETED,
                expect={"title": TITLE_BAD_UTF8}),
    HostileSite("mislabelled_gbk", "declares UTF-8 in the header, is GBK", S.COMPLETED,
                expect={"title": TITLE_GBK}),
    HostileSite("no_charset", "GBK declared nowhere", S.COMPLETED, expect={"title": TITLE_NO_CHARSET}),
    HostileSite("binary_as_html", "a PNG image served as text/html", S.NOT_HTML),
    HostileSite("deep_html", "100,000 unclosed nested tags", S.COMPLETED, expect={"title": TITLE_DEEP}),
    HostileSite("calendar_trap", "an endless calendar: every month page links to the next, 3,000 links each",
                S.COMPLETED, expect={"bounded_crawl": True}),
    HostileSite("script_injection", "<script>, javascript: links, RTL overrides in title and text",
                S.COMPLETED, expect={"title": TITLE_INJECTION}),
    # --- robots.txt
    HostileSite("robots_huge", "a 10 MB robots.txt", S.COMPLETED, expect={"robots": S.TOO_LARGE}),
    HostileSite("robots_garbage", "a robots.txt of binary garbage", S.COMPLETED, expect={"robots": S.COMPLETED}),
    # --- TLS
    HostileSite("tls_expired", "a certificate that expired in 2001", S.TLS_ERROR, scheme="https",
                transport="tls", expect={"cause": S.CERT_EXPIRED}),
    HostileSite("tls_self_signed", "a self-signed certificate", S.TLS_ERROR, scheme="https",
                transport="tls", expect={"cause": S.CERT_UNTRUSTED}),
    HostileSite("tls_wrong_host", "a certificate for another host name", S.TLS_ERROR, scheme="https",
                transport="tls", expect={"cause": S.CERT_WRONG_HOST}),
    # --- politeness
    HostileSite("rate_limited", f"429 with Retry-After: {RETRY_AFTER_SHORT} on the first request of each URL",
                S.COMPLETED, expect={"retried": True}),
    HostileSite("rate_limited_long", f"429 with Retry-After: {RETRY_AFTER_LONG}, always", S.HTTP_ERROR,
                expect={"http_status": 429}),
    HostileSite("flapping_503", "the homepage answers 503 and 200 in turn", S.COMPLETED,
                expect={"some_visit": S.HTTP_ERROR}),
)
BY_HOST: dict[str, HostileSite] = {s.host: s for s in HOSTILE_SITES}
SPECIAL_ADDRESSES = {f"redirect-target.{DOMAIN}": METADATA_ADDRESS, f"dns-rebinding.{DOMAIN}": REBINDING_ADDRESS}


def hostile_platforms() -> list[Platform]:
    """One registry platform per hostile site (a county government website in 北京, group county)."""
    return [Platform(id=s.platform_id, name=f"异常站点：{s.note}"[:120], kind="website", org_type="government",
                     level="county", province="北京", region="east", url=s.url, group="county")
            for s in HOSTILE_SITES]


def served_hosts() -> list[str]:
    """Host names the sandbox resolves for the hostile web (the DNS-failure host is not one)."""
    return [s.host for s in HOSTILE_SITES if s.transport != "none"] + [f"redirect-target.{DOMAIN}"]


def truth() -> dict[str, Any]:
    return {"domain": DOMAIN, "sites": [
        {"platform_id": s.platform_id, "kind": s.kind, "host": s.host, "url": s.url, "note": s.note,
         "home": s.home, **({"expect": s.expect} if s.expect else {})} for s in HOSTILE_SITES]}


def write_truth(path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(path, json.dumps(truth(), ensure_ascii=False, indent=1) + "\n")
    return path


def write_registry(path: str | Path) -> Path:
    """The hostile platforms as a registry CSV (same columns as any registry)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(FIELDS)
        for p in hostile_platforms():
            w.writerow([getattr(p, f) for f in FIELDS])
    return path


# ---------------------------------------------------------------------------- checking a scan
@dataclass(frozen=True, slots=True)
class HostileResult:
    platform_id: str
    kind: str
    expected: str
    recorded: str | None
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def _int(value: Any) -> int | None:
    """An HTTP status as read from a frame (NULL is NA or NaN there)."""
    import pandas as pd
    return None if pd.isna(value) else int(value)


def check_store(truth_path: str | Path, store_path: str | Path, *, max_pages: int | None = None) -> list[HostileResult]:
    """Compare the observations in a campaign store with the hostile truth, site by site.

    ``max_pages`` bounds the ``page`` observations of the crawler trap (default: the scan's
    ``CRAWL_MAX_PAGES`` as stored in the campaign's effective settings).
    """
    from govlens.sandbox.check import open_store

    try:
        doc = json.loads(Path(truth_path).read_text(encoding="utf-8"))
        sites = doc["sites"]
    except (OSError, ValueError, KeyError, TypeError):
        raise InputError(messages.t("sandbox_errors.not_hostile_truth"), file=str(truth_path)) from None
    store = open_store(store_path)
    try:
        if max_pages is None:
            max_pages = int((store.get_meta("settings") or {}).get("CRAWL_MAX_PAGES", 60))
        out = []
        for site in sites:
            rows = store.select("observations", "kind", "status", "http_status", "data",
                                platform_id=site["platform_id"]).itertuples(index=False, name=None)
            out.append(_check_site(site, [(k, s, _int(h), json.loads(d) if isinstance(d, str) else (d or {}))
                                          for k, s, h, d in rows], max_pages))
        return out
    finally:
        store.close()


def _check_site(site: dict[str, Any], rows: list[tuple[str, str, int | None, dict[str, Any]]],
                max_pages: int) -> HostileResult:
    problems: list[str] = []
    homes = [r for r in rows if r[0] == "page" and r[3].get("role") == "home"]
    recorded = homes[0][1] if homes else None
    if len(homes) != 1:
        problems.append(messages.t("sandbox_errors.homes", n=len(homes)))
    if recorded != site["home"]:
        problems.append(messages.t("sandbox_errors.home_status", value=_shown(recorded), expected=_shown(site["home"])))
    expect = site.get("expect") or {}
    if "title" in expect and homes and homes[0][3].get("title") != expect["title"]:
        problems.append(messages.t("sandbox_errors.title", value=_shown(homes[0][3].get("title")),
                                   expected=_shown(expect["title"])))
    if "cause" in expect and homes and homes[0][3].get("cause") != expect["cause"]:
        problems.append(messages.t("sandbox_errors.cause", value=_shown(homes[0][3].get("cause")),
                                   expected=_shown(expect["cause"])))
    if "http_status" in expect and homes and homes[0][2] != expect["http_status"]:
        problems.append(messages.t("sandbox_errors.http_status", value=_shown(homes[0][2]),
                                   expected=_shown(expect["http_status"])))
    if "robots" in expect:
        robots = [r[1] for r in rows if r[0] == "robots"]
        if robots != [expect["robots"]]:
            problems.append(messages.t("sandbox_errors.robots", value=_shown_list(robots),
                                       expected=_shown_list([expect["robots"]])))
    if expect.get("bounded_crawl"):
        pages = sum(1 for r in rows if r[0] == "page")
        if pages > max_pages:
            problems.append(messages.t("sandbox_errors.pages", n=pages, bound=max_pages))
    if expect.get("retried"):
        visits = [r for r in rows if r[0] == "visit"]
        if not visits or not all(r[1] == S.COMPLETED and (r[3].get("retries") or 0) >= 1 for r in visits[:1]):
            problems.append(messages.t("sandbox_errors.not_retried"))
    if "some_visit" in expect:
        if not any(r[0] == "visit" and r[1] == expect["some_visit"] for r in rows):
            problems.append(messages.t("sandbox_errors.no_visit", status=_shown(expect["some_visit"])))
    return HostileResult(platform_id=site["platform_id"], kind=site["kind"], expected=site["home"],
                         recorded=recorded, problems=tuple(problems))


def _shown(value: Any) -> str:
    """A recorded or expected value, quoted and bounded; none as a dash. A page title is the hostile site's
    text: its control and format characters (RTL overrides) are written as escapes, not sent to the terminal."""
    if value is None:
        return messages.quote(messages.t("format.none"))
    text = "".join(c if unicodedata.category(c)[0] != "C" else f"\\u{ord(c):04x}" for c in str(value)[:100])
    return messages.quote(text)


def _shown_list(values: list[Any]) -> str:
    return messages.join([_shown(v) for v in values]) if values else messages.t("format.none")


def format_results(results: list[HostileResult]) -> str:
    from govlens.sandbox.check import header

    lines = [header(("kind", 22), ("expected", 20), ("recorded", 20), ("ok", 2))]
    sep = "；" if messages.current() == "zh-CN" else "; "
    for r in results:
        recorded = r.recorded or messages.t("format.none")
        ok = messages.t("sandbox_cli.yes") if r.ok else messages.t("sandbox_cli.no", why=sep.join(r.problems))
        lines.append(f"{r.kind:<22} {r.expected:<20} {recorded:<20} {ok}")
    return "\n".join(lines)
