"""The govlens command line: a thin layer over :mod:`govlens.runner` and the sandbox.

Errors of govlens's own tree are printed as one line naming the file, line and field, and
the exit code is 2 (bad input) or 1 (other failure); never a traceback for bad input.
"""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape

from govlens import __version__, messages
from govlens.cli_args import Parser, locale_from_argv
from govlens.demo import DEMO_BROWSER_SAMPLE, DEMO_CHECK_DATE, DEMO_SEED, sandbox_platforms
from govlens.errors import ConfigError, GovlensError, InputError
from govlens.progress import Reporter
from govlens.summary import print_summary, stage_line

console = Console(stderr=True)


# ------------------------------------------------------------------ helpers
def _settings_overrides(pairs: list[str]) -> dict[str, Any]:
    out = {}
    for pair in pairs or []:
        if "=" not in pair:
            raise ConfigError(messages.t("cli.set_expects", pair=pair))
        key, value = pair.split("=", 1)
        out[key.strip()] = value.strip()
    return out


def _warn(message: str) -> None:
    console.print(f"[yellow]![/yellow] {escape(message)}")


def _reporter(settings: Any = None) -> Reporter:
    """Bars on a terminal, periodic lines in a pipe (``PROGRESS_EVERY`` / ``PROGRESS_PERIOD``)."""
    reporter = Reporter(messages.current(), console=console)
    return reporter.configure(settings) if settings is not None else reporter


def _print_stage(rep: Any) -> None:
    console.print(f"[green]✓[/green] {escape(stage_line(rep))}", highlight=False, soft_wrap=True)
    for problem in rep.problems[:20]:
        console.print(f"  [yellow]![/yellow] {escape(str(problem))}", highlight=False, soft_wrap=True)
    if len(rep.problems) > 20:
        console.print("  " + escape(messages.t("cli.more", n=len(rep.problems) - 20)), highlight=False)


# ------------------------------------------------------------------ commands
def cmd_demo(args: argparse.Namespace) -> int:
    from govlens.demo import run_demo
    from govlens.settings import Settings

    out = Path(args.out).resolve()
    as_of = date.fromisoformat(args.as_of) if args.as_of else DEMO_CHECK_DATE
    overrides = _settings_overrides(args.set)
    settings = Settings()
    settings.update(overrides, "cmdline", source="--set")
    reports: list[Any] = []

    def on_stage(rep: Any) -> None:
        reports.append(rep)
        _print_stage(rep)

    with _reporter(settings):
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


def cmd_stage(args: argparse.Namespace) -> int:
    from govlens import runner
    from govlens.campaign import load_campaign

    campaign = load_campaign(args.campaign, _settings_overrides(args.set))
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
        _print_stage(rep)

    if args.command == "run":
        with _reporter(campaign.settings):
            runner.run_all(campaign, on_stage=on_stage, resume=resume)
        print_summary(console, reports)
        print(campaign.out)
        return 0
    runner.preflight(campaign, args.command)          # a bad input file stops here: the store is untouched
    with runner.open_store(campaign) as store, _reporter(campaign.settings):
        if args.command == "monitor":
            if args.resume and args.restart:
                raise ConfigError(messages.t("cli.resume_and_restart"))
            rep = runner.monitor(campaign, store, resume=args.resume, restart=args.restart, on_open=_window_opened)
        elif args.command == "scan":
            on_stage(runner.register(campaign, store))
            rep = runner.scan(campaign, store, resume=resume)
        else:
            rep = getattr(runner, args.command)(campaign, store)
        on_stage(rep)
    print_summary(console, reports)
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    """`govlens review export|import CAMPAIGN`: the expert review's sheets out and back."""
    from govlens import runner
    from govlens.campaign import load_campaign

    campaign = load_campaign(args.campaign, _settings_overrides(args.set))
    with runner.open_store(campaign) as store, _reporter(campaign.settings):
        if args.review_command == "export":
            rep = runner.review_export(campaign, store, Path(args.out) if args.out else None)
            _print_stage(rep)
            print(rep.facts["folder"])
            return 0
        reps = runner.review_import(campaign, store, [Path(f) for f in args.files] or None,
                                    rescore=not args.no_score)
        for rep in reps:
            _print_stage(rep)
    unscored = messages.t("problems.not_scored", item="")
    bad = [p for p in reps[0].problems if not p.startswith(unscored)]
    return 2 if bad else 0


def cmd_page(args: argparse.Namespace) -> int:
    import json

    from govlens.page_check import check_page
    from govlens.settings import Settings

    settings = Settings()
    settings.update(_settings_overrides(args.set), "cmdline", source="--set")
    check = date.fromisoformat(args.check_date) if args.check_date else None
    report = check_page(args.target, base_url=args.base_url, role=args.role, check_date=check, settings=settings,
                        sandbox=args.sandbox, warc_url=args.url, locale=args.locale)
    problems = (report.get("fetch") or {}).get("warc_problems") or []
    if problems:
        from govlens.report.locale import load_locale
        from govlens.runner import warc_message
        L = load_locale(args.locale)
        for p in problems:
            _warn(warc_message(L, p["key"], p))
    print(json.dumps(report, ensure_ascii=False, indent=1, default=str))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from govlens.report.serve import is_loopback, serve

    if not is_loopback(args.host):
        _warn(messages.t("serve.public", host=args.host))
    serve(Path(args.dir), args.host, args.port,
          announce=lambda url: (print(url, flush=True), console.print(messages.t("serve.stop_hint"), highlight=False)))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """`govlens check URL`: the webmaster's self-check (govlens.selfcheck)."""
    from govlens.selfcheck.cli import check_command
    return check_command(args, console)


def cmd_sandbox(args: argparse.Namespace) -> int:
    from govlens.sandbox.web import build_sandbox

    if args.sandbox_command == "check":
        return _check(args)
    if args.sandbox_command == "check-hostile":
        return _check_hostile(args)
    if args.sandbox_command == "hostile":
        from govlens.sandbox import hostile
        out = Path(args.out)
        print(hostile.write_registry(out / "hostile-registry.csv"))
        print(hostile.write_truth(out / "hostile-truth.json"))
        return 0
    as_of = date.fromisoformat(args.as_of) if args.as_of else DEMO_CHECK_DATE
    web = build_sandbox(sandbox_platforms(args.registry, args.sites, args.seed, warn=_warn), args.seed, as_of)
    if getattr(args, "previous_year", False):
        from govlens.sandbox.previous import previous_year
        web = previous_year(web)
    if args.sandbox_command == "truth":
        web.write_truth(Path(args.out))
        if args.signals:
            web.write_signals(Path(args.signals))
        if args.overseas:
            web.write_overseas_signals(Path(args.overseas))
        if args.data:
            for key, path in web.write_newmedia(Path(args.data)).items():
                print(f"{key:<24} {path}")
        print(args.out)
        return 0
    from govlens.sandbox.server import serve_forever
    console.print(messages.t("sandbox_cli.serving_hostile" if args.hostile else "sandbox_cli.serving",
                             hosts=len(web.hosts()), host=args.host, state=args.state_dir), highlight=False)
    serve_forever(web, args.host, args.http_port, args.https_port, Path(args.state_dir), hostile=args.hostile)
    return 0


def _check_hostile(args: argparse.Namespace) -> int:
    from govlens.sandbox.hostile import check_store, format_results

    results = check_store(Path(args.truth), Path(args.store))
    print(format_results(results))
    bad = [r for r in results if not r.ok]
    print(messages.t("sandbox_cli.hostile_done", ok=len(results) - len(bad), total=len(results)))
    return 0 if not bad else 1


def _check(args: argparse.Namespace) -> int:
    from govlens.sandbox.check import compare, format_scores, load_finding_keys, load_truth_keys

    truth, found = load_truth_keys(Path(args.truth)), load_finding_keys(Path(args.findings))
    if args.store:
        from govlens.sandbox.check import only_rendered, rendered_platforms
        rendered = rendered_platforms(Path(args.store))
        truth, found = only_rendered(truth, rendered), only_rendered(found, rendered)
    scores = compare(truth, found)
    print(format_scores(scores))
    from govlens.sandbox.check import compare_by_family, format_family_scores, load_truth_families
    print("\n" + format_family_scores(compare_by_family(truth, found, load_truth_families(Path(args.truth)))))
    worst = min(min(s.precision, s.recall) for s in scores)
    return 0 if worst >= args.min else 1


def cmd_index(args: argparse.Namespace) -> int:
    """`govlens index TABLE --framework FW`: the composite-indicator engine on any indicator table."""
    import time

    from govlens.frameworks import load_framework
    from govlens.scoring.engine import build_index
    from govlens.scoring.export import write_outputs
    from govlens.scoring.table import read_table

    t0 = time.perf_counter()
    framework = load_framework(args.framework)
    table = read_table(args.table, framework, id_col=args.id, group_col=args.group, name_col=args.name)
    run = build_index(table, framework, uncertainty_spec=not args.no_uncertainty,
                      replications=args.replications)
    out = Path(args.out)
    written = write_outputs(run, out, intermediate=not args.results_only)
    res = run.results
    assert res is not None
    from govlens.progress import duration
    reps = messages.t("cli.index_reps", n=int(run.analysis["uncertainty"]["replications"].iloc[0])) \
        if "uncertainty" in run.analysis else ""
    console.print("[green]✓[/green] " + escape(messages.t(
        "cli.index_done", seconds=duration(time.perf_counter() - t0), units=len(res),
        scored=int(res["index"].notna().sum()), vetoed=int(res["vetoed"].sum()), reps=reps)), highlight=False)
    for note in run.notes[:20]:
        console.print(f"  [yellow]![/yellow] {escape(str(note))}", highlight=False)
    if args.compare:
        _compare(args.compare, str(out), out / "compare.csv", None)
    print(written["results.csv"])
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    """`govlens compare OLD NEW`: year-over-year ranks with movements explained by dimension."""
    _compare(args.old, args.new, Path(args.out), args.framework)
    print(args.out)
    return 0


def _results_path(value: str) -> str:
    """A campaign file stands for its store."""
    if value.endswith(".toml"):
        from govlens.campaign import load_campaign
        return str(load_campaign(value).store_path)
    return value


def _compare(old: str, new: str, out: Path, framework: str | None) -> None:
    from govlens.scoring.compare import compare, load_results, summary

    table = compare(load_results(_results_path(old), framework), load_results(_results_path(new), framework))
    out.parent.mkdir(parents=True, exist_ok=True)
    import pandas as pd

    from govlens.atomic import atomic_path
    from govlens.cells import neutralise_cell

    safe = table.copy()
    safe.index = pd.Index([neutralise_cell(str(i)) for i in safe.index], name=table.index.name)   # anyone's text
    for col in safe.columns:
        if safe[col].dtype == object:
            safe[col] = safe[col].map(neutralise_cell)
    with atomic_path(out) as tmp:
        safe.to_csv(tmp, float_format="%.6g", encoding="utf-8")
    s = summary(table)
    beyond = messages.t("cli.compare_beyond", n=s["beyond_uncertainty"]) if s["beyond_uncertainty"] is not None else ""
    console.print("[green]✓[/green] " + escape(messages.t(
        "cli.compare_done", units=s["units"], new=s["new"], dropped=s["dropped"], up=s["up"], down=s["down"],
        unchanged=s["unchanged"], beyond=beyond)), highlight=False)
    for row in s["largest"]:
        console.print("  " + escape(messages.t(
            "cli.compare_row", id=row["id"], name=row["name"] or "", group=row["group"] or messages.t("format.none"),
            old=f"{row['rank_old']:.0f}", new=f"{row['rank_new']:.0f}", change=f"{row['index_change']:+.2f}",
            driver=row["main_driver"])), highlight=False)


# ------------------------------------------------------------------ parser
def build_parser() -> argparse.ArgumentParser:
    p = Parser(prog="govlens", description="Evaluate government digital platforms.")
    p.add_argument("--version", action="version", version=f"govlens {__version__}")
    p.add_argument("--locale", choices=messages.LOCALES, help="language of messages")
    sub = p.add_subparsers(dest="command", required=True)

    def sandbox_args(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--registry", help="registry CSV/XLSX (default: the shipped notice-2013 registry)")
        sp.add_argument("--sites", type=int, help="number of sites (default: the whole registry; more are generated)")
        sp.add_argument("--seed", type=int, default=DEMO_SEED)
        sp.add_argument("--as-of", help="date the sandbox web is dated around (default 2013-12-15)")
        sp.add_argument("--previous-year", action="store_true",
                        help="the web as it was a year earlier (the previous campaign of 快速发展)")

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
        sp.add_argument("--locale", choices=["zh-CN", "en"], default="zh-CN",
                        help="language of progress, summary and error messages")
        sp.set_defaults(func=cmd_stage)

    pg = sub.add_parser("page", help="print, as JSON, everything the probe extracts from one page, and its findings")
    pg.add_argument("target", help="a file (HTML as saved, or a .warc / .warc.gz with --url) or an http(s) URL")
    pg.add_argument("--url", help="with a WARC file: the URL of the record to read")
    pg.add_argument("--locale", choices=["zh-CN", "en"], default="zh-CN", help="language of error messages")
    pg.add_argument("--base-url", help="the URL the file was saved from (resolves its links)")
    pg.add_argument("--role", choices=["home", "column", "article"], default="home",
                    help="read it as a homepage, a column list or an article (default: home)")
    pg.add_argument("--check-date", help="the date the page is judged as of (default: today)")
    pg.add_argument("--sandbox", help="sandbox.json: fetch sandbox hosts (sandbox mode)")
    pg.add_argument("--set", action="append", metavar="KEY=VALUE", help="override a setting")
    pg.set_defaults(func=cmd_page)

    ck = sub.add_parser("check", help="self-check of one website: scores, every problem and how to fix it")
    from govlens.selfcheck.cli import add_arguments
    add_arguments(ck)
    ck.set_defaults(func=cmd_check)

    mon = sub.add_parser("monitor", help="visit every site on a schedule over a window (census availability rule)")
    mon.add_argument("campaign", help="campaign TOML file")
    mon.add_argument("--resume", action="store_true", help="continue the unfinished window in the store")
    mon.add_argument("--restart", action="store_true", help="drop an unfinished window and start a new one")
    mon.add_argument("--set", action="append", metavar="KEY=VALUE", help="override a setting")
    mon.add_argument("--locale", choices=["zh-CN", "en"], default="zh-CN", help="language of messages")
    mon.set_defaults(func=cmd_stage)

    ix = sub.add_parser("index", help="compute a composite index for any units × indicators table")
    ix.add_argument("table", help="CSV (UTF-8 or GBK) or XLSX: one row per unit, one column per indicator")
    ix.add_argument("--framework", required=True, help="a shipped framework name or a framework YAML file")
    ix.add_argument("--out", default="index-out", help="folder for the CSV outputs (default: index-out)")
    ix.add_argument("--id", help="the unit id column (default: the framework's table.id, else 'id', else the first)")
    ix.add_argument("--group", help="rank within the groups of this column")
    ix.add_argument("--name", help="the unit name column")
    ix.add_argument("--replications", type=int, help="Monte Carlo replications (0: none; default: the framework's)")
    ix.add_argument("--no-uncertainty", action="store_true", help="skip the uncertainty analysis")
    ix.add_argument("--results-only", action="store_true", help="write results and analysis, not the data sets")
    ix.add_argument("--compare", metavar="PREVIOUS", help="compare with an earlier output folder or campaign store")
    ix.set_defaults(func=cmd_index)

    cp = sub.add_parser("compare", help="compare two years' indices and ranks, explained by dimension")
    cp.add_argument("old", help="earlier run: an `index` output folder, a campaign.duckdb or a campaign file")
    cp.add_argument("new", help="later run, same kinds")
    cp.add_argument("--out", default="compare.csv", help="CSV with one row per unit (default: compare.csv)")
    cp.add_argument("--framework", help="which framework's results, when a store has several")
    cp.set_defaults(func=cmd_compare)

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

    sv = sub.add_parser("serve", help="serve a campaign's reports (the dashboard) on loopback; prints the URL")
    sv.add_argument("dir", help="the campaign's output folder (or any folder)")
    sv.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    sv.add_argument("--port", type=int, default=8000, help="port (default 8000; 0 = any free port)")
    sv.set_defaults(func=cmd_serve)

    s = sub.add_parser("sandbox", help="the synthetic government web")
    ssub = s.add_subparsers(dest="sandbox_command", required=True)
    serve = ssub.add_parser("serve", help="serve the sandbox web on loopback")
    sandbox_args(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--http-port", type=int, default=8080)
    serve.add_argument("--https-port", type=int, default=8443)
    serve.add_argument("--state-dir", default="sandbox-state")
    serve.add_argument("--hostile", action="store_true",
                       help="also serve the hostile web (misbehaving sites; writes hostile-registry.csv and "
                            "hostile-truth.json into the state dir)")
    truth = ssub.add_parser("truth", help="write the ground truth of the injected defects")
    sandbox_args(truth)
    truth.add_argument("--out", required=True)
    truth.add_argument("--signals", help="also write the external-signals CSV here")
    truth.add_argument("--overseas", help="also write the overseas-signals CSV of foreign-language editions here")
    truth.add_argument("--data", help="also write the new-media and app-store data files into this folder")
    check = ssub.add_parser("check", help="precision and recall of findings.csv against truth.json")
    check.add_argument("--truth", required=True)
    check.add_argument("--findings", required=True)
    check.add_argument("--min", type=float, default=0.0, help="exit 1 when any precision or recall is below")
    hostile = ssub.add_parser("hostile", help="write the hostile web's registry and ground truth")
    hostile.add_argument("--out", required=True, help="folder for hostile-registry.csv and hostile-truth.json")
    check_hostile = ssub.add_parser("check-hostile",
                                    help="compare a campaign store's observations with the hostile truth")
    check_hostile.add_argument("--truth", required=True)
    check_hostile.add_argument("--store", required=True, help="the campaign's campaign.duckdb")
    check.add_argument("--store", help="campaign.duckdb: judge the browser kinds on the rendered platforms only")
    for sp in (serve, truth, check, hostile, check_hostile):
        sp.set_defaults(func=cmd_sandbox)
    return p


def _error(exc: BaseException, locale: str | None = None) -> None:
    """One line, whatever the terminal width; the message is text, never console markup.

    Errors with a locale string (a WARC file or record) are said in ``locale`` (``--locale``)."""
    text = str(exc)
    key = getattr(exc, "key", None)
    if key and hasattr(exc, "params"):
        from govlens.report.locale import load_locale
        from govlens.runner import warc_message
        L = load_locale(locale or "zh-CN")
        text = warc_message(L, key, exc.params())
        console.print(f"[red]{escape(L.t('warc.error'))}:[/red] {escape(text)}", highlight=False, soft_wrap=True)
        return
    sep = "：" if messages.current() == "zh-CN" else ": "
    console.print(f"[red]{escape(messages.t('cli.error'))}{sep}[/red]{escape(text)}", highlight=False, soft_wrap=True)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    messages.set_locale(locale_from_argv(argv))             # the help and argparse's errors are worded in it
    args = build_parser().parse_args(argv)
    messages.set_locale(getattr(args, "locale", None) or locale_from_argv(argv))  # before any file is read
    try:
        return int(args.func(args) or 0)
    except (InputError, ConfigError) as exc:
        _error(exc, getattr(args, "locale", None))
        return 2
    except GovlensError as exc:
        _error(exc)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - the machine's failures (full disk, read-only) as one line
        from govlens.failures import describe_failure
        failure = describe_failure(exc)
        if failure is None:
            raise
        _error(failure)
        return 1


if __name__ == "__main__":
    sys.exit(main())
