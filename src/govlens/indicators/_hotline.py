"""What the hotline indicators share: the ``hotline_calls`` observation the importer writes."""
from __future__ import annotations

from typing import Any

from govlens.indicators.base import Evidence, PlatformObservations


def calls(obs: PlatformObservations) -> tuple[dict[str, Any], list[Evidence]] | None:
    o = obs.one("hotline_calls")
    if o is None:
        return None
    d = o.data or {}
    return d, [Evidence(url=o.url, detail=f"{d.get('source')}: {d.get('calls')} test calls {d.get('first')} – "
                                          f"{d.get('last')}, lines {', '.join(d.get('lines') or [])}")]
