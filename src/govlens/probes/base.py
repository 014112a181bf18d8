"""The probe contract (18F domain-scan's scanner lifecycle, Lighthouse's gatherer).

A probe is one module in ``gatherers/``, one short name in :data:`govlens.probes.components.PROBE_NAMES`
and, to run by default, one entry in the ``PROBES_BASE`` setting.
Its lifecycle over a campaign:

1. ``await setup(ctx)`` once, before any platform: receive the shared
   :class:`ProbeContext` (settings, the campaign's one fetcher and link cache, the date the
   evaluation is "as of").
2. ``prepare(platform) -> bool`` per platform: False skips the platform (e.g. a WeChat
   account for an HTTP probe); cheap and synchronous.
3. ``await probe(platform) -> list[Observation]``: gather. A probe never scores and never
   raises for a site's misbehaviour: a failure is an observation with a visit status.
   A *follow-up* probe (one that starts from what an earlier probe of the same scan saw,
   e.g. the site search probe reads the homepage's search form) overrides
   ``follow_up(platform, earlier)`` instead, ``earlier`` being the observations the probes
   before it in the scan's order wrote for this platform.
4. ``await teardown()`` once at the end.

The scan runner (:mod:`govlens.probes.scan`) writes the observations to the campaign store.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, ClassVar

from govlens.contract.observation import Observation
from govlens.probes.net.fetch import Fetcher
from govlens.probes.net.link_check import LinkChecker
from govlens.registry.model import Platform
from govlens.settings import Settings


def reference_date(settings: Settings) -> date:
    """The date the evaluation is "as of": ``CHECK_DATE``, else today."""
    raw = str(settings["CHECK_DATE"] or "").strip()
    if raw:
        try:
            return date.fromisoformat(raw)
        except ValueError:
            from govlens import messages
            from govlens.errors import SettingsError
            raise SettingsError(messages.t("probe_errors.check_date", value=messages.quote(raw[:100])),
                                field="CHECK_DATE") from None
    return date.today()


@dataclass(slots=True)
class ProbeContext:
    """What every probe of a scan shares."""

    settings: Settings
    fetcher: Fetcher
    link_checker: LinkChecker
    check_date: date
    sandbox_state: dict[str, Any] | None = None
    visit_fetcher: Any = None          # timing-sensitive fetches (availability); None = ``fetcher``
    stats: dict[str, int] = field(default_factory=dict)


class Probe:
    """Base class with the no-op hooks; subclasses set ``name`` and implement :meth:`probe`."""

    name: ClassVar[str] = ""

    def __init__(self) -> None:
        self.ctx: ProbeContext | None = None

    async def setup(self, ctx: ProbeContext) -> None:
        self.ctx = ctx

    def prepare(self, platform: Platform) -> bool:
        return True

    async def probe(self, platform: Platform) -> list[Observation]:
        raise NotImplementedError

    async def follow_up(self, platform: Platform, earlier: Sequence[Observation]) -> list[Observation]:
        """What the scan runner calls; a probe that needs earlier observations overrides it."""
        return await self.probe(platform)

    async def teardown(self) -> None:
        return None


class FollowUpProbe(Probe):
    """A probe that starts from what the probes before it in the scan saw (it overrides :meth:`follow_up`);
    run alone, it has seen nothing earlier."""

    async def probe(self, platform: Platform) -> list[Observation]:
        return await self.follow_up(platform, ())

    async def follow_up(self, platform: Platform, earlier: Sequence[Observation]) -> list[Observation]:
        raise NotImplementedError


def earlier_pages(earlier: Sequence[Observation], role: str | None = None) -> list[Observation]:
    """Completed ``page`` observations of ``earlier`` (of one role, or all), in order."""
    return [o for o in earlier if o.kind == "page" and o.status == "completed"
            and (role is None or (o.data or {}).get("role") == role)]


def earlier_homepage(earlier: Sequence[Observation]) -> Observation | None:
    """The completed homepage ``page`` observation among ``earlier``, or None (site down)."""
    pages = earlier_pages(earlier, "home")
    return pages[0] if pages else None
