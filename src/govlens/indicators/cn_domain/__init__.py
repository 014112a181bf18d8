"""Chinese government domain names (.政务, kind cn_domain, series 8): the four check points."""
