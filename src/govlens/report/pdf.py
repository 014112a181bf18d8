"""HTML → PDF with WeasyPrint, in this process or in one worker process beside the rest of the report.

Imports nothing of govlens beyond the atomic writer, so a spawned worker starts in about a second.
WeasyPrint needs Pango from the system (Debian's libpango-1.0-0, libpangoft2-1.0-0) and CJK fonts
(fonts-noto-cjk); without Pango its import fails with a library-loading error, reported here naming
the packages.
"""
from __future__ import annotations

from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from govlens.atomic import atomic_path
from govlens.errors import GovlensError


class PdfUnavailable(GovlensError):
    """WeasyPrint cannot run here (no Pango)."""


def write_pdf(html: str, path: Path) -> Path:
    """Render one print-mode HTML page to ``path``. Nothing is fetched but ``data:`` URLs (the charts)."""
    import logging

    try:
        from weasyprint import HTML
        from weasyprint.urls import URLFetcher
    except OSError as exc:                                  # cffi could not load libpango / libgobject
        from govlens import messages
        raise PdfUnavailable(messages.t("report_needs.pango")) from exc
    logging.getLogger("weasyprint").setLevel(logging.ERROR)      # no per-page CSS chatter on the console
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    with atomic_path(path) as tmp:
        HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf(str(tmp))
    return path


class PdfWorker:
    """One worker process rendering PDFs while the report goes on (the notice's PDF beside the tables and
    the inspection report: on two cores the two PDFs take the time of the longer one). ``wait`` raises the
    worker's error, if any, and ends the process."""

    def __init__(self) -> None:
        self._pool: ProcessPoolExecutor | None = None
        self._jobs: list[Future[Path]] = []

    def submit(self, html: str, path: Path) -> None:
        if self._pool is None:
            import multiprocessing

            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
        self._jobs.append(self._pool.submit(write_pdf, html, Path(path)))

    def wait(self) -> None:
        try:
            for job in self._jobs:
                job.result()
        finally:
            self.close()

    def close(self) -> None:
        if self._pool is not None:
            for job in self._jobs:
                job.cancel()
            self._pool.shutdown(wait=True)
            self._pool = None
        self._jobs = []

    def __del__(self) -> None:                  # the report failed before ``wait``: do not leave the worker
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
