"""edition-interaction — share of interaction features the foreign-language edition offers (互动交流, series 7).

E-mail, telephone, a feedback form (a form with a text area), and the lexicon's features found by
words (contact page, FAQ, feedback), on the pages of the main edition.
"""
from __future__ import annotations

from govlens.indicators.foreign_site._edition import lexicon_indicator

ID = "edition-interaction"
TITLE = ("外文版互动交流功能覆盖率", "Interaction features of the edition")
REQUIRES = ("edition_discovery", "edition_page")
UNIT = "ratio"

evaluate = lexicon_indicator("interaction")
