"""Awards stage: series, awards, groups and quotas from YAML; winners and nominations."""
from govlens.awards.config import (Award, AwardGroup, AwardsConfig, NominationList, Series, builtin_awards, load_awards,
                                   parse_awards)
from govlens.awards.select import AwardsSummary, award_order, select_awards

__all__ = ["Award", "AwardGroup", "AwardsConfig", "AwardsSummary", "NominationList", "Series", "award_order", "builtin_awards",
           "load_awards", "parse_awards", "select_awards"]
