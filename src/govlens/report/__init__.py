"""Report stage: the notice, scorecards and data exports, rendered only from the store.

Public API: :func:`write_reports`. Strings for people come from ``report/locale/<name>.yaml``.
"""
from govlens.report.locale import Locale, available_locales, load_locale
from govlens.report.write import write_reports

__all__ = ["Locale", "available_locales", "load_locale", "write_reports"]
