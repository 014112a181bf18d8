"""What every stage of the pipeline shares: the report it returns, the spool's name, the campaign's frameworks."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from govlens.frameworks import load_framework
from govlens.pipeline.campaign import Campaign

SPOOL_NAME = "scan-spool.warc.gz"     # the scan's bounded spool of responses (the evidence file's source)
Progress = Callable[[int, int], None]


@dataclass
class StageReport:
    """What a stage did, for the CLI to print."""

    stage: str
    seconds: float
    facts: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    kinds: dict[str, dict[str, int]] = field(default_factory=dict)    # platform kind → counts (summary table)


def _all_dimensions(dimensions: Any) -> Any:
    """Every dimension of a framework's tree, depth first."""
    for d in dimensions:
        yield d
        yield from _all_dimensions(d.dimensions)


def campaign_frameworks(campaign: Campaign) -> list[Any]:
    """The campaign's frameworks, each limited to the platform kinds the campaign gives it (if it does)."""
    import dataclasses

    out = []
    for name in campaign.frameworks:
        framework = load_framework(name)
        kinds = campaign.framework_kinds.get(name)
        if kinds:
            framework = dataclasses.replace(framework, platform_kinds=tuple(kinds))
        out.append(framework)
    return out
