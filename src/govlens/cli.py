"""The govlens command line: a thin layer over :mod:`govlens.runner` and the sandbox.

Errors of govlens's own tree are printed as one line naming the file, line and field, and
the exit code is 2 (bad input) or 1 (other failure); never a traceback for bad input.
"""
from __future__ import annotations

import argparse
import sys
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from govlens import __version__
from govlens.errors import ConfigError, GovlensError, InputError

DEMO_CHECK_DATE = date(2013, 12, 15)   # the 2013 campaign's check date: the sandbox web is dated around it
DEMO_SEED = 2013
DEMO_BROWSER_SAMPLE = 40               # websites the demo renders in the browser (BROWSER_SAMPLE); 0 = all
console = Console(stderr=True)


def shipped_registry() -> Path:
    return Path(str(resources.files("govlens.registry").joinpath("notice-2013.csv")))


# ------------------------------------------------------------------ helpers
def _settings_overrides(pairs: list[str]) -> dict[str, Any]:
    out = {}
    for pair in pairs or []:
        if "=" not in pair:
            raise ConfigError(f"--set expects KEY=VALUE, got '{pair}'")
        key, value = pair.split("=", 1)
        out[key.strip()] = value.strip()
    return out


def _progress() -> Progress:
    return Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=console, transient=False, disable=not console.is_terminal)


def _print_stage(rep: Any) -> None:
    facts = ", ".join(f"{k}={v}" for k, v in rep.facts.items() if not str(v).startswith("/"))
    console.print(f"[green]✓[/green] {rep.stage} ({rep.seconds:.1f}s) {facts}")
    for problem in rep.problems[:20]:
        console.print(f"  [yellow]![/yellow] {problem}")
    if len(rep.problems) > 20:
        console.print(f"  … and {len(rep.problems) - 20} more")


def _sandbox_platforms(registry: str | None, sites: int | None, seed: int):  # type: ignore[no-untyped-def]
    from govlens.registry import load_registry
    from govlens.sandbox.platforms import generate_platforms

    loaded = load_registry(registry or shipped_registry())
    for err in loaded.errors:
        console.print(f"[yellow]![/yellow] {err}")
    return generate_platforms(loaded.platforms, sites or len(loaded.platforms), seed)


# ------------------------------------------------------------------ commands
def cmd_demo(args: argparse.Namespace) -> int:
    from govlens.campaign import load_campaign, write_campaign
    from govlens.registry.write import write_registry_csv
    from govlens.runner import run_all
    from govlens.sandbox.process import sandbox_process
    from govlens.sandbox.web import build_sandbox

    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    as_of = date.fromisoformat(args.as_of) if args.as_of else DEMO_CHECK_DATE
    platforms = _sandbox_platforms(args.registry, args.sites, args.seed)
    write_registry_csv(platforms, out / "registry.csv")
    web = build_sandbox(platforms, args.seed, as_of)
    web.write_truth(out / "truth.json")
    web.write_signals(out / "signals.csv")
    console.print(f"sandbox web: {len(platforms)} sites, seed {args.seed}, as of {as_of}")
    with sandbox_process(out / "registry.csv", sites=len(platforms), seed=args.seed, as_of=as_of,
                         state_dir=out / "sandbox"):
        write_campaign(out / "campaign.toml", {
            "name": "2013年中国优秀政务平台推荐及综合影响力评估（沙箱演示）", "year": as_of.year,
            "check_date": as_of.isoformat(), "registry": "registry.csv", "framework": args.framework,
            "awards": args.awards, "signals": "signals.csv", "out": ".", "locale": args.locale,
            "sandbox": "sandbox/sandbox.json"}, {"BROWSER_SAMPLE": args.browser_sample})
        campaign = load_campaign(out / "campaign.toml", _settings_overrides(args.set))
        with _progress() as bar:
            task = bar.add_task("scan", total=len(platforms))
            run_all(campaign, progress=lambda done, total: bar.update(task, completed=done, total=total),
                    on_stage=_print_stage)
    console.print()
    for label, name in (("notice", "notice.html"), ("notice (Markdown)", "notice.md"), ("scorecards", "scorecards/"),
                        ("results", "results.csv"), ("results (Excel)", "results.xlsx"), ("findings", "findings.csv"),
                        ("ground truth", "truth.json"), ("campaign store", "campaign.duckdb"),
                        ("campaign file", "campaign.toml")):
        print(f"{label:<18} {out / name}")
    return 0


def cmd_stage(args: argparse.Namespace) -> int:
    from govlens import runner
    from govlens.campaign import load_campaign

    campaign = load_campaign(args.campaign, _settings_overrides(args.set))
    if args.command == "run":
        with _progress() as bar:
            task = bar.add_task("scan", total=None)
            runner.run_all(campaign, progress=lambda d, t: bar.update(task, completed=d, total=t),
                           on_stage=_print_stage)
        print(campaign.out)
        return 0
    with runner.open_store(campaign) as store:
        if args.command == "scan":
            _print_stage(runner.register(campaign, store))
            with _progress() as bar:
                task = bar.add_task("scan", total=None)
                rep = runner.scan(campaign, store, progress=lambda d, t: bar.update(task, completed=d, total=t))
        else:
            rep = getattr(runner, args.command)(campaign, store)
        _print_stage(rep)
    return 0


def cmd_sandbox(args: argparse.Namespace) -> int:
    from govlens.sandbox.web import build_sandbox

    if args.sandbox_command == "check":
        return _check(args)
    as_of = date.fromisoformat(args.as_of) if args.as_of else DEMO_CHECK_DATE
    web = build_sandbox(_sandbox_platforms(args.registry, args.sites, args.seed), args.seed, as_of)
    if args.sandbox_command == "truth":
        web.write_truth(Path(args.out))
        if args.signals:
            web.write_signals(Path(args.signals))
        print(args.out)
        return 0
    from govlens.sandbox.server import serve_forever
    console.print(f"serving {len(web.hosts())} hosts on {args.host} (Ctrl-C stops); state in {args.state_dir}")
    serve_forever(web, args.host, args.http_port, args.https_port, Path(args.state_dir))
    return 0


def _check(args: argparse.Namespace) -> int:
    from govlens.sandbox.check import compare, format_scores, load_finding_keys, load_truth_keys

    truth, found = load_truth_keys(Path(args.truth)), load_finding_keys(Path(args.findings))
    if args.store:
        from govlens.sandbox.check import only_rendered, rendered_platforms
        rendered = rendered_platforms(Path(args.store))
        truth, found = only_rendered(truth, rendered), only_rendered(found, rendered)
    scores = compare(truth, found)
    print(format_scores(scores))
    worst = min(min(s.precision, s.recall) for s in scores)
    return 0 if worst >= args.min else 1


# ------------------------------------------------------------------ parser
def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="govlens", description="Evaluate government digital platforms.")
    p.add_argument("--version", action="version", version=f"govlens {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    def sandbox_args(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--registry", help="registry CSV/XLSX (default: the shipped notice-2013 registry)")
        sp.add_argument("--sites", type=int, help="number of sites (default: the whole registry; more are generated)")
        sp.add_argument("--seed", type=int, default=DEMO_SEED)
        sp.add_argument("--as-of", help="date the sandbox web is dated around (default 2013-12-15)")

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
                       ("awards", "choose winners and nominations"), ("report", "write the notice and scorecards"),
                       ("run", "every stage in order")):
        sp = sub.add_parser(name, help=text)
        sp.add_argument("campaign", help="campaign TOML file")
        sp.add_argument("--set", action="append", metavar="KEY=VALUE", help="override a setting")
        sp.set_defaults(func=cmd_stage)

    s = sub.add_parser("sandbox", help="the synthetic government web")
    ssub = s.add_subparsers(dest="sandbox_command", required=True)
    serve = ssub.add_parser("serve", help="serve the sandbox web on loopback")
    sandbox_args(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--http-port", type=int, default=8080)
    serve.add_argument("--https-port", type=int, default=8443)
    serve.add_argument("--state-dir", default="sandbox-state")
    truth = ssub.add_parser("truth", help="write the ground truth of the injected defects")
    sandbox_args(truth)
    truth.add_argument("--out", required=True)
    truth.add_argument("--signals", help="also write the external-signals CSV here")
    check = ssub.add_parser("check", help="precision and recall of findings.csv against truth.json")
    check.add_argument("--truth", required=True)
    check.add_argument("--findings", required=True)
    check.add_argument("--min", type=float, default=0.0, help="exit 1 when any precision or recall is below")
    check.add_argument("--store", help="campaign.duckdb: judge the browser kinds on the rendered platforms only")
    for sp in (serve, truth, check):
        sp.set_defaults(func=cmd_sandbox)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except (InputError, ConfigError) as exc:
        console.print(f"[red]error:[/red] {exc}", highlight=False)
        return 2
    except GovlensError as exc:
        console.print(f"[red]error:[/red] {exc}", highlight=False)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
