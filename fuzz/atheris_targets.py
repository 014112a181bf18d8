"""Coverage-guided fuzzing (atheris / libFuzzer) of the parsers that read hostile or user bytes.

    python fuzz/atheris_targets.py TARGET [libFuzzer options, e.g. -atheris_runs=100000 corpus/]

Targets: ``html``, ``charset``, ``dates``, ``robots``, ``sitemap``, ``registry``, ``signals``,
``campaign``, ``framework``, ``awards``. Each feeds the bytes to one parser and fails (a crash
libFuzzer reports with the input) when anything but the documented error escapes: page parsers
must never raise; importers raise only their own error. ``tests/fuzz/test_atheris.py`` runs every
target for a few thousand inputs; run longer by hand. The hypothesis properties in
``tests/fuzz/test_parsers.py`` check the same contracts with structured inputs.
"""
from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile

import atheris

with atheris.instrument_imports(include=["govlens"]):
    import yaml

    from govlens.awards.config import parse_awards
    from govlens.pipeline.campaign import load_campaign
    from govlens.errors import AwardsError, CampaignFileError, FrameworkError, InputError, RegistryError
    from govlens.frameworks.load import parse_framework
    from govlens.probes.extract.charset import decode_html
    from govlens.probes.extract.dates import date_from_url, find_date, parse_iso_datetime
    from govlens.probes.importers.external_signals import import_signals
    from govlens.probes.extract.html import extract_page
    from govlens.probes.net.robots import parse_robots
    from govlens.probes.net.sitemap import parse_sitemap
    from govlens.registry import load_registry
    from govlens.registry.model import Platform

REF = dt.date(2013, 12, 15)
TMP = tempfile.mkdtemp(prefix="govlens-fuzz-")
PLATFORMS = [Platform(id="p0", name="x", kind="website", org_type="", level="", province="", region="",
                      url="https://x.gov.cn/", group="")]


def _text(data: bytes) -> str:
    return atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data))


def _file(name: str, data: bytes) -> str:
    path = os.path.join(TMP, name)
    with open(path, "wb") as fh:
        fh.write(data)
    return path


def html(data: bytes) -> None:
    page = extract_page(data.decode("utf-8", "replace"), "https://www.a.gov.cn/", platform_host="a.gov.cn",
                        role=("home", "column", "article")[len(data) % 3], reference=REF, max_links=50)
    assert len(page["links"]) <= 50
    assert all(link["url"].startswith(("http://", "https://")) for link in page["links"])


def charset(data: bytes) -> None:
    text, codec, source = decode_html(data, ("text/html; charset=utf-8", "text/html; charset=gbk", None)[len(data) % 3])
    assert isinstance(text, str) and codec and source


def dates(data: bytes) -> None:
    text = _text(data)
    for d in (parse_iso_datetime(text), date_from_url(text), (find_date(text, REF) or (None,))[0]):
        assert d is None or 1900 <= d.year <= 2100


def robots(data: bytes) -> None:
    parse_robots("https://a.gov.cn/robots.txt", data.decode("utf-8", "replace"), "https://a.gov.cn").can_fetch("/x")


def sitemap(data: bytes) -> None:
    parse_sitemap(data)


def registry(data: bytes) -> None:
    try:
        load_registry(_file("registry.csv", data))
    except RegistryError:
        pass


def signals(data: bytes) -> None:
    try:
        import_signals(_file("signals.csv", data), PLATFORMS)
    except InputError:
        pass


def campaign(data: bytes) -> None:
    try:
        load_campaign(_file("campaign.toml", data))
    except CampaignFileError:
        pass


def _yaml(data: bytes):
    try:
        return yaml.safe_load(data.decode("utf-8", "replace"))
    except (yaml.YAMLError, RecursionError):
        return None


def framework(data: bytes) -> None:
    try:
        parse_framework(_yaml(data), "fuzz.yaml")
    except FrameworkError:
        pass


def awards(data: bytes) -> None:
    try:
        parse_awards(_yaml(data), "fuzz.yaml")
    except AwardsError:
        pass


TARGETS = {f.__name__: f for f in (html, charset, dates, robots, sitemap, registry, signals, campaign, framework,
                                   awards)}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in TARGETS:
        sys.exit(f"usage: {sys.argv[0]} {{{','.join(TARGETS)}}} [libFuzzer options]")
    target = TARGETS[sys.argv.pop(1)]
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()
