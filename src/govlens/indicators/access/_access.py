"""What the access indicators share: how a probe's request ended, in words."""
from __future__ import annotations

from govlens.contract.observation import COMPLETED, Observation
from govlens.text import Messages
from govlens.visit_text import describe_visit


def answer(o: Observation, T: Messages, key: str = "code") -> str:
    """How the request ``o`` ended, as a message: ``T``'s ``key`` with its HTTP status when it completed with one,
    else the visit's cause (never the raw exception text): https-redirect, soft-404, availability."""
    if o.status == COMPLETED and o.http_status:
        return T.ref(key, code=o.http_status)
    return describe_visit(o.status, (o.data or {}).get("cause"), http_status=o.http_status)
