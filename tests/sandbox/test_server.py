"""The real server on loopback: routing by Host on both ports, TLS, redirects, encodings, outages."""
from __future__ import annotations

import asyncio
import json
import time

from govlens.contract import defects as D
from govlens.sandbox.server import start_server

from .conftest import SLOW_DELAY, site_with


def _healthy(web, *, encoding=None, without=()):
    for s in web.sites:
        if s.healthy and not (s.flags & {D.NO_HTTPS_REDIRECT, *without}) and s.home_path == "/":
            if encoding is None or s.encoding == encoding:
                return s
    raise AssertionError("no such site")


def test_state_file_and_ca(sandbox, web):
    state = json.loads(sandbox.state_file.read_text(encoding="utf-8"))
    assert state["http_port"] == sandbox.http_port and state["https_port"] == sandbox.https_port
    assert state["hosts"] == web.hosts()
    assert state["seed"] == web.seed and state["as_of"] == web.as_of.isoformat()
    assert sandbox.ca_file.read_text().startswith("-----BEGIN CERTIFICATE-----")
    other = sandbox.write_state(sandbox.state_dir / "copy.json")
    assert json.loads(other.read_text(encoding="utf-8")) == state


def test_routing_by_host_on_both_ports(client, web):
    a = _healthy(web)
    b = next(s for s in web.sites if s.healthy and s is not a and D.NO_HTTPS_REDIRECT in s.flags)
    (sa, _, ba), (sb, _, bb), (sc, _, bc) = client.fetch_all([
        ("GET", "https", a.host, "/"), ("GET", "https", b.host, b.home_path), ("GET", "http", b.host, b.home_path)])
    assert sa == sb == sc == 200
    assert a.name.encode(a.encoding) in ba and b.name.encode(b.encoding) in bb
    assert bb == bc                                   # http serves the same page when it does not redirect


def test_http_redirects_to_https(client, web):
    s = _healthy(web)
    status, headers, body = client.fetch("http", s.host, "/col/x/index.html?a=1")
    assert status == 301
    assert headers["Location"] == f"https://{s.host}/col/x/index.html?a=1"


def test_no_https_redirect_serves_http(client, web):
    s = site_with(web, D.NO_HTTPS_REDIRECT, without=(D.SITE_DOWN, D.INTERMITTENT_OUTAGE, D.SLOW_RESPONSE))
    status, _, body = client.fetch("http", s.host, s.home_path)
    assert status == 200 and s.name.encode(s.encoding) in body


def test_gbk_pages_are_gbk(client, web):
    gbk = [s for s in web.sites if s.encoding == "gbk" and s.healthy and D.NO_HTTPS_REDIRECT not in s.flags]
    decls = {s.charset_decl for s in gbk}
    assert {"meta", "header", "none"} <= decls
    picked = []
    for s in gbk:
        if s.charset_decl not in {x.charset_decl for x in picked}:
            picked.append(s)
    reqs = [("GET", "https", s.host, s.columns[0].path) for s in picked]
    for s, (status, headers, body) in zip(picked, client.fetch_all(reqs)):
        assert status == 200
        text = body.decode("gbk")                      # strict
        assert s.columns[0].name in text
        try:
            body.decode("utf-8")
            raise AssertionError("a GBK page decodes as UTF-8")
        except UnicodeDecodeError:
            pass
        ctype = headers["Content-Type"].lower()
        if s.charset_decl == "header":
            assert "charset=" in ctype and "charset=" not in text[:300]
        elif s.charset_decl == "none":
            assert "charset" not in ctype and "charset" not in text
        else:
            assert "charset" not in ctype and "charset" in text[:300]


def test_unknown_host_is_404(client):
    status, headers, body = client.fetch("https", "www.gov.cn", "/")        # national host: served
    assert status == 200
    status, headers, body = client.fetch("http", "www.not-in-sandbox.gov.cn", "/")
    assert status == 404 and headers["Content-Type"].startswith("text/plain")


def test_site_down_answers_503_everywhere(client, web):
    s = site_with(web, D.SITE_DOWN)
    res = client.fetch_all([("GET", "https", s.host, "/"), ("GET", "http", s.host, "/"),
                            ("GET", "https", s.host, s.columns[0].path), ("GET", "https", s.host, "/robots.txt")])
    assert [r[0] for r in res] == [503, 503, 503, 503]


def test_intermittent_outage_alternates(client, web):
    s = site_with(web, D.INTERMITTENT_OUTAGE, without=(D.NO_HTTPS_REDIRECT,))
    reqs = [("GET", "https", s.host, s.home_path)] * 4
    reqs.insert(1, ("GET", "http", s.host, s.home_path))                     # a redirect does not count
    reqs.insert(2, ("GET", "https", s.host, s.columns[0].path))              # other pages are healthy
    reqs.insert(3, ("HEAD", "https", s.host, s.home_path))                   # HEAD does not count
    statuses = [r[0] for r in client.fetch_all(reqs)]
    assert statuses == [503, 301, 200, 200, 200, 503, 200]


def test_slow_response_delays_homepage_only(client, web):
    s = site_with(web, D.SLOW_RESPONSE, without=(D.NO_HTTPS_REDIRECT,))
    t0 = time.perf_counter()
    status, _, _ = client.fetch("https", s.host, s.columns[0].path)
    t1 = time.perf_counter()
    status_home, _, _ = client.fetch("https", s.host, s.home_path)
    t2 = time.perf_counter()
    assert status == status_home == 200
    assert t2 - t1 >= SLOW_DELAY
    assert t1 - t0 < SLOW_DELAY


def test_broken_internal_targets_404(client, web):
    checked = 0
    for s in web.sites:
        if not s.healthy:
            continue
        for d in s.defects():
            if d["kind"] == D.BROKEN_INTERNAL_LINK:
                path = d["url"].split(s.host, 1)[1]
                assert client.fetch("https", s.host, path)[0] == 404
                checked += 1
        if checked >= 3:
            break
    assert checked


def test_head_robots_sitemap_search(client, web):
    s = next(x for x in web.sites if x.healthy and x.robots and x.sitemap and D.NO_SITE_SEARCH not in x.flags
             and not x.has(D.SEARCH_NO_RESULTS))
    q = s.items(s.columns[0])[0].title[-4:]
    res = client.fetch_all([("HEAD", "https", s.host, s.columns[0].path), ("GET", "https", s.host, "/robots.txt"),
                            ("GET", "https", s.host, "/sitemap.xml"), ("GET", "https", s.host, f"/search?q={q}")])
    (hs, hh, hb), (rs, _, rb), (ss, _, sb), (qs, _, qb) = res
    assert hs == 200 and hb == b"" and int(hh["Content-Length"]) > 1000
    assert rs == 200 and b"User-agent" in rb
    assert ss == 200 and b"<urlset" in sb
    assert qs == 200 and s.items(s.columns[0])[0].title.encode(s.encoding) in qb


def test_start_server_with_fixed_ports_and_stop(web, tmp_path):
    async def main():
        running = await start_server(web, state_dir=tmp_path)
        try:
            assert running.http_port > 0 and running.https_port > 0 and running.ca_file.exists()
            assert (tmp_path / "sandbox.json").exists()
        finally:
            await running.stop()

    asyncio.run(main())


def test_serve_forever_stops_on_sigterm(tmp_path):
    import signal
    import subprocess
    import sys

    code = ("import datetime as dt; from govlens.sandbox.platforms import generate_platforms; "
            "from govlens.sandbox.web import build_sandbox; from govlens.sandbox.server import serve_forever; "
            "web = build_sandbox(generate_platforms([], 5, 1), 1, dt.date(2013, 12, 10)); "
            f"serve_forever(web, state_dir={str(tmp_path)!r}, on_ready=lambda r: print('ready', flush=True)); "
            "print('stopped')")
    p = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert p.stdout.readline().strip() == "ready"
        assert json.loads((tmp_path / "sandbox.json").read_text(encoding="utf-8"))["hosts"]
        p.send_signal(signal.SIGTERM)
        out, _ = p.communicate(timeout=20)
    finally:
        if p.poll() is None:
            p.kill()
    assert out.strip() == "stopped" and p.returncode == 0
