"""The campaign's commands: demo, the stages (scan … report, run), monitor, and the expert review."""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from rich.markup import escape

from govlens import messages
from govlens.cli.common import console, print_stage, reporter, sandbox_args, settings_overrides
from govlens.errors import ConfigError
from govlens.pipeline.demo import DEMO_BROWSER_SAMPLE, DEMO_CHECK_DATE
from govlens.summary import print_summary


def cmd_demo(args: argparse.Namespace) -> int:
    from govlens.pipeline.demo import run_demo
    from govlens.settings import Settings

    out = Path(args.out).resolve()
    as_of = date.fromisoformat(args.as_of) if args.as_of else DEMO_CHECK_DATE
    overrides = settings_overrides(args.set)
    settings = Settings()
    settings.update(overrides, "cmdline", source="--set")
    reports: list[Any] = []

    def on_stage(rep: Any) -> None:
        reports.append(rep)
        print_stage(rep)

    with reporter(settings):
        outputs = run_demo(out, registry=args.registry, sites=args.sites, seed=args.seed, as_of=as_of,
                           framework=args.framework, awards=args.awards, locale=args.locale,
                           browser_sample=args.browser_sample, overrides=overrides,
                           say=lambda line: console.print(escape(line), highlight=False, soft_wrap=True),
                           on_stage=on_stage)
    print_summary(console, reports, [(p.relative_to(out).as_posix() + ("/" if p.is_dir() else ""), p)
                                     for _, p in outputs])
    print(out)                            # for scripts: the folder everything was written to
    return 0


def _window_opened(window: dict[str, Any], done: int) -> None:
    """One line when the monitor's window is open (scripts wait for it; flushed at once)."""
    from datetime import datetime, timezone

    start = datetime.fromtimestamp(float(window["start"]), tz=timezone.utc).isoformat(timespec="seconds")
    print(messages.t("cli.window_open", platforms=window["platforms"], visits=window["visits"],
                     duration=window["duration"], start=start, done=done), file=sys.stderr, flush=True)


def _cluster_overrides(args: argparse.Namespace) -> dict[str, Any]:
    """``--cluster`` / ``--workers`` as the settings they stand for (CLUSTER_ADDRESS, CLUSTER_WORKERS)."""
    address, workers = getattr(args, "cluster", None), getattr(args, "workers", None)
    if address and workers is not None:
        raise ConfigError(messages.t("cluster.both"))
    return {**({"CLUSTER_ADDRESS": address} if address else {}),
            **({"CLUSTER_WORKERS": workers} if workers is not None else {})}


def cmd_stage(args: argparse.Namespace) -> int:
    from govlens.pipeline import runner
    from govlens.pipeline.campaign import load_campaign

    campaign = load_campaign(args.campaign, {**settings_overrides(args.set), **_cluster_overrides(args)})
    resume = bool(getattr(args, "resume", False))
    if getattr(args, "from_warc", None):
        campaign.warc = [Path(f) for f in args.from_warc]
    if getattr(args, "capture_warc", None):
        if campaign.warc:
            raise ConfigError(messages.t("cli.capture_and_warc"))
        campaign.capture_warc = Path(args.capture_warc)
    reports: list[Any] = []

    def on_stage(rep: Any) -> None:
        reports.append(rep)
        print_stage(rep)

    if args.command == "run":
        with reporter(campaign.settings):
            runner.run_all(campaign, on_stage=on_stage, resume=resume)
        print_summary(console, reports)
        print(campaign.out)
        return 0
    runner.preflight(campaign, args.command)          # a bad input file stops here: the store is untouched
    with runner.open_store(campaign) as store, reporter(campaign.settings):
        if args.command == "monitor":
            if args.resume and args.restart:
                raise ConfigError(messages.t("cli.resume_and_restart"))
            rep = runner.monitor(campaign, store, resume=args.resume, restart=args.restart, on_open=_window_opened)
            on_stage(rep)
        else:
            runner.run_stages(campaign, store, runner.COMMANDS[args.command], on_stage=on_stage, resume=resume)
    print_summary(console, reports)
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    """`govlens review export|import CAMPAIGN`: the expert review's sheets out and back."""
    from govlens.pipeline import runner
    from govlens.pipeline.campaign import load_campaign

    campaign = load_campaign(args.campaign, settings_overrides(args.set))
    with runner.open_store(campaign) as store, reporter(campaign.settings):
        if args.review_command == "export":
            rep = runner.review_export(campaign, store, Path(args.out) if args.out else None)
            print_stage(rep)
            print(rep.facts["folder"])
            return 0
        reps = runner.review_import(campaign, store, [Path(f) for f in args.files] or None,
                                    rescore=not args.no_score)
        for rep in reps:
            print_stage(rep)
    unscored = messages.t("problems.not_scored", item="")
    bad = [p for p in reps[0].problems if not p.startswith(unscored)]
    return 2 if bad else 0


def add_parsers(sub: Any) -> None:
    """demo, scan, score, inspect, awards, report, run, monitor and review."""
    d = sub.add_parser("demo", help="evaluate the built-in sandbox web end to end")
    d.add_argument("--out", default="demo-out")
    sandbox_args(d)
    d.add_argument("--framework", default="website-2013")
    d.add_argument("--awards", default="notice-2013")
    d.add_argument("--locale", default="zh-CN", choices=["zh-CN", "en"])
    d.add_argument("--set", action="append", metavar="KEY=VALUE", help="override a setting")
    d.add_argument("--browser-sample", type=int, default=DEMO_BROWSER_SAMPLE,
                   help=f"websites rendered in the browser (default {DEMO_BROWSER_SAMPLE}; 0 = all)")
    d.set_defaults(func=cmd_demo)

    for name, text in (("scan", "register the platforms and scan them"), ("score", "compute indicators and scores"),
                       ("inspect", "apply the national-check scheme: vetoes, deductions, qualified or not"),
                       ("awards", "choose winners and nominations"), ("report", "write the notice and scorecards"),
                       ("run", "every stage in order")):
        sp = sub.add_parser(name, help=text)
        sp.add_argument("campaign", help="campaign TOML file")
        sp.add_argument("--set", action="append", metavar="KEY=VALUE", help="override a setting")
        if name in ("scan", "run"):
            sp.add_argument("--resume", action="store_true",
                            help="continue the last scan after a crash or kill: scan only the platforms it "
                                 "has not committed")
            sp.add_argument("--from-warc", nargs="+", metavar="FILE",
                            help="take the pages from these WARC archives, not the network (no request is sent)")
            sp.add_argument("--capture-warc", metavar="FILE", help="write every response of the live scan to this WARC")
            sp.add_argument("--cluster", metavar="ADDRESS",
                            help="scan on the Dask cluster whose scheduler is at this address (tcp://host:8786)")
            sp.add_argument("--workers", type=int, metavar="N",
                            help="scan on N worker processes of a local Dask cluster started for this scan")
        sp.add_argument("--locale", choices=["zh-CN", "en"], default="zh-CN",
                        help="language of progress, summary and error messages")
        sp.set_defaults(func=cmd_stage)

    mon = sub.add_parser("monitor", help="visit every site on a schedule over a window (census availability rule)")
    mon.add_argument("campaign", help="campaign TOML file")
    mon.add_argument("--resume", action="store_true", help="continue the unfinished window in the store")
    mon.add_argument("--restart", action="store_true", help="drop an unfinished window and start a new one")
    mon.add_argument("--set", action="append", metavar="KEY=VALUE", help="override a setting")
    mon.add_argument("--locale", choices=["zh-CN", "en"], default="zh-CN", help="language of messages")
    mon.set_defaults(func=cmd_stage)

    rv = sub.add_parser("review", help="the expert review: sheets for the experts out, their scores back in")
    rsub = rv.add_subparsers(dest="review_command", required=True)
    rx = rsub.add_parser("export", help="write one workbook per expert with the platforms assigned to them")
    rx.add_argument("campaign", help="campaign TOML file (keys `reviewers`, `review_dir`)")
    rx.add_argument("--out", help="folder for the workbooks (default: the campaign's review_dir, else OUT/review)")
    ri = rsub.add_parser("import", help="read the filled workbooks, check every cell, score again")
    ri.add_argument("campaign", help="campaign TOML file")
    ri.add_argument("files", nargs="*", help="filled workbooks (default: every .xlsx of the review folder)")
    ri.add_argument("--no-score", action="store_true", help="import only; do not score again")
    for sp in (rx, ri):
        sp.add_argument("--set", action="append", metavar="KEY=VALUE", help="override a setting")
        sp.add_argument("--locale", choices=["zh-CN", "en"], default="zh-CN", help="language of messages")
        sp.set_defaults(func=cmd_review)
