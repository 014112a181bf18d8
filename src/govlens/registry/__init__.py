"""Registry stage: the platforms of a campaign, imported from CSV or XLSX."""
from govlens.registry.model import Platform

__all__ = ["Platform"]
