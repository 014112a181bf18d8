"""Stored texts as a reader sees them: messages rendered in the report's locale, never a raw value.

A finding's or an evidence entry's ``detail`` holds a :mod:`govlens.text` message (or, in stores
made before messages, a plain string). :func:`shown` renders it and keeps what no reader should
see out of a report: ``None``, ``nan``, and the raw exception text older stores carry
("dns_error: ClientConnectorDNSError: Cannot connect to host …" becomes 域名无法解析 — the
store keeps the raw text for whoever debugs the scanner).

:func:`load_catalogue` imports every module that declares messages, so a report made in a fresh
process (``govlens report``) finds each message's words.
"""
from __future__ import annotations

import importlib
import math
import pkgutil
import re
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from importlib import util as import_util
from typing import Any

from govlens import text
from govlens.contract import statuses as S
from govlens.visit_text import describe_visit

#: packages whose modules may declare messages (``Messages(...)``), imported before rendering
MESSAGE_PACKAGES = ("govlens.probes", "govlens.indicators", "govlens.frameworks", "govlens.scoring")

#: the time zone a campaign's times are shown in (Chinese government sites: 北京时间)
CAMPAIGN_TZ = timezone(timedelta(hours=8))

# "<status>: <ExceptionClass>: anything up to the next ';'" — a visit's raw error as stores before
# govlens.visit_text wrote it (e.g. an indicator's detail "dns_error: ClientConnectorDNSError: …").
_STATUSES = "|".join(sorted((s for s in S.VISIT_STATUSES if s != S.COMPLETED), key=len, reverse=True))
_RAW_ERROR = re.compile(rf"\b({_STATUSES})(?:[: ]\s*(?:[\w.]*(?:Error|Exception|Timeout)\b[^;；)]*|HTTP (\d{{3}})(?::\s*HTTP \d{{3}})?))")
_FAILED = frozenset(S.VISIT_STATUSES) - {S.COMPLETED}
_REPRS = re.compile(r"\b(None|nan|NaN)\b")


@lru_cache(maxsize=1)
def load_catalogue() -> int:
    """Import every module that declares messages; returns the number of messages known."""
    from govlens.indicators import catalogue

    catalogue.all_ids()
    for package in MESSAGE_PACKAGES:
        try:
            pkg = importlib.import_module(package)
        except ImportError:
            continue
        for info in pkgutil.walk_packages(pkg.__path__, prefix=package + "."):
            if info.ispkg:
                continue
            if _declares_messages(info.name):
                try:
                    importlib.import_module(info.name)
                except Exception:  # noqa: BLE001 - a module that cannot load here: its ids show as ids
                    continue
    return len(text.CATALOGUE)


def _declares_messages(module: str) -> bool:
    """Whether the module's source declares a catalogue (read, not imported: probes pull in browsers)."""
    try:
        spec = import_util.find_spec(module)
    except (ImportError, ValueError):
        return False
    origin = getattr(spec, "origin", None)
    if not origin or not origin.endswith(".py"):
        return False
    try:
        with open(origin, encoding="utf-8") as fh:
            return "Messages(" in fh.read()
    except OSError:
        return False


def _raw_error(m: re.Match[str], locale: str) -> str:
    code = m.group(2)
    return text.render(describe_visit(m.group(1), http_status=int(code) if code else None), locale)


def shown(value: Any, locale: str = "zh-CN") -> str:
    """``value`` as a reader sees it in ``locale``: a message rendered, a missing value as ""."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    out = text.render(value, locale) if isinstance(value, str) else str(value)
    if not isinstance(value, str) and _REPRS.fullmatch(out):
        return ""
    if out in _FAILED:                                  # a bare status code ("dns_error") as a detail
        return text.render(describe_visit(out), locale)
    if ":" in out or "HTTP" in out:
        out = _RAW_ERROR.sub(lambda m: _raw_error(m, locale), out)
    return out


def observed_time(value: Any, check_date: Any = None) -> str:
    """When something was observed, to the minute in the campaign's time zone: 2025-06-30 14:05.

    Stored times are UTC without a zone (:func:`govlens.contract.observation.utcnow`). A time after the
    campaign's check date is not when the page was as observed — a sandbox or archive replays the
    check date, a WARC is read long after its capture — so the check date is shown instead."""
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return ""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat()
    if not isinstance(value, datetime):
        try:                                         # a pandas Timestamp
            value = value.to_pydatetime()
        except AttributeError:
            return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    local = value.astimezone(CAMPAIGN_TZ)
    day = _day(check_date)
    if day is not None and local.date() > day:
        return day.isoformat()
    return local.strftime("%Y-%m-%d %H:%M")


def _day(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None
