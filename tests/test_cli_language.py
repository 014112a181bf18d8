"""The command line's own words are zh-CN (en with ``--locale en``): argparse's usage, errors and help.

Each wrong call below is one a new user makes (no arguments, an unknown command, a missing or invalid
argument); its output is scanned for Latin-script words outside the report scanner's allow-list, and the
same call with ``--locale en`` must say it in English.
"""
from __future__ import annotations

import pytest

from govlens import messages
from govlens.cli import main
from tests.report.language_scan import offending

# command names, option names and metavariables are the program's words, not prose
PROGRAM_WORDS = ("govlens", "usage", "scan", "index", "demo", "score", "inspect", "awards", "report", "run", "page",
                 "check", "monitor", "compare", "review", "serve", "stages", "sandbox", "campaign", "command", "locale",
                 "zh-CN", "en", "set", "key", "value", "resume", "from-warc", "capture-warc", "file", "replications",
                 "ten", "bogus", "help", "version", "table", "framework", "id", "group", "name", "out", "only",
                 "results", "no-uncertainty", "dir", "host", "port", "shards", "workers", "previous", "url", "as",
                 "sandbox-state", "registry", "results-only", "colour", "sites", "check-date", "browser-sample",
                 "cluster", "address")

CASES = {
    "no arguments": ([], "缺少必需的参数", "the following arguments are required"),
    "unknown command": (["bogus"], "无效的选项“bogus”", "invalid choice: 'bogus'"),
    "missing argument": (["scan"], "缺少必需的参数：campaign", "the following arguments are required: campaign"),
    "invalid value": (["index", "t.csv", "--replications", "ten"], "无效的整数值“ten”", "invalid whole number value: 'ten'"),
    "unrecognised": (["serve", ".", "--colour"], "无法识别的参数：--colour", "unrecognized arguments: --colour"),
}


@pytest.fixture(autouse=True)
def _zh():
    yield
    messages.set_locale("zh-CN")


def run(argv: list[str], capsys) -> str:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    return capsys.readouterr().err


@pytest.mark.parametrize("case", sorted(CASES))
def test_usage_errors_in_chinese(case: str, capsys) -> None:
    argv, zh, _ = CASES[case]
    err = run(argv, capsys)
    assert zh in err and "用法：" in err and "查看帮助" in err, err
    for line in err.splitlines():
        words, reprs = offending(line.replace("'", " "), PROGRAM_WORDS)
        assert not words and not reprs, (line, words, reprs)


@pytest.mark.parametrize("case", sorted(CASES))
def test_usage_errors_in_english(case: str, capsys) -> None:
    argv, _, en = CASES[case]
    err = run([*argv, "--locale", "en"] if argv and argv[0] != "bogus" else ["--locale", "en", *argv], capsys)
    assert en in err and "usage: " in err, err


def test_help_is_chinese_and_english_on_request(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["scan", "--help"])
    zh = capsys.readouterr().out
    assert "评估活动文件（TOML）" in zh and "显示本帮助并退出" in zh and "选项" in zh, zh
    with pytest.raises(SystemExit):
        main(["scan", "--help", "--locale", "en"])
    en = capsys.readouterr().out
    assert "campaign TOML file" in en and "show this help message and exit" in en, en


def test_every_help_text_is_in_the_catalogue() -> None:
    import argparse

    from govlens.cli import build_parser

    missing = []

    def walk(p: argparse.ArgumentParser) -> None:
        for a in p._actions:
            if a.help and a.help != argparse.SUPPRESS and messages.word("cli_help", a.help, "zh-CN") == a.help:
                missing.append(a.help)
            if isinstance(a, argparse._SubParsersAction):
                missing.extend(c.help for c in a._choices_actions
                               if c.help and messages.word("cli_help", c.help, "zh-CN") == c.help)
                for sp in a.choices.values():
                    walk(sp)
    walk(build_parser())
    assert not missing, missing
