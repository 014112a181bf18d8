"""The hostile web's wire format: a parsed request head and well-formed responses written byte by byte.

The server writes every byte itself (an HTTP library would refuse to misbehave), so the status
line and headers of the well-formed answers are built here, always with ``Connection: close``.
"""
from __future__ import annotations

import asyncio
from dataclasses import dataclass


@dataclass
class Request:
    method: str
    path: str
    host: str
    headers: dict[str, str]



def head(status: int, ctype: str, extra: list[tuple[str, str]] | None = None, *, length: int | None = 0) -> bytes:
    reason = {200: "OK", 301: "Moved Permanently", 302: "Found", 404: "Not Found", 429: "Too Many Requests",
              503: "Service Unavailable"}.get(status, "Status")
    lines = [f"HTTP/1.1 {status} {reason}", f"Content-Type: {ctype}", "Connection: close", "Server: hostile/1.0"]
    lines += [f"{k}: {v}" for k, v in extra or []]
    if length is not None and not any(k.lower() in ("content-length", "transfer-encoding") for k, _ in extra or []):
        lines.append(f"Content-Length: {length}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


async def send(w: asyncio.StreamWriter, req: Request, status: int, ctype: str, body: bytes,
               extra: list[tuple[str, str]] | None = None) -> None:
    """A well-formed response (body omitted for HEAD), then close."""
    w.write(head(status, ctype, extra, length=len(body)))
    if req.method != "HEAD" and body:
        w.write(body)
    await w.drain()
