"""The command line's catalogue is whole: every key the code asks for is in zh-CN and en, and the two mirror.

A key missing from a catalogue prints the key itself (``import.not_valid``) in a user's report, so this
reads the source for every literal key given to ``messages.t`` (and to the importers' ``_t``, which
prefixes ``import.``) and looks it up in both languages.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

import govlens
from govlens import messages

SRC = Path(govlens.__file__).parent
PREFIXED = {"_t": "import."}         # module-local shorthands: name → key prefix (probes/importers/tabular, count_csv)


def keys(node: dict, prefix: str = "") -> set[str]:
    out = set()
    for k, v in node.items():
        out |= keys(v, f"{prefix}{k}.") if isinstance(v, dict) else {f"{prefix}{k}"}
    return out


def catalogue(lang: str) -> dict:
    return yaml.safe_load((SRC / "messages" / f"{lang}.yaml").read_text(encoding="utf-8"))


def used_keys() -> set[tuple[str, str]]:
    found = set()
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        local_t = any(isinstance(n, ast.FunctionDef) and n.name == "_t" and "import." in ast.unparse(n)
                      for n in tree.body)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                continue
            f = node.func
            if isinstance(f, ast.Attribute) and f.attr == "t" and isinstance(f.value, ast.Name) \
                    and f.value.id == "messages":
                found.add((str(path.relative_to(SRC)), node.args[0].value))
            elif isinstance(f, ast.Name) and f.id in PREFIXED and local_t:
                found.add((str(path.relative_to(SRC)), PREFIXED[f.id] + node.args[0].value))
    return found


def test_the_scan_finds_the_importers_keys() -> None:
    got = {k for _, k in used_keys()}
    assert {"import.not_valid", "import.header_lacks", "import.unknown_platform"} <= got
    assert len(got) > 50


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
def test_every_key_in_the_code_is_in_the_catalogue(lang: str) -> None:
    missing = sorted(f"{where}: {key}" for where, key in used_keys() if not messages.has(key, locale=lang))
    assert not missing, f"keys missing from {lang}.yaml:\n" + "\n".join(missing)


def test_the_two_catalogues_mirror() -> None:
    zh, en = keys(catalogue("zh-CN")), keys(catalogue("en"))
    assert not zh - en, f"only in zh-CN.yaml: {sorted(zh - en)}"
    assert not en - zh, f"only in en.yaml: {sorted(en - zh)}"


def test_using_a_language_for_a_block_restores_the_one_before() -> None:
    messages.set_locale("zh-CN")
    with messages.using("en"):
        assert messages.current() == "en"
        inner = messages.t("scoring.no_units")
    assert messages.current() == "zh-CN" and inner == "no unit to score"
    try:
        with messages.using("en"):
            raise KeyError("x")
    except KeyError:
        pass
    assert messages.current() == "zh-CN" and messages.t("scoring.no_units") == "没有可评分的单位"
