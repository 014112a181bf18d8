"""``govlens serve``'s server: the folder and nothing outside it, on loopback, with the dashboard's URL."""
from __future__ import annotations

import http.client
import threading

import pytest

from govlens.errors import ConfigError
from govlens.report.serve import is_loopback, make_server, start_page


@pytest.fixture
def served(tmp_path):
    root = tmp_path / "out"
    (root / "dashboard").mkdir(parents=True)
    (root / "dashboard" / "index.html").write_text("<!DOCTYPE html><title>看板</title>", encoding="utf-8")
    (root / "dashboard" / "data.js").write_text("window.GOVLENS = {};", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("outside", encoding="utf-8")
    server = make_server(root, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield root, server.server_address[1]
    server.shutdown()
    server.server_close()


def _get(port: int, path: str) -> tuple[int, dict[str, str], bytes]:
    con = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        con.request("GET", path)
        resp = con.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        con.close()


def test_serves_the_folder_with_charsets(served):
    root, port = served
    status, headers, body = _get(port, "/dashboard/index.html")
    assert status == 200 and "看板".encode() in body
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert headers["x-content-type-options"] == "nosniff"
    status, headers, _ = _get(port, "/dashboard/data.js")
    assert status == 200 and headers["content-type"] == "text/javascript; charset=utf-8"
    assert start_page(root, "127.0.0.1", port) == f"http://127.0.0.1:{port}/dashboard/index.html"


@pytest.mark.parametrize("path", ["/../secret.txt", "/dashboard/../../secret.txt", "/%2e%2e/secret.txt"])
def test_nothing_outside_the_folder(served, path):
    _, port = served
    status, _, body = _get(port, path)
    assert b"outside" not in body and status == 404


def test_a_missing_folder_is_named(tmp_path):
    with pytest.raises(ConfigError, match="没有这个文件夹：.*nowhere"):
        make_server(tmp_path / "nowhere")


def test_loopback_hosts():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.2")
