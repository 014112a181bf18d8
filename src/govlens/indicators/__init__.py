"""Indicators stage: one module per indicator turning observations into values, findings and evidence.

The indicators live in topic subpackages (freshness, links, signals, render, access, site, identity, wording,
interaction, columns, civilization, foreign_site, cn_domain, mobile, newmedia, hotline, expert); the contract
is :mod:`.base`, the catalogue that finds them :mod:`.catalogue`, the stage :mod:`.run`."""
