"""The contract between the stages: the vocabulary probes write and indicators, scoring and the sandbox read.

It sits below probes and indicators and imports neither (nor anything of govlens but ``errors``):
the observation record (:mod:`.observation`), how a visit ended (:mod:`.statuses`), the defect
kinds the sandbox plants and the indicators report (:mod:`.defects`), and the wording-hit
severities (:mod:`.wording`). Nothing else passes between the scanner and the sandbox, so the
detection rates measured against the sandbox's truth are honest.
"""
