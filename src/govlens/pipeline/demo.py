"""The built-in demo: the sandbox web built from the shipped registry, evaluated end to end.

``run_demo`` writes the registry, ground truth and data files the sandbox generates, runs the previous
year's campaign (for the 快速发展 award), serves the sandbox web in a subprocess and runs every stage
of a campaign over it, the sandbox's experts filling the review workbooks. The command line
(``govlens demo``) only parses options and prints; this module holds what the demo does.
"""
from __future__ import annotations

import json
import math
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govlens.atomic import atomic_write_text

if TYPE_CHECKING:                 # the command line imports this module for its defaults: the registry on use
    from govlens.registry import Platform

DEMO_CHECK_DATE = date(2013, 12, 15)   # the 2013 campaign's check date: the sandbox web is dated around it
DEMO_SEED = 2013
# The demo runs the census's availability monitor too, in a window compressed from a week to a few minutes:
# 40 visits per site, at most DEMO_MONITOR_RATE a second (one core makes 240-560 small visits a second in
# benchmarks/monitor_schedule.py; the 40-second window asked 519 a second, which no run kept), so the window
# grows with the sites (140 s for the shipped registry's 519).
DEMO_SETTINGS = {"MONITOR_IN_RUN": True, "MONITOR_VISITS": 40}
DEMO_MONITOR_RATE = 150.0              # visits per second
DEMO_MONITOR_SECONDS = 40.0            # the shortest window
# the [notice] table of the demo's campaign file: the 2013 notice's title, issuer, date and opening (only the
# demo prints them; a campaign of one's own writes its own [notice] or gets a generated one)
DEMO_NOTICE = Path(__file__).with_name("demo_notice.toml")
DEMO_BROWSER_SAMPLE = 40               # websites the demo renders in the browser (BROWSER_SAMPLE); 0 = all
DEMO_FRAMEWORKS = ["newmedia-2013", "mobile-2013", "column-2013", "innovation-2013", "mailbox-2013", "hotline-2013",
                   "civilization-2013", "foreign-site-2013", "cn-domain-2013"]
OUTPUTS = (("notice", "notice.html"), ("notice (Markdown)", "notice.md"), ("notice (Word)", "notice.docx"),
           ("notice (PDF)", "notice.pdf"), ("scorecards", "scorecards/"),
           ("dashboard", "dashboard/index.html"),
           ("results", "results.csv"), ("results (Excel)", "results.xlsx"), ("findings", "findings.csv"),
           ("inspection", "inspection.html"), ("inspection (Excel)", "inspection.xlsx"),
           ("inspection (Word)", "inspection.docx"), ("inspection (PDF)", "inspection.pdf"),
           ("results (new media)", "results-newmedia-2013.csv"), ("results (mobile)", "results-mobile-2013.csv"),
           ("results (columns)", "results-column-2013.csv"), ("results (innovation)", "results-innovation-2013.csv"),
           ("results (mailboxes)", "results-mailbox-2013.csv"), ("results (hotlines)", "results-hotline-2013.csv"),
           ("results (文明网)", "results-civilization-2013.csv"), ("results (外文版)", "results-foreign-site-2013.csv"),
           ("results (.政务)", "results-cn-domain-2013.csv"), ("expert review", "review/"),
           ("previous campaign", "previous/campaign.duckdb"), ("imported data", "inputs/"),
           ("open data", "data/datapackage.json"),
           ("ground truth", "truth.json"), ("campaign store", "campaign.duckdb"), ("campaign file", "campaign.toml"))


def sandbox_platforms(registry: str | None, sites: int | None, seed: int,
                      warn: Callable[[str], None] = lambda _: None) -> list[Platform]:
    """The registry's platforms (the shipped one by default), websites generated up to ``sites``."""
    from govlens.registry import load_registry
    from govlens.registry.shipped import shipped_registry
    from govlens.sandbox.hostile import DOMAIN  # hostile hosts are served by the hostile web, not as sites
    from govlens.sandbox.platforms import generate_platforms

    loaded = load_registry(registry or shipped_registry())
    for err in loaded.errors:
        warn(str(err))
    shipped = [p for p in loaded.platforms if not p.host.endswith("." + DOMAIN)]
    # ``sites`` counts websites (文明网 are websites: the shipped registry lists them last); the registry's
    # accounts, mobile portals, foreign-language editions and .政务 names always come along
    webs = [p for p in shipped if p.kind == "website"]
    others = [p for p in shipped if p.kind != "website"]
    return generate_platforms(webs, len(webs) if sites is None else sites, seed) + others


def monitor_window(platforms: list[Platform]) -> float:
    """The demo's monitor window in seconds: its visits at ``DEMO_MONITOR_RATE`` a second, in whole tens."""
    from govlens.probes.gatherers.monitor import monitored

    visits = len(monitored(platforms)) * DEMO_SETTINGS["MONITOR_VISITS"]
    return max(DEMO_MONITOR_SECONDS, 10.0 * math.ceil(visits / DEMO_MONITOR_RATE / 10))


def run_demo(out: Path, *, registry: str | None, sites: int | None, seed: int, as_of: date, framework: str,
             awards: str, locale: str, browser_sample: int, overrides: dict[str, Any],
             say: Callable[[str], None], on_stage: Callable[[Any], None],
             progress: Callable[[int, int], None] | None = None) -> list[tuple[str, Path]]:
    """Evaluate the sandbox web end to end into ``out``; return (label, path) of the outputs."""
    from govlens.pipeline.campaign import load_campaign, write_campaign
    from govlens.pipeline.runner import run_all
    from govlens.registry.write import write_registry_csv
    from govlens.sandbox.process import sandbox_process
    from govlens.sandbox.review import fill_sheets
    from govlens.sandbox.web import build_sandbox

    out.mkdir(parents=True, exist_ok=True)
    platforms = sandbox_platforms(registry, sites, seed, warn=lambda e: say(f"! {e}"))
    write_registry_csv(platforms, out / "registry.csv")
    web = build_sandbox(platforms, seed, as_of)
    web.write_truth(out / "truth.json")
    web.write_signals(out / "signals.csv")
    web.write_overseas_signals(out / "overseas.csv")
    data = web.write_newmedia(out / "inputs")      # data/ is the open data (report stage)
    n_sites = sum(1 for p in platforms if p.kind == "website")
    n_civ = sum(1 for p in platforms if p.kind == "website" and p.group.startswith("civilization"))
    counts = {k: sum(1 for p in platforms if p.kind == k) for k in ("column", "mailbox", "hotline")}
    from govlens.messages import t
    say(t("demo.sandbox_web", sites=n_sites, civ=n_civ, mobile=len(web.mobile_portals),
          accounts=len(web.newmedia.accounts) if web.newmedia else 0,
          foreign=len({id(f) for f in web.foreign_sites.values()}), cn=len(web.cn_domains), columns=counts["column"],
          mailboxes=counts["mailbox"], hotlines=counts["hotline"], seed=seed, as_of=as_of.isoformat()))
    previous = None
    if web.review is not None:
        previous = previous_campaign(out, platforms, web, seed=seed, framework=framework, awards=awards,
                                     locale=locale, overrides=overrides, on_stage=on_stage)
    with sandbox_process(out / "registry.csv", sites=n_sites, seed=seed, as_of=as_of, state_dir=out / "sandbox"):
        write_campaign(out / "campaign.toml", {
            "name": "2013年中国优秀政务平台推荐及综合影响力评估（沙箱演示）", "year": as_of.year,
            "check_date": as_of.isoformat(), "registry": "registry.csv", "framework": framework,
            "frameworks": DEMO_FRAMEWORKS, "awards": awards, "signals": "signals.csv",
            "overseas_signals": "overseas.csv", "out": ".", "locale": locale,
            "sandbox": "sandbox/sandbox.json", "review_dir": "review",
            "previous": str(previous.relative_to(out)) if previous else None,
            **{key: str(path.relative_to(out)) for key, path in data.items()}},
            {**DEMO_SETTINGS, "MONITOR_DURATION": monitor_window(platforms), "BROWSER_SAMPLE": browser_sample})
        with open(out / "campaign.toml", "a", encoding="utf-8") as fh:     # the notice's text: the 2013 one's
            fh.write("\n" + DEMO_NOTICE.read_text(encoding="utf-8"))
        campaign = load_campaign(out / "campaign.toml", overrides)
        run_all(campaign, progress=progress, on_stage=on_stage,
                reviewers=(lambda folder: fill_sheets(web.review, folder)) if web.review is not None else None)
    return [(label, out / name) for label, name in OUTPUTS]


def previous_campaign(out: Path, platforms: list[Platform], web: Any, *, seed: int, framework: str, awards: str,
                      locale: str, overrides: dict[str, Any], on_stage: Callable[[Any], None]) -> Path | None:
    """The previous year's campaign the 快速发展 award compares with: the websites that submitted materials,
    on the sandbox web as it was a year earlier (HTTP scan, website-2013), into ``previous/campaign.duckdb``."""
    from govlens.pipeline.campaign import load_campaign, write_campaign
    from govlens.pipeline.runner import open_store, register, scan, score
    from govlens.registry.write import write_registry_csv
    from govlens.sandbox.previous import fast_developers, previous_year
    from govlens.sandbox.process import sandbox_process

    with_materials = {r["platform_id"] for r in web.review.material_rows()}
    chosen = [p for p in platforms if p.kind == "website" and p.id in with_materials]
    if not chosen:
        return None
    folder = out / "previous"
    folder.mkdir(parents=True, exist_ok=True)
    write_registry_csv(chosen, folder / "registry.csv")
    as_of = web.as_of.replace(year=web.as_of.year - 1)
    from govlens.sandbox.web import build_sandbox
    old = previous_year(build_sandbox(chosen, seed, as_of))
    atomic_write_text(folder / "truth.json", json.dumps({"as_of": as_of.isoformat(), "fast_developers":
                                                          fast_developers(old)}, ensure_ascii=False, indent=1) + "\n")
    with sandbox_process(folder / "registry.csv", sites=len(chosen), seed=seed, as_of=as_of,
                         state_dir=folder / "sandbox", previous_year=True):
        write_campaign(folder / "campaign.toml", {
            "name": f"{as_of.year}年度评估（沙箱演示，上一年度）", "year": as_of.year, "check_date": as_of.isoformat(),
            "registry": "registry.csv", "framework": framework, "awards": awards, "out": ".",
            "locale": locale, "sandbox": "sandbox/sandbox.json"},
            {"BROWSER_ENABLED": False, "MONITOR_IN_RUN": False, "SCORING_REPLICATIONS": 0})
        campaign = load_campaign(folder / "campaign.toml", overrides)
        from govlens.progress import active
        with open_store(campaign) as store, active().prefixed("previous"):
            for stage in (register, scan, score):
                rep = stage(campaign, store)
                rep.stage = f"previous:{rep.stage}"        # said 上一年度 扫描 (govlens.summary.stage_name)
                on_stage(rep)
    return folder / "campaign.duckdb"
