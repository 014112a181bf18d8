"""WARC archives: pages read from them instead of the network, the capture of a scan, the evidence file."""
