"""Store stage: the campaign's DuckDB file through which every stage hands over its output."""
from govlens.store.campaign_store import CampaignStore, to_json

__all__ = ["CampaignStore", "to_json"]
