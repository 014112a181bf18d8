"""User-facing strings of the reports, one YAML file per locale (``locale/zh-CN.yaml``, ``locale/en.yaml``).

Keys are dotted paths into the file (``defects.stale_column``, ``indicators.availability.title``).
A missing key, or a template that names a missing placeholder, falls back to the key itself
(or leaves the placeholder as written): a report is never stopped by a missing string.

Layout of a locale file::

    meta:       name, lang (the HTML ``lang`` attribute)
    format:     numerals (chinese | arabic), date, months, list_sep, percent, points …
    labels:     words shared by every report (index, rank, group, region …)
    notice:     sentences of the notice (intro numbers, series heading, findings section, closing)
    scorecard:  labels of the per-platform scorecard and its index page
    columns:    header row of results.xlsx, keyed by column id
    statuses / award_status / bool:  value labels
    defects:    title of each defect kind (govlens.contract.defects.ALL_KINDS)
    regions / levels / groups / kinds / org_types:  registry vocabularies
    reasons:    templates of the generated award reasons

An indicator's title, unit label and evidence sentence live in its module (``TITLE``, ``UNIT_LABEL``,
``EVIDENCE``), read through :mod:`govlens.indicators.catalogue`.
"""
from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from govlens import messages
from govlens.errors import ConfigError
from govlens.indicators import catalogue

_MISSING = object()


class _Lenient(dict):
    """format_map mapping that leaves unknown placeholders as written."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"




def available_locales() -> list[str]:
    return sorted(p.name[:-5] for p in resources.files("govlens.report.locale").iterdir()
                  if p.name.endswith(".yaml"))


@lru_cache(maxsize=None)
def _load_doc(name: str) -> dict[str, Any]:
    res = resources.files("govlens.report.locale").joinpath(f"{name}.yaml")
    if not res.is_file():
        raise ConfigError(messages.t("report_locale.unknown", name=messages.quote(str(name)[:100]),
                                     names=messages.join(available_locales())))
    try:
        doc = yaml.safe_load(res.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = messages.t("report_locale.at_line", line=mark.line + 1) if mark is not None else ""
        raise ConfigError(messages.t("report_locale.bad_yaml", where=where), file=f"{name}.yaml") from exc
    return doc if isinstance(doc, dict) else {}


class Locale:
    """The strings of one locale, looked up by dotted key with a fallback to the key."""

    def __init__(self, name: str = "zh-CN", doc: Mapping[str, Any] | None = None) -> None:
        self.name = name
        self.doc: Mapping[str, Any] = _load_doc(name) if doc is None else doc
        self._cache: dict[str, Any] = {}

    # ------------------------------------------------------------ lookup
    def get(self, key: str, default: Any = _MISSING) -> Any:
        if key in self._cache:
            return self._cache[key]
        node: Any = self.doc
        for part in key.split("."):
            if isinstance(node, Mapping) and part in node:
                node = node[part]
            else:
                node = _MISSING
                break
        if node is _MISSING or node is None:
            return key if default is _MISSING else default
        self._cache[key] = node
        return node

    def has(self, key: str) -> bool:
        return self.get(key, None) is not None

    def t(self, key: str, /, **values: Any) -> str:
        """The string at ``key`` formatted with ``values``; the key itself when missing."""
        text = self.get(key)
        text = text if isinstance(text, str) else key
        return messages.fill(text, values) if values else text

    __call__ = t

    # ------------------------------------------------------------ vocabularies
    def _vocab(self, section: str, value: str | None) -> str:
        if value is None or value == "":
            return ""
        got = self.get(f"{section}.{value}", None)
        return got if isinstance(got, str) else str(value)

    def defect(self, kind: str) -> str:
        return self._vocab("defects", kind)

    def region(self, region: str | None) -> str:
        return self._vocab("regions", region)

    def level(self, level: str | None) -> str:
        return self._vocab("levels", level)

    def group(self, group: str | None) -> str:
        return self._vocab("groups", group)

    def kind(self, kind: str | None) -> str:
        return self._vocab("kinds", kind)

    def org_type(self, org_type: str | None) -> str:
        return self._vocab("org_types", org_type)

    def status(self, status: str | None) -> str:
        return self._vocab("statuses", status)

    def indicator_title(self, indicator_id: str) -> str:
        """The indicator's ``TITLE`` in this locale; the id itself for an id that is no indicator."""
        return catalogue.title(indicator_id, self.name) or indicator_id

    def indicator_unit(self, indicator_id: str) -> str:
        return catalogue.unit_label(indicator_id, self.name)

    def fill(self, template: str, /, **values: Any) -> str:
        """``template`` (not a key: e.g. an indicator's evidence sentence) formatted as :meth:`t` does."""
        return messages.fill(template, values)

    @property
    def list_sep(self) -> str:
        sep = self.get("format.list_sep", None)
        return sep if isinstance(sep, str) else ", "

    def join(self, items: list[str]) -> str:
        return self.list_sep.join(items)


def load_locale(name: str = "zh-CN") -> Locale:
    return Locale(name)
