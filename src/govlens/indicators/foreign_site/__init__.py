"""Foreign-language editions of a website (kind foreign_site, series 7) and their overseas influence."""
