"""The command line's argument parser in the user's language (zh-CN, en with ``--locale en``).

argparse words its help and its errors in English through gettext, and a process-wide gettext
catalogue would change every other program's argparse too. So the parser here translates at its
own edges: help texts are looked up by their English in the message catalogue (``cli_help``), the
usage prefix and group titles are set from it, and an error's fixed phrases (a required argument,
an invalid choice or value, an unrecognised argument) are matched and reworded (``argparse.*``).
Anything argparse says that is not matched is still printed, behind a localised lead-in.
"""
from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

from govlens import messages

_TYPES = {"int": "integer", "float": "number"}
_PATTERNS: list[tuple[re.Pattern[str], str, tuple[str, ...]]] = [
    (re.compile(r"the following arguments are required: (.+)"), "required", ("names",)),
    (re.compile(r"argument (\S+): invalid choice: '?(.*?)'? \(choose from (.+)\)"), "invalid_choice",
     ("arg", "value", "choices")),
    (re.compile(r"unrecognized arguments: (.+)"), "unrecognized", ("names",)),
    (re.compile(r"argument (\S+): expected one argument"), "expected_one", ("arg",)),
    (re.compile(r"argument (\S+): invalid (\w+) value: '(.*)'"), "invalid_value", ("arg", "type", "value")),
    (re.compile(r"argument (\S+): not allowed with argument (\S+)"), "not_allowed", ("arg", "other")),
]


def locale_from_argv(argv: list[str]) -> str | None:
    """The ``--locale`` an argument list asks for, read before the parser exists (its help is worded in it)."""
    for i, arg in enumerate(argv):
        if arg == "--locale" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--locale="):
            return arg.split("=", 1)[1]
    return None


def reword(message: str) -> str:
    """argparse's English error in the process's language."""
    for pattern, key, names in _PATTERNS:
        m = pattern.fullmatch(message.strip())
        if m:
            values = dict(zip(names, m.groups()))
            if "type" in values:
                values["type"] = messages.word("import_types", _TYPES.get(values["type"], values["type"]))
            return messages.t(f"argparse.{key}", **values)
    return messages.t("argparse.other", message=message)


class HelpFormatter(argparse.HelpFormatter):
    def _get_help_string(self, action: argparse.Action) -> str:
        return messages.word("cli_help", action.help or "")

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, messages.t("argparse.usage") if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose help and errors are in the catalogue's language (its subparsers too)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if kwargs.get("description"):
            kwargs["description"] = messages.word("cli_help", kwargs["description"])
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = messages.t("argparse.positional")
        self._optionals.title = messages.t("argparse.options")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        sep = messages.t("where.end")
        self.exit(2, f"{self.prog}{sep}{messages.t('cli.error')}{sep}{reword(message)}\n"
                     f"{messages.t('argparse.hint', prog=self.prog)}\n")
