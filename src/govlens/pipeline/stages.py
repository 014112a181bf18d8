"""The stages of a campaign as one declared table: what each reads (campaign keys, store tables), what it
writes, whether a killed run resumes it, and when ``govlens run`` takes it.

``govlens stages`` prints this table and docs/pipeline.md holds it as printed (a test compares them), so
the order a reader sees is the order that runs: :func:`govlens.pipeline.runner.run_all` walks ``STAGES``.
"""
from __future__ import annotations

from dataclasses import dataclass

from govlens import messages


@dataclass(frozen=True)
class Stage:
    name: str                                  # the stage (and its function in the runner)
    inputs: tuple[str, ...]                    # campaign-file keys it reads
    reads: tuple[str, ...]                     # store tables it reads
    writes: tuple[str, ...]                    # store tables (or output files) it writes
    resumable: bool = False                    # a killed run continues it (--resume)
    when: str = ""                             # "" always; else the campaign key or setting that turns it on

    def title(self) -> str:
        return messages.word("stages", self.name)


STAGES: tuple[Stage, ...] = (
    Stage("register", ("registry",), (), ("platforms",)),
    Stage("scan", ("registry", "sandbox", "warc", "signals", "overseas_signals", "data"), ("platforms",),
          ("observations", "scan_ledger", "nm_*", "materials"), resumable=True),
    Stage("monitor", ("registry",), ("platforms",), ("monitor_visits", "observations"), resumable=True,
          when="MONITOR_IN_RUN"),
    Stage("score", ("framework", "frameworks"), ("observations",),
          ("indicator_values", "findings", "indicator_scores", "dimension_scores", "results", "rank_intervals")),
    Stage("improvement", ("previous",), ("results",), ("observations", "results"), when="previous"),
    Stage("review", ("reviewers", "review_dir"), ("results", "materials"),
          ("review_experts", "review_assignments", "review_scores", "observations", "results"), when="reviewers"),
    Stage("inspect", ("inspection",), ("indicator_values", "findings"), ("inspection_results",)),
    Stage("awards", ("awards",), ("results", "dimension_scores", "findings"), ("awards",)),
    Stage("report", ("framework", "awards", "notice"), ("results", "awards", "findings", "indicator_values"),
          ("notice.*", "scorecards/", "inspection.*", "data/", "dashboard/")),
)
# what each command runs, in table order
COMMANDS: dict[str, tuple[str, ...]] = {
    "scan": ("register", "scan"), "monitor": ("monitor",), "score": ("score", "improvement"),
    "inspect": ("inspect",), "awards": ("awards",), "report": ("report",),
    "run": tuple(s.name for s in STAGES),
}


def stage(name: str) -> Stage:
    return next(s for s in STAGES if s.name == name)


def table_rows() -> list[list[str]]:
    """The table as printed: one row per stage, cells in the user's language (header first)."""
    yes, no = messages.t("stages_table.yes"), messages.t("stages_table.no")
    rows = [[messages.t(f"stages_table.col.{c}") for c in ("stage", "inputs", "reads", "writes", "resumable",
                                                            "when")]]
    for s in STAGES:
        rows.append([f"{s.name}（{s.title()}）" if messages.current() == "zh-CN" else s.name,
                     ", ".join(s.inputs) or "—", ", ".join(s.reads) or "—", ", ".join(s.writes),
                     yes if s.resumable else no, s.when or messages.t("stages_table.always")])
    return rows


def markdown_table() -> str:
    rows = table_rows()
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(lines) + "\n"
