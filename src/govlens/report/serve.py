"""``govlens serve DIR``: the reports of a campaign over HTTP on loopback, for the dashboard and its links.

The standard library's static file server (:mod:`http.server`), threaded; only GET and HEAD, no
CGI, paths confined to ``DIR`` by ``SimpleHTTPRequestHandler``. Bound to 127.0.0.1 unless told
otherwise: the reports hold every scanned URL and finding, and a campaign may not want them on
the network before the notice is signed.
"""
from __future__ import annotations

import functools
import ipaddress
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

from govlens import messages
from govlens.errors import ConfigError


class _Handler(SimpleHTTPRequestHandler):
    server_version = "govlens"
    sys_version = ""
    extensions_map: ClassVar[dict[str, str]] = {
        **SimpleHTTPRequestHandler.extensions_map,
        **{ext: f"{kind}; charset=utf-8" for ext, kind in (
            (".html", "text/html"), (".js", "text/javascript"), (".css", "text/css"),
            (".md", "text/markdown"), (".csv", "text/csv"), (".json", "application/json"))}}

    def end_headers(self) -> None:
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass                                                      # quiet: the URL is what the user needs


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def make_server(directory: Path, host: str = "127.0.0.1", port: int = 8000) -> ThreadingHTTPServer:
    directory = Path(directory).resolve()
    if not directory.is_dir():
        raise ConfigError(messages.t("serve.no_folder", path=directory))
    handler = functools.partial(_Handler, directory=str(directory))
    try:
        return ThreadingHTTPServer((host, port), handler)
    except OSError as exc:
        raise ConfigError(messages.t("serve.cannot_listen", host=host, port=port, errno=exc.errno or "—")) from None


def start_page(directory: Path, host: str, port: int) -> str:
    """The URL to open: the dashboard when the folder has one, else the folder itself."""
    shown = f"[{host}]" if ":" in host else host
    path = "dashboard/index.html" if (Path(directory) / "dashboard" / "index.html").is_file() else ""
    return f"http://{shown}:{port}/{path}"


def serve(directory: Path, host: str = "127.0.0.1", port: int = 8000,
          announce: Callable[[str], None] = print) -> None:
    """Serve ``directory`` until interrupted; ``announce`` receives the URL once listening."""
    server = make_server(directory, host, port)
    try:
        announce(start_page(directory, host, server.server_address[1]))
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
