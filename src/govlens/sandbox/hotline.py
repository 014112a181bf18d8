"""Synthetic test-call logs of citizen hotlines (市长/市民热线, series 3), in the importer's format.

A hotline is a telephone line, not a web page: what an evaluator has of it is the log of the
test calls made to it. :func:`hotline_calls` draws, from ``random.Random(f"{seed}:{id}:hotline")``,
20–30 calls over the 30 days before the check date: ``platform_id, call_date, line,
wait_seconds, answered, resolved, courtesy`` (``docs/newmedia-data.md``). Defects (site-level):

- ``hotline_unanswered``: 40–70 % of the calls are answered (healthy lines: 90–100 %);
- ``hotline_slow``: answered calls waited 90–240 s (median; healthy lines 5–45 s).
"""
from __future__ import annotations

import datetime as dt
import random

from govlens.contract import defects as D
from govlens.registry.model import Platform

RATE_UNANSWERED = 0.25
RATE_SLOW = 0.25
COLUMNS = ["platform_id", "call_date", "line", "wait_seconds", "answered", "resolved", "courtesy"]


def hotline_calls(platform: Platform, seed: int, as_of: dt.date) -> tuple[list[dict], list[str]]:
    """(call rows, injected defect kinds) of one hotline."""
    rng = random.Random(f"{seed}:{platform.id}:hotline")
    flags = []
    if rng.random() < RATE_UNANSWERED:
        flags.append(D.HOTLINE_UNANSWERED)
    if rng.random() < RATE_SLOW:
        flags.append(D.HOTLINE_SLOW)
    n = rng.randint(20, 30)
    share = rng.uniform(0.4, 0.7) if D.HOTLINE_UNANSWERED in flags else rng.uniform(0.9, 1.0)
    answered_n = max(1, min(n, round(n * share)))
    answered = [True] * answered_n + [False] * (n - answered_n)
    rng.shuffle(answered)
    lo, hi = (90, 240) if D.HOTLINE_SLOW in flags else (5, 45)
    line = "12345" if "12345" in platform.name or rng.random() < 0.6 else f"0{rng.randint(10, 999)}-12345"
    rows = []
    for ok in answered:
        day = as_of - dt.timedelta(days=rng.randint(1, 30))
        if ok:
            rows.append({"platform_id": platform.id, "call_date": day.isoformat(), "line": line,
                         "wait_seconds": rng.randint(lo, hi), "answered": "true",
                         "resolved": "true" if rng.random() < 0.8 else "false", "courtesy": rng.randint(3, 5)})
        else:
            rows.append({"platform_id": platform.id, "call_date": day.isoformat(), "line": line,
                         "wait_seconds": rng.randint(120, 300), "answered": "false", "resolved": "",
                         "courtesy": ""})
    rows.sort(key=lambda r: r["call_date"])
    return rows, flags
