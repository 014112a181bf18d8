"""Awards stage: series, awards, groups and quotas from YAML; winners and nominations."""
