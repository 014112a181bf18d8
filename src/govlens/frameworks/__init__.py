"""Frameworks stage: declarative indicator trees (YAML) with weights, methods, veto and deduction rules."""
from govlens.frameworks.load import (builtin_frameworks, load_framework, parse_framework, validate_methods,
                                     validate_references)
from govlens.frameworks.model import Dimension, Framework, IndicatorRef, MethodSpec, Normalisation, UncertaintySpec
from govlens.frameworks.rules import BonusRule, DeductionRule, PointsRule, VetoRule

__all__ = ["BonusRule", "DeductionRule", "Dimension", "Framework", "IndicatorRef", "MethodSpec", "Normalisation",
           "PointsRule", "UncertaintySpec", "VetoRule", "builtin_frameworks", "load_framework", "parse_framework",
           "validate_methods", "validate_references"]
