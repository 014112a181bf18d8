"""What every command shares: the console, ``--set`` pairs, the progress reporter, a stage's printed line."""
from __future__ import annotations

import argparse
from typing import Any

from rich.console import Console
from rich.markup import escape

from govlens import messages
from govlens.errors import ConfigError
from govlens.pipeline.demo import DEMO_SEED
from govlens.progress import Reporter
from govlens.summary import stage_line

console = Console(stderr=True)


def settings_overrides(pairs: list[str]) -> dict[str, Any]:
    out = {}
    for pair in pairs or []:
        if "=" not in pair:
            raise ConfigError(messages.t("cli.set_expects", pair=pair))
        key, value = pair.split("=", 1)
        out[key.strip()] = value.strip()
    return out


def warn(message: str) -> None:
    console.print(f"[yellow]![/yellow] {escape(message)}")


def reporter(settings: Any = None) -> Reporter:
    """Bars on a terminal, periodic lines in a pipe (``PROGRESS_EVERY`` / ``PROGRESS_PERIOD``)."""
    reporter = Reporter(messages.current(), console=console)
    return reporter.configure(settings) if settings is not None else reporter


def print_stage(rep: Any) -> None:
    console.print(f"[green]✓[/green] {escape(stage_line(rep))}", highlight=False, soft_wrap=True)
    for problem in rep.problems[:20]:
        console.print(f"  [yellow]![/yellow] {escape(str(problem))}", highlight=False, soft_wrap=True)
    if len(rep.problems) > 20:
        console.print("  " + escape(messages.t("cli.more", n=len(rep.problems) - 20)), highlight=False)


def sandbox_args(sp: argparse.ArgumentParser) -> None:
    """The options that build a sandbox web (demo, sandbox serve, sandbox truth)."""
    sp.add_argument("--registry", help="registry CSV/XLSX (default: the shipped notice-2013 registry)")
    sp.add_argument("--sites", type=int, help="number of sites (default: the whole registry; more are generated)")
    sp.add_argument("--seed", type=int, default=DEMO_SEED)
    sp.add_argument("--as-of", help="date the sandbox web is dated around (default 2013-12-15)")
    sp.add_argument("--previous-year", action="store_true",
                    help="the web as it was a year earlier (the previous campaign of 快速发展)")
