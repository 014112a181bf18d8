"""Indicators stage: one module per indicator turning observations into values, findings and evidence."""
