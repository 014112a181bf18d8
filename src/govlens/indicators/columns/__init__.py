"""Featured columns (特色栏目, series 2): update, volume, depth, functions."""
