"""The expert review (专家评审): the seed's "software test → group scoring → expert review → overall".

After the measured scores (``govlens score``), ``govlens review export`` gives each expert a
workbook with the platforms assigned to them (balanced; never of their own region when so
configured), their measured scores and evidence, and the items to score with ranges and
definitions (a framework's ``review`` section). ``govlens review import`` reads the filled
workbooks back, checking every cell, measures how far the experts agree (ICC), flags outlier
experts, and writes each platform's expert scores as ``expert_review`` observations, which the
framework's ``expert-*`` indicators blend into the index at the weights the framework gives them.

Stage order: after scoring (it shows measured scores), before awards (which may require a review).
"""
from govlens.review.assign import assign
from govlens.review.experts import Expert, load_experts
from govlens.review.export import export_review
from govlens.review.importer import ReviewImport, import_review

__all__ = ["Expert", "ReviewImport", "assign", "export_review", "import_review", "load_experts"]
