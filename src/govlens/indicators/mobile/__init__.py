"""Mobile portals and apps (series 3)."""
