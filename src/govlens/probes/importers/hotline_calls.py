"""Importer of citizen-hotline test-call logs (市民热线, series 3): one row per test call.

A hotline is judged by calling it: each row is one test call — the date, the number dialled
(``line``), how long the caller waited (``wait_seconds``: until answered, or until hanging up),
whether it was answered, whether the question was resolved and a courtesy score (1–5, answered
calls only). Read from CSV, JSON Lines or XLSX into ``hotline_calls``, with one ``hotline_calls``
observation per hotline holding what the indicators score (answer rate, median wait …).

Policy: per row — each call stands alone; one malformed call must not erase a day of others.
"""
from __future__ import annotations

from govlens.probes.importers.typed_table import table_importer
from govlens.store.staging import Check, Column, TableSpec

CAMPAIGN_KEY = "hotline_calls"         # the campaign key that names its file (govlens.probes.components)
NAME = "hotline_calls"
KIND = "hotline_calls"

SPEC = TableSpec(
    what="hotline test calls", table="hotline_calls", policy="row", platform_kinds=("hotline",),
    provenance=True,
    columns=(
        Column("platform_id", "VARCHAR", doc="registry id of the hotline"),
        Column("call_date", "DATE", doc="day of the test call"),
        Column("line", "VARCHAR", max_length=40, doc="the number dialled, e.g. 12345 or 025-12345"),
        Column("wait_seconds", "DOUBLE", minimum=0, maximum=3600,
               doc="seconds waited: until a person answered, or until the caller hung up"),
        Column("answered", "BOOLEAN", doc="a person answered"),
        Column("resolved", "BOOLEAN", required=False, doc="the question was resolved (answered calls)"),
        Column("courtesy", "DOUBLE", required=False, minimum=1, maximum=5,
               doc="the caller's courtesy score, 1–5 (answered calls)"),
    ),
    checks=(Check("call_date", "call_date <= {check_date}", "a call after the check date"),
            Check("resolved", "answered OR resolved IS NULL OR NOT resolved", "resolved but not answered"),
            Check("courtesy", "answered OR courtesy IS NULL", "a courtesy score for an unanswered call")),
)


import_file = table_importer(NAME, KIND, SPEC, facts={
    "calls": "count(*)", "answered": "count(*) FILTER (WHERE answered)",
    "answer_rate": "round(avg(CAST(answered AS INTEGER)), 4)",
    "median_wait": "median(wait_seconds) FILTER (WHERE answered)",
    "resolved": "count(*) FILTER (WHERE resolved)",
    "resolution_rate": "round(count(*) FILTER (WHERE resolved) / nullif(count(*) FILTER (WHERE answered), 0), 4)",
    "courtesy": "round(avg(courtesy), 3)",
    "lines": "list(DISTINCT line)", "first": "CAST(min(call_date) AS VARCHAR)",
    "last": "CAST(max(call_date) AS VARCHAR)"})
