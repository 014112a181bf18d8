"""Links: broken ones on the site, and the campaign's sites linking to each other."""
