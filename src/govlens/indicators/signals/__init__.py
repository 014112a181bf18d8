"""External signals imported beside the crawl: search-engine index, inbound links, media mentions."""
