"""govlens index and govlens compare: the composite-index engine on any table, and year-over-year ranks."""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from rich.markup import escape

from govlens import messages
from govlens.cli.common import console


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
        from govlens.pipeline.campaign import load_campaign
        return str(load_campaign(value).store_path)
    return value


def _compare(old: str, new: str, out: Path, framework: str | None) -> None:
    from govlens.scoring.compare import compare, load_results, summary, write_comparison

    table = compare(load_results(_results_path(old), framework), load_results(_results_path(new), framework))
    write_comparison(table, out)
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


def add_parsers(sub: Any) -> None:
    """index and compare."""
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
