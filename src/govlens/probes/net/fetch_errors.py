"""A failed fetch as a visit status: every exception aiohttp, asyncio, ssl and the OS raise, translated at
the boundary (a reset is not a malformed response, an expired certificate not a self-signed one), and the
``Retry-After`` of a rate limit read as seconds."""
from __future__ import annotations

import asyncio
import email.utils
import errno
import ssl

import aiohttp

from govlens.contract import statuses as S
from govlens.probes.net.resolver import (
                                         BlockedTargetError,
                                         UnknownSandboxHostError,
                                         )

def parse_retry_after(value: str | None) -> float | None:
    """``Retry-After`` in seconds (delta-seconds or an HTTP date), or None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(int(value[:9]))
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when is None:
        return None
    from datetime import datetime, timezone
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


# OpenSSL verify codes (X509_V_ERR_*) by what they mean for the site.
_CERT_EXPIRED = frozenset({9, 10})                    # not yet valid, expired
_CERT_UNTRUSTED = frozenset({2, 18, 19, 20, 21, 24, 27, 28, 32})   # self-signed, unknown issuer, untrusted
_CERT_WRONG_HOST = frozenset({62, 64})                # hostname / IP mismatch


def _certificate_cause(error: BaseException) -> str | None:
    code = getattr(error, "verify_code", None)
    message = str(getattr(error, "verify_message", "") or error).lower()
    if code in _CERT_EXPIRED or "expired" in message or "not yet valid" in message:
        return S.CERT_EXPIRED
    if code in _CERT_WRONG_HOST or "hostname mismatch" in message or "doesn't match" in message:
        return S.CERT_WRONG_HOST
    if code in _CERT_UNTRUSTED or "self-signed" in message or "self signed" in message \
            or "unable to get local issuer" in message:
        return S.CERT_UNTRUSTED
    return None


def failure_cause(exc: BaseException) -> str | None:
    """The finer cause of a failure, where one is known (today: what is wrong with a certificate)."""
    if isinstance(exc, aiohttp.ClientConnectorCertificateError):
        return _certificate_cause(exc.certificate_error)
    if isinstance(exc, ssl.SSLCertVerificationError):
        return _certificate_cause(exc)
    return None


def _chain(exc: BaseException) -> list[BaseException]:
    """The exception, its causes and the exceptions in its args (aiohttp nests them)."""
    out: list[BaseException] = []
    todo = [exc]
    while todo and len(out) < 8:
        e = todo.pop(0)
        if e in out:
            continue
        out.append(e)
        todo += [x for x in (e.__cause__, e.__context__) if x is not None]
        todo += [a for a in getattr(e, "args", ()) if isinstance(a, BaseException)]
    return out


def classify_error(exc: BaseException) -> tuple[str, str]:
    """Map an aiohttp / asyncio / OS error to ``(visit status, error text)``."""
    text = f"{type(exc).__name__}: {exc}"[:500]
    if isinstance(exc, aiohttp.ClientConnectorError) and isinstance(exc.os_error, BlockedTargetError):
        return S.BLOCKED_TARGET, text           # the guarded resolver, or the connector's socket factory
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return S.DNS_ERROR, text
    if isinstance(exc, BlockedTargetError):
        return S.BLOCKED_TARGET, text
    if isinstance(exc, UnknownSandboxHostError):
        return S.DNS_ERROR, text
    if isinstance(exc, (aiohttp.ClientSSLError, ssl.SSLError, aiohttp.ServerFingerprintMismatch)):
        return S.TLS_ERROR, text
    if isinstance(exc, (asyncio.TimeoutError, TimeoutError)):
        return S.TIMEOUT, f"{type(exc).__name__}: no complete response in time"
    if isinstance(exc, aiohttp.InvalidURL) or (isinstance(exc, ValueError) and not isinstance(exc, OSError)):
        return S.INVALID_URL, text
    chain = _chain(exc)
    os_error = getattr(exc, "os_error", None) if isinstance(exc, aiohttp.ClientConnectorError) else exc
    if isinstance(os_error, ConnectionRefusedError) or getattr(os_error, "errno", None) == errno.ECONNREFUSED:
        return S.CONNECTION_REFUSED, text
    if isinstance(os_error, ssl.SSLError):
        return S.TLS_ERROR, text
    if any(isinstance(e, ConnectionResetError) or getattr(e, "errno", None) in (errno.ECONNRESET, errno.EPIPE)
           for e in chain):
        return S.CONNECTION_RESET, text
    # aiohttp names the connection error of a cut payload only in the message
    if isinstance(exc, aiohttp.ClientPayloadError) and ("ConnectionResetError" in str(exc)
                                                        or "reset by peer" in str(exc).lower()):
        return S.CONNECTION_RESET, text
    if any(isinstance(e, aiohttp.http_exceptions.ContentEncodingError) for e in chain):
        return S.DECODE_ERROR, text
    if any(isinstance(e, (aiohttp.http_exceptions.HttpProcessingError, aiohttp.ClientResponseError))
           for e in chain) or isinstance(exc, aiohttp.ClientPayloadError):
        return S.PROTOCOL_ERROR, text
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return S.CONNECTION_RESET, text
    return S.CONNECTION_ERROR, text
