"""Frameworks stage: declarative indicator trees (YAML) with weights, normalisation and veto rules."""
