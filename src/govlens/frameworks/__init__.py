"""Frameworks stage: declarative indicator trees (YAML) with weights, normalisation and veto rules."""
from govlens.frameworks.load import builtin_frameworks, load_framework, parse_framework, validate_references
from govlens.frameworks.model import Dimension, Framework, IndicatorRef, Normalisation, VetoRule

__all__ = ["Dimension", "Framework", "IndicatorRef", "Normalisation", "VetoRule", "builtin_frameworks",
           "load_framework", "parse_framework", "validate_references"]
