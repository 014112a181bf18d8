"""The gatherers (probes proper): one module per probe, each visiting platforms and returning observations.

A probe's module name is its platform kind or what it gathers (``column``, ``foreign_site``, ``tls``);
:mod:`govlens.probes.components` lists them by name and dotted path.
"""
