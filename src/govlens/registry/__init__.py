"""Registry stage: the platforms of a campaign, imported from CSV or XLSX."""
from govlens.registry.load import RegistryLoad, load_registry, parse_rows
from govlens.registry.model import Platform, region_of

__all__ = ["Platform", "RegistryLoad", "load_registry", "parse_rows", "region_of"]
