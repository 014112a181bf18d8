"""`govlens check URL`: one site through the campaign's own stages, without a registry or campaign file.

The site becomes a one-platform registry (kind website, its own group, province and level unknown)
and an in-memory :class:`~govlens.pipeline.campaign.Campaign` writing to ``--out``; then the runner's stages
run on it as in any campaign — register, the HTTP scan and the browser pass (``runner.scan``),
the indicators, the score (of :func:`govlens.selfcheck.single.single_site`'s framework: absolute
thresholds, no rank) and, with ``national-check-2019``, the national inspection (``runner.inspect``).
The scorecard is the report stage's own (:class:`~govlens.report.scorecards.ScorecardWriter`).
"""
from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from govlens.report.locale import Locale
from govlens.selfcheck.target import CheckInputError, normalise_url, probe_homepage

PLATFORM_ID = "site"
SCORING_FRAMEWORK = "website-2013"        # what scores the site when the national scheme is asked for
SCORECARD = "scorecard.html"
MARKER = ".govlens-check"                 # marks a folder the self-check writes (its store may be replaced)


@dataclass
class CheckOptions:
    url: str
    framework: str = SCORING_FRAMEWORK
    sandbox: str | None = None
    out: Path = Path("check-out")
    json_path: Path | None = None
    html_path: Path | None = None
    browser: bool = True
    locale: str = "zh-CN"
    name: str | None = None
    as_of: str | None = None


@dataclass
class CheckRun:
    """What the stages left, for the summary (:mod:`govlens.selfcheck.summary`)."""

    url: str
    name: str
    check_date: date
    framework: Any                              # the framework as scored (single-site)
    left_out: tuple[tuple[str, str], ...]
    rendered: bool
    result: dict[str, Any]                      # the results row (index, vetoes)
    dimensions: dict[str, Any]
    findings: list[dict[str, Any]]
    values: dict[str, dict[str, Any]]           # indicator id → value row
    scheme: Any = None                          # the national scheme, when asked for
    inspection: dict[str, Any] | None = None
    scorecard: Path | None = None
    inspection_report: Path | None = None
    problems: list[str] = field(default_factory=list)   # what a stage reported (browser unavailable …)


def is_scheme(name: str) -> bool:
    """Is ``name`` a national inspection scheme (``scheme: inspection``) rather than a framework?"""
    from govlens.errors import ConfigError
    from govlens.frameworks.inspection import load_inspection_scheme
    try:
        load_inspection_scheme(name)
    except ConfigError:
        return False
    return True


def run_check(opts: CheckOptions, say: Callable[[str], None] = lambda _: None) -> CheckRun:
    """Scan, score (and inspect) one site; write its scorecard; return what the summary prints."""
    from govlens.indicators.run import run_indicators
    from govlens.pipeline import runner
    from govlens.pipeline.campaign import Campaign
    from govlens.registry.model import Platform
    from govlens.registry.write import write_registry_csv
    from govlens.scoring import score_campaign
    from govlens.selfcheck.single import single_site
    from govlens.settings import Settings

    L = Locale(opts.locale)
    url = normalise_url(opts.url, L)
    state = _sandbox_state(opts.sandbox, L)
    check_date = _check_date(opts.as_of, state, L)
    national = is_scheme(opts.framework)
    framework = _framework(SCORING_FRAMEWORK if national else opts.framework, L)
    if "website" not in framework.platform_kinds:
        raise CheckInputError(L.t("check.bad_framework", name=opts.framework, kinds="、".join(framework.platform_kinds)))
    single = single_site(framework)

    settings = Settings()
    browser = opts.browser and Path(str(settings["BROWSER_EXECUTABLE"])).exists()
    settings.update({"CHECK_DATE": check_date.isoformat(), "SCORING_REPLICATIONS": 0, "BROWSER_ENABLED": browser,
                     "BROWSER_SAMPLE": 0, "EVIDENCE_WARC": False, "MONITOR_IN_RUN": False}, "cmdline",
                    source="govlens check")
    out = fresh_folder(opts.out.resolve(), L)
    target = probe_homepage(url, settings, state, L, opts.name)
    registry = out / "registry.csv"
    write_registry_csv([Platform(id=PLATFORM_ID, name=target.name, kind="website", org_type="", level="",
                                 province="", region="", url=url, group="")], registry)
    campaign = Campaign(path=out / "check.toml", name=L.t("check.campaign_name", name=target.name),
                        year=check_date.year, check_date=check_date, registry=registry, framework=framework.id,
                        awards="notice-2013", out=out, locale=opts.locale,
                        sandbox=Path(opts.sandbox).resolve() if opts.sandbox else None, settings=settings,
                        inspection=opts.framework if national else "national-check-2019")
    run = CheckRun(url=url, name=target.name, check_date=check_date, framework=single.framework,
                   left_out=single.left_out, rendered=False, result={}, dimensions={}, findings=[], values={})
    runner.preflight(campaign, "scan")
    with runner.open_store(campaign) as store:
        runner.register(campaign, store)
        say(L.t("check.stage_scan", url=url, browser=L.t("check.with_browser") if browser else ""))
        rep = runner.scan(campaign, store)
        run.problems += rep.problems
        run.rendered = bool(rep.facts.get("rendered"))
        say(L.t("check.stage_score"))
        platforms = store.platforms()
        run_indicators(store, platforms, indicator_ids=framework.indicator_ids(), check_date=check_date,
                       settings=settings)
        score_campaign(store, single.framework, replications=0)
        if national:
            say(L.t("check.stage_inspect"))
            runner.inspect(campaign, store)
            from govlens.frameworks.inspection import load_inspection_scheme
            from govlens.report.inspection import write_inspection
            run.scheme = load_inspection_scheme(opts.framework)
            run.inspection = _inspection_row(store)
            written = write_inspection(store, out, opts.locale)
            run.inspection_report = written.get("inspection.html")
        _collect(run, store)
        run.scorecard = write_scorecard(store, single.framework, L, opts.html_path or out / SCORECARD,
                                        check_date)
    return run


def _framework(name: str, L: Locale) -> Any:
    """The framework ``name`` (shipped or a YAML file), or one sentence saying which exist."""
    from govlens.errors import ConfigError
    from govlens.frameworks import load_framework
    try:
        return load_framework(name)
    except ConfigError as exc:
        if name.endswith((".yaml", ".yml")):
            raise CheckInputError(L.t("check.bad_framework_file", name=name, reason=str(exc))) from None
        raise CheckInputError(L.t("check.unknown_framework", name=name)) from None


def fresh_folder(out: Path, L: Locale) -> Path:
    """``out`` ready for a new check: the store of an earlier check there is removed (its observations would
    mix with this site's); a folder holding another store (a campaign's) is refused, never overwritten."""
    store = out / "campaign.duckdb"
    marker = out / MARKER
    if store.exists() and not marker.exists():
        raise CheckInputError(L.t("check.not_a_check_folder", folder=str(out)))
    out.mkdir(parents=True, exist_ok=True)
    for path in (store, out / "campaign.duckdb.wal"):
        path.unlink(missing_ok=True)
    marker.write_text("govlens check\n", encoding="utf-8")
    return out


def _sandbox_state(path: str | None, L: Locale) -> dict[str, Any] | None:
    if not path:
        return None
    from govlens.probes.net.fetch import load_sandbox_state
    try:
        return load_sandbox_state(path)
    except (OSError, ValueError):
        raise CheckInputError(L.t("check.sandbox_state", file=str(Path(path).resolve()))) from None


def _check_date(value: str | None, state: dict[str, Any] | None, L: Locale) -> date:
    raw = value or (state or {}).get("as_of")
    if not raw:
        return date.today()
    try:
        return date.fromisoformat(str(raw))
    except ValueError:
        raise CheckInputError(L.t("check.bad_date", value=raw)) from None


def _inspection_row(store: Any) -> dict[str, Any] | None:
    rows = store.rows("inspection_results", platform_id=PLATFORM_ID)
    if not rows:
        return None
    names = ("scheme", "variant", "full_marks", "deducted", "base", "bonus", "score", "vetoed", "qualified",
             "problems", "unchecked")
    row = {name: rows[0].get(name) for name in names}
    for key in ("problems", "unchecked"):
        row[key] = json.loads(row[key]) if isinstance(row[key], str) else (row[key] or [])
    return row


def _collect(run: CheckRun, store: Any) -> None:
    from govlens.report.data import iter_batches, load_campaign

    data = load_campaign(store, run.framework.id)
    run.result = data.results.get(PLATFORM_ID, {})
    run.dimensions = data.dimensions.get(PLATFORM_ID, {})
    batch = next(iter_batches(store, [PLATFORM_ID], [run.framework.id]))
    run.findings = list(batch.findings.get(PLATFORM_ID, []))
    run.values = {v["indicator_id"]: v for v in batch.indicator_values.get(PLATFORM_ID, [])}


def write_scorecard(store: Any, framework: Any, L: Locale, path: Path, check_date: date) -> Path:
    """The report stage's scorecard of the one site, standalone (no rank, no links to a campaign's pages)."""
    from govlens.atomic import atomic_write_text
    from govlens.awards import load_awards
    from govlens.report.data import iter_batches, load_campaign
    from govlens.report.notice import fmt_date
    from govlens.report.scorecards import ScorecardWriter

    data = load_campaign(store, framework.id)
    for r in data.results.values():           # one site has no rank: the scorecard says 未排名
        r["rank"] = None
    path = path.resolve()
    writer = ScorecardWriter(path.parent, data, framework, load_awards("notice-2013"), L, {PLATFORM_ID: path.name},
                             check_date=fmt_date(check_date, L))
    writer.labels.veto_banner = L.t("check.veto_banner")     # a campaign's banner speaks of group ranks and awards
    batch = next(iter_batches(store, [PLATFORM_ID], [framework.id]))
    card = writer.context(PLATFORM_ID, batch)
    card.thumbs = writer.thumbs(PLATFORM_ID, batch)
    html = writer.template.render(c=card, L=writer.labels, lang=writer.lang, framework_title=writer.framework_title,
                                  check_date=writer.check_date, interval_note="", standalone=True)
    atomic_write_text(path, html)
    writer.write_css()
    return path
