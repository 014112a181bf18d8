"""The entry point: parse the command line in the user's language, run the command, say an error in one line.

Errors of govlens's own tree are printed as one line naming the file, line and field, and the exit code is
2 (bad input) or 1 (other failure); never a traceback for bad input.
"""
from __future__ import annotations

import argparse
import sys

from rich.markup import escape

from govlens import __version__, messages
from govlens.cli import campaign_commands, index_commands, sandbox_commands, tool_commands
from govlens.cli.args import Parser, locale_from_argv
from govlens.cli.common import console
from govlens.errors import ConfigError, GovlensError, InputError


def build_parser() -> argparse.ArgumentParser:
    p = Parser(prog="govlens", description="Evaluate government digital platforms.")
    p.add_argument("--version", action="version", version=f"govlens {__version__}")
    p.add_argument("--locale", choices=messages.LOCALES, help="language of messages")
    sub = p.add_subparsers(dest="command", required=True)
    for commands in (campaign_commands, tool_commands, index_commands, sandbox_commands):
        commands.add_parsers(sub)
    return p


def _error(exc: BaseException, locale: str | None = None) -> None:
    """One line, whatever the terminal width; the message is text, never console markup.

    Errors with a locale string (a WARC file or record) are said in ``locale`` (``--locale``)."""
    text = str(exc)
    key = getattr(exc, "key", None)
    if key and hasattr(exc, "params"):
        from govlens.pipeline.scan_stages import warc_message
        from govlens.report.locale import load_locale
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
    explicit = locale_from_argv(argv)      # --locale before the command too: not the command's default
    if explicit in messages.LOCALES:
        args.locale = explicit
    messages.set_locale(getattr(args, "locale", None) or explicit)  # before any file is read
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
