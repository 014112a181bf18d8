"""Read a declarative YAML file shipped with a package (by name) or given by path.

Frameworks and awards files are both looked up this way; errors name the file and the line:
for YAML syntax errors the parser's, for a wrong value the line of the key the validator
names (:func:`with_line` finds ``dimensions[2].indicators[0].weight`` in the node tree;
:func:`key_lines` maps every key path to its line for the scoring engine's later checks).
"""
from __future__ import annotations

import re
from collections import OrderedDict
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml

from govlens import messages
from govlens.errors import ConfigError


def shipped_names(package: str) -> list[str]:
    return sorted(p.name[:-5] for p in resources.files(package).iterdir() if p.name.endswith(".yaml"))


def read_yaml(name_or_path: str | Path, package: str, error: type[ConfigError], what: str) -> tuple[Any, str]:
    """(parsed document, source label) for a shipped ``name`` in ``package`` or a ``.yaml`` path."""
    doc, source, _ = read_yaml_lines(name_or_path, package, error, what)
    return doc, source


def read_yaml_lines(name_or_path: str | Path, package: str, error: type[ConfigError],
                    what: str) -> tuple[Any, str, dict[str, int]]:
    """Like :func:`read_yaml`, plus the line of every key path (``dimensions[2].weight`` → 31)."""
    path = Path(name_or_path)
    if path.suffix not in (".yaml", ".yml"):
        candidate = resources.files(package).joinpath(f"{name_or_path}.yaml")
        if not candidate.is_file():
            raise error(messages.t("yaml_file.no_shipped", what=messages.word("yaml_file.what", what),
                                   name=messages.quote(str(name_or_path)[:100]),
                                   shipped=messages.join(shipped_names(package))))
        text, source = candidate.read_text(encoding="utf-8"), f"{name_or_path}.yaml"
    else:
        try:
            text, source = path.read_text(encoding="utf-8"), str(path)
        except OSError as exc:
            raise error(messages.t("yaml_file.cannot_read", reason=messages.os_reason(exc)), file=str(path)) from None
        except UnicodeDecodeError:
            raise error(messages.t("yaml_file.cannot_read", reason=messages.t("import.not_utf8")),
                        file=str(path)) from None
    _remember(source, text)
    try:
        return yaml.safe_load(text), source, key_lines(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise error(yaml_problem(exc), file=source, line=None if mark is None else mark.line + 1) from None


# ---------------------------------------------------------------------------- lines of keys
_TEXTS: OrderedDict[str, str] = OrderedDict()      # source label → text, for the few files read last
_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
E = TypeVar("E", bound=ConfigError)


def _remember(source: str, text: str) -> None:
    _TEXTS[source] = text
    _TEXTS.move_to_end(source)
    while len(_TEXTS) > 16:
        _TEXTS.popitem(last=False)


def line_of(text: str, path: str) -> int | None:
    """The 1-based line of ``path`` (``a[2].b``) in the YAML ``text``: the key's line, or that of the
    deepest node the path reaches (the mapping that lacks a missing key)."""
    try:
        node = yaml.compose(text)
    except yaml.YAMLError:
        return None
    if node is None:
        return None
    line = node.start_mark.line + 1
    for m in _STEP.finditer(path or ""):
        key, index = m.group(1), m.group(2)
        if key is not None and isinstance(node, yaml.MappingNode):
            hit = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)
            if hit is None:
                return line
            line, node = hit[0].start_mark.line + 1, hit[1]
        elif index is not None and isinstance(node, yaml.SequenceNode) and int(index) < len(node.value):
            node = node.value[int(index)]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def with_line(error: E) -> E:
    """``error`` with the line of its field filled in, when the file was read here and the line is unknown."""
    if error.line is not None or not error.field or not error.file or error.file not in _TEXTS:
        return error
    line = line_of(_TEXTS[error.file], error.field)
    if line is None:
        return error
    return type(error)(error.reason, file=error.file, line=line, field=error.field)


def key_lines(text: str) -> dict[str, int]:
    """Map each key path of a YAML document to its 1-based line, so errors found after parsing
    (a bad weight, an inconsistent AHP matrix) can still name the line."""
    lines: dict[str, int] = {}

    def walk(node: yaml.Node, path: str) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                child = f"{path}.{key.value}" if path else str(key.value)
                lines[child] = key.start_mark.line + 1
                walk(value, child)
        elif isinstance(node, yaml.SequenceNode):
            for i, item in enumerate(node.value):
                child = f"{path}[{i}]"
                lines[child] = item.start_mark.line + 1
                walk(item, child)

    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if root is not None:
        walk(root, "")
    return lines


def read_word_list(path: str | Path | None, shipped: str, *, package: str = "govlens.probes",
                   setting: str, what: str) -> tuple[str, str]:
    """(text, source label) of a probe's word list or lexicon: the file at ``path`` (given by the
    ``setting``), or the ``shipped`` file of ``package`` when ``path`` is empty."""
    if not path:
        return resources.files(package).joinpath(shipped).read_text(encoding="utf-8"), shipped
    try:
        return Path(path).read_text(encoding="utf-8"), str(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(messages.t("lexicon.unreadable", what=messages.word("import_what", what),
                                      why=messages.t("import.not_utf8") if isinstance(exc, UnicodeDecodeError)
                                      else messages.t("import.cannot_read", errno=exc.errno or "—")),
                          file=str(path), field=setting) from None


# PyYAML's commonest problems in words (substring of its ``problem`` → catalogue key of ``yaml_file.problems``)
YAML_PROBLEMS = (("mapping values are not allowed", "mapping_here"), ("expected ',' or ']'", "open_list"),
                 ("expected ',' or '}'", "open_mapping"), ("could not find expected ':'", "no_colon"),
                 ("that cannot start any token", "bad_character"), ("found undefined alias", "alias"),
                 ("found unexpected end of stream", "open_quote"), ("did not find expected key", "indent"),
                 ("did not find expected '-' indicator", "indent"), ("found duplicate anchor", "alias"))


def yaml_problem(exc: Exception) -> str:
    """``not valid YAML: …`` in the process's language; PyYAML's own English only where the language is en."""
    problem = str(getattr(exc, "problem", None) or "")
    key = next((k for pattern, k in YAML_PROBLEMS if pattern in problem), "syntax")
    said = messages.t(f"yaml_file.problems.{key}")
    if messages.current() == "en" and problem:
        said = problem
    return messages.t("yaml_file.not_valid", problem=said)


def parse_yaml(text: str, source: str, error: type[ConfigError] = ConfigError) -> Any:
    """The YAML document of ``text``; a syntax error raises ``error`` naming ``source`` and the line."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise error(yaml_problem(exc), file=source, line=None if mark is None else mark.line + 1) from None
