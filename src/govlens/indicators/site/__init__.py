"""The homepage's structure over HTTP: metadata, portal parts, contrast, alt texts, search, SEO."""
