"""The declared stage table is the one that runs, and the one the docs show."""
from __future__ import annotations

from pathlib import Path

from govlens import messages
from govlens.pipeline import runner
from govlens.pipeline.stages import COMMANDS, STAGES, markdown_table

DOCS = Path(__file__).resolve().parents[1] / "docs" / "pipeline.md"


def test_docs_show_the_table_as_declared() -> None:
    with messages.using("en"):
        table = markdown_table()
    assert table in DOCS.read_text(encoding="utf-8")


def test_every_stage_has_a_step_and_every_command_names_known_stages() -> None:
    names = [s.name for s in STAGES]
    assert len(names) == len(set(names))
    special = {"scan", "monitor", "review"}               # run with their options by runner._step
    assert set(names) - special == set(runner.STEPS)
    for command, stages in COMMANDS.items():
        assert set(stages) <= set(names), command
        assert list(stages) == [n for n in names if n in stages], f"{command}: not in table order"
    assert COMMANDS["run"] == tuple(names)


def test_the_zh_cn_table_names_every_stage_in_chinese() -> None:
    from govlens.pipeline.stages import table_rows

    rows = table_rows()
    assert rows[0][0] == "阶段" and len(rows) == len(STAGES) + 1
    assert all("（" in r[0] and not r[0].endswith("（）") for r in rows[1:])
