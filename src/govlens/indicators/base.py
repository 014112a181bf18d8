"""The indicator contract (Lighthouse's *audit*).

An indicator is one module in a topic subpackage of this package (``freshness/``, ``render/`` …) whose
file name is its id with ``_`` for ``-`` (``freshness/homepage_freshness.py`` → ``homepage-freshness``).
Everything about it is in that module (docs/add-an-indicator.md walks through one). It declares, as data:

- ``ID``: the id a framework file refers to (a noun, e.g. ``stale-columns``);
- ``TITLE``: its title for people, ``("zh-CN", "en")``;
- ``REQUIRES``: observation kinds it reads (e.g. ``("page",)``);
- ``UNIT``: what the raw value counts (``"days"``, ``"ratio"``, ``"count"``, ``"ms"``, ``"bool"``);
- optionally ``UNIT_LABEL`` (what a report writes after the value, ``("个", "columns")``, when not its unit's
  own: catalogue.UNITS), ``EVIDENCE`` (the
  sentence an award reason states it with; ``{"yes": …, "no": …}`` for a yes/no one), ``THRESHOLDS``
  (:class:`Thresholds`), ``ROLE`` / ``CAMPAIGN_WIDE`` / ``HIGHLIGHT`` (see :mod:`~govlens.indicators.catalogue`);

and one pure function ``evaluate(obs, ctx) -> IndicatorResult``. It never fetches.

A *batch* indicator (the new-media ones: 200,000 accounts × 23 indicators) declares
``evaluate_batch(facts, ctx) -> BatchResult`` instead: a pure, vectorised function of the
campaign's account facts (:mod:`govlens.indicators.newmedia.newmedia_facts`, one row per account,
computed in SQL), returning one value, status and detail per account.
Missing and not-applicable are statuses, never zero.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Callable, Protocol

from govlens.contract.observation import COMPLETED, Observation
from govlens.errors import GovlensError
from govlens.registry.model import Platform
from govlens.text import Messages

OK, MISSING, NOT_APPLICABLE = "ok", "missing", "not_applicable"
STATUSES = (OK, MISSING, NOT_APPLICABLE)

#: Reasons many indicators give for a missing or not-applicable value (one wording everywhere).
R = Messages("indicator", {
    "home_not_loaded": ("首页未能打开", "the homepage never loaded"),
    "no_page_loaded": ("未能打开任何页面", "no page loaded"),
    "no_column_page": ("未读取到栏目页", "no column page was read"),
    "column_not_loaded": ("栏目列表未能打开", "the column's list did not load"),
    "mobile_home_not_loaded": ("移动端首页未能打开", "the mobile homepage did not load"),
    "no_data_imported": ("未导入数据", "no data imported"),
    "not_applicable": ("不适用", "not applicable"),
    "no_test_calls": ("未导入拨测记录", "no test calls imported"),
    "no_app_listed": ("应用商店文件中未列出客户端", "no app listed in the app-store file"),
    "foreign_probe_not_run": ("外文版检测未运行", "the foreign-language edition probe did not run"),
    "civilization_probe_not_run": ("精神文明建设检测未运行", "the civilization probe did not run"),
    "no_visible_text": ("页面无可见文字", "no visible text"),
    "no_call_answered": ("拨测电话均未接通", "no test call was answered"),
    "mailbox_not_loaded": ("信箱页面未能打开", "the mailbox page did not load"),
    "home_not_weighed": ("未测得首页大小", "the homepage was not weighed"),
    "no_edition_text": ("外文版页面均无可判断的文字", "no page of the edition had text to judge"),
    "tls_not_checked": ("未检测TLS", "TLS was not checked"),
    "dns_not_checked": ("未检测域名解析", "DNS was not checked"),
    "sep": ("、", ", "),
})


def joined(parts: Iterable[str]) -> str:
    """Messages (or data) listed with the locale's separator (、 in zh-CN, ", " in en)."""
    return R("sep").join(parts)


@dataclass(slots=True)
class Evidence:
    """Where a value comes from: the URL, and what was seen there."""

    url: str
    detail: str = ""
    snippet: str = ""

    def as_dict(self) -> dict[str, str]:
        return {"url": self.url, "detail": self.detail, "snippet": self.snippet}


@dataclass(slots=True)
class Finding:
    """A defect found on a platform; ``kind`` is one of :data:`govlens.contract.defects.ALL_KINDS`."""

    kind: str
    url: str
    detail: str = ""
    snippet: str = ""
    evidence_url: str = ""


@dataclass(slots=True)
class IndicatorResult:
    value: float | None
    status: str = OK
    detail: str = ""
    evidence: list[Evidence] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @classmethod
    def missing(cls, detail: str) -> "IndicatorResult":
        return cls(value=None, status=MISSING, detail=detail)

    @classmethod
    def not_applicable(cls, detail: str) -> "IndicatorResult":
        return cls(value=None, status=NOT_APPLICABLE, detail=detail)


class PlatformObservations:
    """A platform's observations, grouped by kind, with the helpers most indicators need."""

    def __init__(self, platform: Platform, observations: Iterable[Observation]) -> None:
        self.platform = platform
        self.by_kind: dict[str, list[Observation]] = defaultdict(list)
        for o in observations:
            self.by_kind[o.kind].append(o)

    def of(self, kind: str) -> list[Observation]:
        return self.by_kind.get(kind, [])

    def one(self, kind: str) -> Observation | None:
        found = self.by_kind.get(kind)
        return found[0] if found else None

    def pages(self, role: str | None = None) -> list[Observation]:
        return [o for o in self.of("page") if role is None or o.data.get("role") == role]

    def homepage(self) -> Observation | None:
        """The completed homepage page observation, or None when the homepage never loaded."""
        for o in self.pages("home"):
            if o.status == "completed":
                return o
        return None


@dataclass(slots=True)
class CampaignFacts:
    """Facts about the whole campaign that some indicators need (computed once per run)."""

    inlinks: Mapping[str, int] = field(default_factory=dict)           # platform id → campaign sites linking to it
    inlink_sources: Mapping[str, list[str]] = field(default_factory=dict)
    names: Mapping[str, str] = field(default_factory=dict)             # platform id → name (evidence names them)


@dataclass(slots=True)
class IndicatorContext:
    check_date: date
    settings: Mapping[str, Any]
    campaign: CampaignFacts = field(default_factory=CampaignFacts)
    #: indicator id → {threshold name: value}: what overrides the defaults its module declares (the indicator
    #: run fills it from the campaign's settings and the rules passed to it; see :class:`Thresholds`)
    thresholds: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Threshold:
    """One threshold of an indicator, declared beside its code.

    ``setting`` is the campaign setting that overrides it (its older name, so campaign files that set it keep
    working). A ``default`` of None is read from that setting: a published rule whose default still lives in
    :mod:`govlens.settings.default_settings` (or, for a published rule, from its rules file).
    """

    default: Any = None
    setting: str = ""


class Thresholds(Mapping[str, Threshold]):
    """An indicator's thresholds (name → :class:`Threshold`, or a plain default), read by name.

    ``THRESHOLDS = Thresholds(ID, limit=Threshold(0.1, setting="BROWSER_CLS_LIMIT"))`` in the module, then
    ``THRESHOLDS(ctx, "limit")`` in ``evaluate``. Precedence, lowest first: the default here, an override in
    ``ctx.thresholds`` (e.g. a framework's published rule), the setting set explicitly by the campaign or the
    command line.
    """

    def __init__(self, indicator_id: str, /, **declared: Threshold | Any) -> None:
        self.id = indicator_id
        self._declared = {k: v if isinstance(v, Threshold) else Threshold(v) for k, v in declared.items()}

    def __getitem__(self, name: str) -> Threshold:
        return self._declared[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._declared)

    def __len__(self) -> int:
        return len(self._declared)

    def __call__(self, ctx: IndicatorContext, name: str) -> Any:
        mine = ctx.thresholds.get(self.id) or {}
        if name in mine:
            return mine[name]
        return self.value(name, ctx.settings)

    def value(self, name: str, settings: Mapping[str, Any], override: Any = None) -> Any:
        """The effective value of ``name``: explicit setting > ``override`` > default (> the setting's default)."""
        t = self._declared[name]
        if t.setting and _explicitly_set(settings, t.setting):
            return settings[t.setting]
        base = t.default if t.default is not None else _setting(settings, t.setting)
        if override is None:
            return base
        return type(base)(override) if isinstance(base, (int, float, str)) and not isinstance(base, bool) else override

    def resolved(self, settings: Mapping[str, Any], overrides: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Every threshold's effective value (for :attr:`IndicatorContext.thresholds`)."""
        overrides = overrides or {}
        return {name: self.value(name, settings, overrides.get(name)) for name in self._declared}


def _explicitly_set(settings: Mapping[str, Any], name: str) -> bool:
    """Was ``name`` set by the campaign or the command line (not just defaulted)?"""
    is_set = getattr(settings, "is_set", None)
    if callable(is_set):
        return bool(is_set(name))
    try:
        return name in settings
    except GovlensError:
        return False


def _setting(settings: Mapping[str, Any], name: str) -> Any:
    try:
        return settings[name]
    except (KeyError, GovlensError):   # a partial mapping: every default, the published rules' ones included
        from govlens.settings import Settings
        return Settings()[name]


class IndicatorModule(Protocol):
    ID: str
    REQUIRES: tuple[str, ...]
    UNIT: str

    def evaluate(self, obs: PlatformObservations, ctx: IndicatorContext) -> IndicatorResult: ...


# ---------------------------------------------------------------- helpers shared by indicators
# (pure functions over observations; none of them fetches)

#: Cap of every "days since" value; also the value of a page whose items carry no date at all
#: ("an item with no date counts as not updated"), so the worst case is finite and comparable.
MAX_DAYS = 3650

#: A dated item may be this many days after the check date (the probe infers a year-less
#: ``[12-25]`` up to one day ahead; time zones do the rest). Later dates are ignored as typos.
FUTURE_TOLERANCE_DAYS = 1

#: Statuses meaning "we did not look", not "the target failed".
NOT_CHECKED_STATUSES = frozenset({"blocked_by_robots", "blocked_target"})

_ISO_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})(?!\d)")


def setting(ctx: IndicatorContext, name: str) -> Any:
    """A setting from the run's settings, falling back to its default (:class:`govlens.settings.Settings`)."""
    return _setting(ctx.settings, name)  # a partial mapping (tests), or a Settings without the key


def page_url(o: Observation) -> str:
    """The URL a page ended at (after redirects), else the URL visited."""
    return (o.data or {}).get("final_url") or o.url


def completed_pages(obs: PlatformObservations, role: str | None = None) -> list[Observation]:
    """Completed page observations, one per final URL (first wins), in observation order."""
    seen: set[str] = set()
    out: list[Observation] = []
    for o in obs.pages(role):
        if o.status != COMPLETED:
            continue
        key = page_url(o)
        if key in seen:
            continue
        seen.add(key)
        out.append(o)
    return out


def parse_date(value: Any) -> date | None:
    """An ISO ``YYYY-MM-DD`` (optionally followed by a time) as a date; None when not one."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def dates_in_text(text: str | None) -> list[date]:
    """Full dates written in a text (``2013-12-10``, ``2013/12/10``, ``2013年12月10日``)."""
    out = []
    for y, m, d in _ISO_DATE.findall(text or ""):
        try:
            out.append(date(int(y), int(m), int(d)))
        except ValueError:
            continue
    return out


def usable_dates(dates: Iterable[date | None], check_date: date) -> list[date]:
    """Dates not later than the check date plus :data:`FUTURE_TOLERANCE_DAYS`."""
    limit = check_date + timedelta(days=FUTURE_TOLERANCE_DAYS)
    return [d for d in dates if d is not None and d <= limit]


def days_since(newest: date | None, check_date: date) -> int:
    """Whole days from ``newest`` to the check date, in 0..:data:`MAX_DAYS` (None → MAX_DAYS)."""
    if newest is None:
        return MAX_DAYS
    return max(0, min(MAX_DAYS, (check_date - newest).days))


def item_dates(items: Iterable[Mapping[str, Any]] | None) -> list[date | None]:
    """The parsed ``date`` of each list item (None where the item has none)."""
    return [parse_date(it.get("date")) for it in (items or []) if isinstance(it, Mapping)]


def site_finding(obs: PlatformObservations, kind: str, detail: str = "", snippet: str = "",
                 evidence_url: str = "") -> Finding:
    """A site-level finding: its URL is the platform's registry URL."""
    return Finding(kind=kind, url=obs.platform.url, detail=detail, snippet=snippet,
                   evidence_url=evidence_url or obs.platform.url)


def judged(obs: PlatformObservations, value: float, detail: str, evidence: str | list[Evidence],
           finding: tuple[str, str] | None = None, *, snippet: str = "", at: str = "") -> IndicatorResult:
    """The threshold-on-a-value shape: ``value`` with its ``detail`` and evidence (a URL: one entry of the
    detail there), and the site finding ``finding`` = (kind, text) when the threshold was crossed (None: none).
    The finding's evidence is ``at``, else the evidence's URL when one was given, else the platform's URL."""
    url = evidence if isinstance(evidence, str) else at
    found = [site_finding(obs, finding[0], finding[1], snippet=snippet, evidence_url=url)] if finding else []
    return IndicatorResult(value=value, detail=detail, findings=found,
                           evidence=[Evidence(url=evidence, detail=detail)] if isinstance(evidence, str) else evidence)


def beyond(ctx: IndicatorContext, thresholds: Thresholds, name: str, measured: float, kind: str,
           text: Callable[[float], str], *, under: bool = False) -> tuple[str, str] | None:
    """The threshold-on-a-metric shape, for :func:`judged`: the finding ``(kind, text(limit))`` when ``measured``
    is over the ``name`` threshold (under it, with ``under``), else None (the render metrics, hotline answers
    and waits, column and app age, mobile load time)."""
    limit = float(thresholds(ctx, name))
    return (kind, text(limit)) if (measured < limit if under else measured > limit) else None


def signal_value(obs: PlatformObservations, kind: str, field: str, T: Messages, *,
                 blank_is_absent: bool = True) -> IndicatorResult:
    """The signal-count shape: a non-negative number ``field`` of an imported ``kind`` observation (the
    ``signals`` or ``overseas_signals`` file), in the words of ``T`` (none, absent, not_numeric, negative,
    value, evidence); missing, saying why, when the file has no usable number for it."""
    what = T.ref(field) if field in T.names else field
    o = obs.one(kind)
    if o is None:
        return IndicatorResult.missing(T("none"))
    raw = (o.data or {}).get(field)
    if blank_is_absent and (raw is None or raw == ""):
        return IndicatorResult.missing(T("absent", field=what))
    try:
        value = float(raw)
    except (TypeError, ValueError):
        return IndicatorResult.missing(T("not_numeric", field=what, raw=raw))
    if value < 0:
        return IndicatorResult.missing(T("negative", field=what, raw=raw))
    source = (o.data or {}).get("source") or o.probe
    return IndicatorResult(value=value, detail=T("value", value=f"{value:g}", what=what, source=str(source)),
                           evidence=[Evidence(url=o.url or obs.platform.url,
                                              detail=T("evidence", field=what, raw=raw, source=str(source)))])


def clip(text: Any, limit: int = 200) -> str:
    """Text for a snippet or detail, bounded in length."""
    s = " ".join(str(text or "").split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


@dataclass(slots=True)
class BatchResult:
    """A batch indicator's results, aligned with ``platform_ids``: NaN value where status is not ok."""

    platform_ids: list[str]
    values: Any                                   # numpy float array
    status: Any                                   # numpy object array of STATUSES
    detail: Any                                   # numpy object array (or list) of str
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    findings: list[tuple[str, Finding]] = field(default_factory=list)


def batch_result(ids: list[str], values: Any, detail: Any, *, missing: Any = None, not_applicable: Any = None,
                 missing_detail: str = R("no_data_imported"), na_detail: str = R("not_applicable")) -> BatchResult:
    """A BatchResult from raw values: NaN (or ``missing``) → missing, ``not_applicable`` → not applicable."""
    import numpy as np

    v = np.asarray(values, dtype=float).copy()
    status = np.full(len(ids), OK, dtype=object)
    det = np.asarray(detail, dtype=object).copy() if not isinstance(detail, str) else np.full(len(ids), detail,
                                                                                             dtype=object)
    miss = ~np.isfinite(v)
    if missing is not None:
        miss |= np.asarray(missing, dtype=bool)
    status[miss] = MISSING
    det[miss] = missing_detail
    if not_applicable is not None:
        na = np.asarray(not_applicable, dtype=bool)
        status[na] = NOT_APPLICABLE
        det[na] = na_detail
        miss |= na
    v[miss] = np.nan
    return BatchResult(platform_ids=list(ids), values=v, status=status, detail=det)
