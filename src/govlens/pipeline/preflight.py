"""Every input file a stage reads, checked before the campaign's store is opened.

:func:`preflight` reads every input file a stage needs *before* the store is opened: a wrong
registry, signals file, framework or awards file stops the run with one message naming the
file, line and field, and the campaign store is not touched (not even its metadata).
"""
from __future__ import annotations

from pathlib import Path

from govlens.frameworks import validate_references
from govlens.pipeline.campaign import Campaign, require_file
from govlens.pipeline.stage import campaign_frameworks
from govlens.registry import load_registry

STAGE_INPUTS = {"scan": ("registry", "signals", "data"), "monitor": ("registry",),
                "score": ("framework",), "inspect": ("inspection",), "awards": ("awards",),
                "report": ("framework", "awards"),
                "run": ("registry", "signals", "data", "framework", "inspection", "awards")}


def preflight(campaign: Campaign, stage: str) -> None:
    """Load and validate the input files ``stage`` will read; raise the first error (nothing written).

    Data files of the importers are checked as far as is cheap (present, a known format, a CSV
    header with the required columns); their rows are checked when imported, all or nothing.
    """
    needs = STAGE_INPUTS.get(stage, ())
    check_files(campaign, needs, stage)
    if "framework" in needs:
        from govlens.indicators.catalogue import all_ids
        from govlens.scoring import NORMALISATION_METHODS
        for framework in campaign_frameworks(campaign):
            validate_references(framework, set(all_ids()), set(NORMALISATION_METHODS))
    if "inspection" in needs:
        from govlens.frameworks.inspection import (
            load_inspection_scheme,
            validate_scheme_references,
        )
        from govlens.indicators.catalogue import all_ids
        validate_scheme_references(load_inspection_scheme(campaign.inspection), set(all_ids()))
    if "awards" in needs:
        from govlens.awards import load_awards
        load_awards(campaign.awards)
    if "registry" in needs and stage in ("scan", "run"):
        from govlens.probes.components import probe_classes
        probe_classes(campaign.settings)              # a probe setting that names nothing stops the scan here
        for path in campaign.warc:                    # a missing archive stops the scan before the store is opened
            if not path.is_file():
                from govlens.probes.warc.source import WarcRecordError
                raise WarcRecordError("missing_file", file=str(path.resolve()))
    if "registry" in needs:
        loaded = load_registry(campaign.registry)
        if "signals" in needs and campaign.signals is not None:
            from govlens.probes.importers.external_signals import import_signals
            import_signals(campaign.signals, loaded.platforms)     # an unusable file raises; bad rows do not
        if "signals" in needs and campaign.overseas_signals is not None:
            from govlens.probes.importers.overseas_signals import import_overseas_signals
            import_overseas_signals(campaign.overseas_signals, loaded.platforms)
    if "data" in needs and campaign.data:
        from govlens.probes.components import importers_by_key
        from govlens.probes.importers.tabular import check_file
        enabled = importers_by_key(campaign.settings)
        for key, path in campaign.data.items():
            module = enabled.get(key)
            if module is not None and hasattr(module, "SPEC"):
                check_file(path, module.SPEC)


def check_files(campaign: Campaign, needs: tuple[str, ...], stage: str) -> None:
    """Every file the stage reads exists, else one message: the key, its line and the full path."""
    if "registry" in needs:
        require_file(campaign, "registry")
        if stage in ("scan", "run"):
            for path in campaign.warc:         # from the campaign's `warc` key, or --from-warc
                require_file(campaign, "warc", path)
        if stage in ("scan", "run", "monitor") and not campaign.warc and campaign.sandbox is not None:
            require_file(campaign, "sandbox")
    if "signals" in needs:
        for key in ("signals", "overseas_signals"):
            require_file(campaign, key)
    if "data" in needs:
        for key, path in campaign.data.items():
            require_file(campaign, key, path)
    named = {"framework": [("framework", campaign.frameworks[0])] +
             [("frameworks" if "frameworks" in campaign.sources else "framework", f) for f in campaign.frameworks[1:]],
             "awards": [("awards", campaign.awards)], "inspection": [("inspection", campaign.inspection)]}
    for need, items in named.items():
        if need in needs:
            for key, name in items:
                if name.endswith((".yaml", ".yml")):
                    require_file(campaign, key, Path(name))
