"""Sandbox: a deterministic synthetic government web on loopback, with the ground truth of its defects.

- :func:`govlens.sandbox.platforms.generate_platforms`: the shipped registry plus generated websites;
- :func:`govlens.sandbox.web.build_sandbox` → :class:`govlens.sandbox.web.SandboxWeb`: every site's
  spec, ``truth()``, ``write_truth()``, ``write_signals()``, ``hosts()``;
- :mod:`govlens.sandbox.mobile_portal` and :mod:`govlens.sandbox.newmedia`: mobile portals (served like the sites,
  with their app-store listings) and Weibo/WeChat accounts (their data files, ``SandboxWeb.write_newmedia``),
  with ground truth in ``truth()``; ``newmedia.generate_accounts`` makes accounts beyond the registry;
- :mod:`govlens.sandbox.civilization`, :mod:`govlens.sandbox.foreign_site`, :mod:`govlens.sandbox.cn_domain`: 文明网
  topics (series 6), Chinese sites with foreign-language editions and their overseas signals (series 7),
  ``.政务`` names with their DNS state (series 8); each with ``generate_*`` for platforms beyond the registry;
- :mod:`govlens.sandbox.server`: ``start_server``, ``run_in_thread``, ``serve_forever``: one aiohttp
  server on an HTTP and an HTTPS port, routing by Host header.

The sandbox shares nothing with the probes and indicators but :mod:`govlens.contract.defects`.
"""
from govlens.sandbox.platforms import generate_platforms
from govlens.sandbox.web import SandboxWeb, build_sandbox

__all__ = ["SandboxWeb", "build_sandbox", "generate_platforms"]
