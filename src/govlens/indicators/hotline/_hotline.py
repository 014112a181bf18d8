"""What the hotline indicators share: the ``hotline_calls`` observation the importer writes, and ``@from_calls``
(missing without test calls)."""
from __future__ import annotations

from typing import Any

from govlens.indicators.base import R, Evidence, PlatformObservations
from govlens.indicators._given import given
from govlens.text import Messages

T = Messages("hotline", {
    "calls": ("{source}：{first}至{last}拨测{calls}次，号码{lines}", "{source}: {calls} test calls {first} – {last}, lines {lines}"),
})


def calls(obs: PlatformObservations) -> tuple[dict[str, Any], list[Evidence]] | None:
    o = obs.one("hotline_calls")
    if o is None:
        return None
    d = o.data or {}
    return d, [Evidence(url=o.url, detail=T("calls", source=str(d.get("source") or "-"), calls=d.get("calls"),
                                            first=str(d.get("first") or "-"), last=str(d.get("last") or "-"),
                                            lines=", ".join(d.get("lines") or []) or "-"))]



from_calls = given(calls, R("no_test_calls"), spread=True)   # @from_calls: judge(data, evidence, obs, ctx)
