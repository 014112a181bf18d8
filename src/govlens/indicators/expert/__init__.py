"""Judged beyond the crawl: the expert review's scores and the change since the previous campaign."""
