"""The HTTP stack every gatherer goes through: the fetcher, name resolution, TLS buffers, robots.txt,
sitemaps and the campaign-wide link cache."""
