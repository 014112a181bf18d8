"""Can the site be reached, fast and safely: visits, the week's monitor, TLS, IPv6, weight, 404s."""
