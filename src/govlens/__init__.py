"""govlens: evaluate government digital platforms at national scale.

Pipeline (one package per stage): registry → probes → indicators → frameworks →
scoring → awards → report; sandbox serves a synthetic government web; store holds a
campaign's data in one DuckDB file.
"""
__version__ = "0.1.0"
