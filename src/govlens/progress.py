"""Progress of the stages, for a person at a terminal and for a log file.

A terminal (the console is a TTY) gets a rich ``Progress`` with one bar per label — the stage and
what it works on ("扫描 网站", "扫描 移动门户", "评分 website-2013") — with count/total, rate and ETA.
A bar is never restarted: asking again for a label that is still open continues its bar, and a
second pass under a finished label gets a numbered label of its own.

A pipe or a log file gets no bar (rich draws nothing there), so a plain line per stage every
``PROGRESS_EVERY`` platforms or ``PROGRESS_PERIOD`` seconds, whichever comes first — a timer thread
covers a stage in which nothing finishes for a while — with done/total, rate per second and ETA, and
a final line when the stage ends.

Stages reach the reporter the command line installed through :func:`active` (a stage's signature
does not change); without one (library use, tests) every task is a silent no-op. Labels come from
:mod:`govlens.messages` (zh-CN, en with ``--locale en``): the report's locale files belong to the
report stage, which the stages before it may not import.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, Any

from rich.progress import ProgressColumn

from govlens import messages

_ACTIVE: list[Reporter] = []


def active() -> Reporter:
    """The reporter of the running command, else a silent one."""
    return _ACTIVE[-1] if _ACTIVE else _SILENT


def duration(seconds: float, locale: str | None = None) -> str:
    """``42 秒`` / ``3 分 05 秒`` / ``2 小时 07 分`` (en: ``42 s`` …)."""
    s = max(0, round(seconds))
    if s < 60:
        return messages.t("format.seconds", locale=locale, value=s)
    if s < 3600:
        return messages.t("format.minutes", locale=locale, m=s // 60, s=s % 60)
    return messages.t("format.hours", locale=locale, h=s // 3600, m=s % 3600 // 60)


class Task:
    """One bar: a count towards a total (``None``: unknown), with the time it started."""

    def __init__(self, stage: Stage, label: str, what: str | None, total: int | None) -> None:
        self.stage, self.label, self.what, self.total = stage, label, what, total
        self.done = 0
        self.base = 0                 # done before this run (a resumed scan): not counted in the rate
        self.started = stage.reporter.clock()
        self.ended: float | None = None
        self.rich_id: Any = None

    @property
    def finished(self) -> bool:
        return self.ended is not None

    def update(self, done: int, total: int | None = None) -> None:
        with self.stage.reporter.lock:
            if total is not None:
                self.total = total
            self.done = max(self.done, done)        # never backwards: a bar does not restart
            self.stage.reporter._changed(self)

    def advance(self, n: int = 1, *, before: bool = False) -> None:
        """``n`` more done; ``before``: done by an earlier run (a resumed scan's committed platforms)."""
        with self.stage.reporter.lock:
            self.done += n
            if before:
                self.base += n
            self.stage.reporter._changed(self)

    def finish(self, total: int | None = None, *, complete: bool = True) -> None:
        """Done; ``complete=False``: stopped early (the bar keeps its count, the final line says so)."""
        with self.stage.reporter.lock:
            if self.finished:
                return
            if total is not None:
                self.total = total
            if self.total is not None and complete:
                self.done = max(self.done, self.total)
            self.ended = self.stage.reporter.clock()
            self.stage.reporter._changed(self)
            if all(task.finished for task in self.stage.tasks):
                self.stage.reporter._stage_done(self.stage)


class Stage:
    """The tasks of one stage (a bar each); a pipe gets one line for all of them."""

    def __init__(self, reporter: Reporter, key: str, label: str, per: int = 1) -> None:
        self.reporter, self.key, self.label = reporter, key, label
        self.per = max(1, per)        # units per platform (the monitor counts visits): lines every N platforms
        self.tasks: list[Task] = []
        self.started = reporter.clock()
        self.last_line = self.started
        self.last_done = 0
        self.reported = False

    def task(self, what: str | None = None, total: int | None = None) -> Task:
        """The bar of ``what`` (a platform kind, a framework id) in this stage; an open one is continued."""
        return self.reporter._task(self, what, total)

    @property
    def done(self) -> int:
        return sum(t.done for t in self.tasks)

    @property
    def total(self) -> int | None:
        totals = [t.total for t in self.tasks]
        return None if not totals or any(x is None for x in totals) else sum(x for x in totals if x is not None)

    def rate(self, now: float) -> float:
        elapsed = (max((t.ended or now) for t in self.tasks) if self.tasks else now) - self.started
        counted = sum(t.done - t.base for t in self.tasks)
        return counted / elapsed if elapsed > 0 else 0.0

    def finish(self, *, complete: bool = True) -> None:
        for task in list(self.tasks):
            task.finish(complete=complete)
        if not self.tasks:
            with self.reporter.lock:
                self.reporter._stage_done(self)


class Reporter:
    """Bars in a terminal, periodic lines in a pipe; ``with Reporter(...):`` makes it :func:`active`."""

    def __init__(self, locale: str | None = None, *, console: Any = None, terminal: bool | None = None,
                 every: int = 50, period: float = 10.0, stream: IO[str] | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.locale = locale
        self.console = console
        self.terminal = bool(console is not None and console.is_terminal) if terminal is None else terminal
        self.every, self.period = max(1, int(every)), max(0.05, float(period))
        self.stream = stream
        self.clock = clock
        self.lock = threading.RLock()
        self.labels: dict[str, Task] = {}
        self.stages: list[Stage] = []
        self.prefix: str | None = None
        self._rich: Any = None
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None

    # ------------------------------------------------------------ configuration
    def configure(self, settings: Any) -> Reporter:
        """``PROGRESS_EVERY`` and ``PROGRESS_PERIOD`` of the campaign's settings."""
        self.every = max(1, int(settings["PROGRESS_EVERY"]))
        self.period = max(0.05, float(settings["PROGRESS_PERIOD"]))
        return self

    @contextmanager
    def prefixed(self, key: str) -> Iterator[Reporter]:
        """Labels said with a prefix (``上一年度 扫描 网站``) while inside."""
        before, self.prefix = self.prefix, key
        try:
            yield self
        finally:
            self.prefix = before

    # ------------------------------------------------------------ stages and tasks
    def stage(self, key: str, *, per: int = 1) -> Stage:
        """A stage; ``per`` units of its count make one platform (the monitor's visits per site)."""
        label = messages.t(f"stages.{key}", locale=self.locale) if messages.has(f"stages.{key}") else key
        if self.prefix:
            label = f"{messages.t(f'stages.{self.prefix}', locale=self.locale)} {label}"
        stage = Stage(self, key, label, per)
        with self.lock:
            self.stages.append(stage)
        return stage

    def task(self, stage: str, what: str | None = None, total: int | None = None, *, per: int = 1) -> Task:
        """A stage of one bar."""
        return self.stage(stage, per=per).task(what, total)

    def _task(self, stage: Stage, what: str | None, total: int | None) -> Task:
        shown = messages.word("kinds", what, self.locale) if what else ""
        label = f"{stage.label} {shown}".strip()
        with self.lock:
            existing = self.labels.get(label)
            if existing is not None and not existing.finished:
                if total is not None:
                    existing.total = total
                if existing not in stage.tasks:
                    stage.tasks.append(existing)
                return existing
            n = 2
            while existing is not None:           # finished under this label: a label of its own
                candidate = f"{label} ({n})"
                existing, n = self.labels.get(candidate), n + 1
                if existing is None:
                    label = candidate
            task = Task(stage, label, what, total)
            self.labels[label] = task
            stage.tasks.append(task)
            if self._rich is not None:
                task.rich_id = self._rich.add_task(label, total=total)
        return task

    # ------------------------------------------------------------ output
    def _changed(self, task: Task) -> None:
        if self._rich is not None and task.rich_id is not None:
            self._rich.update(task.rich_id, completed=task.done, total=task.total)
            return
        if self.terminal:
            return
        stage = task.stage
        now = self.clock()
        if stage.total is not None and stage.done >= stage.total:
            return                                   # its final line follows
        if not task.finished and (stage.done - stage.last_done >= self.every * stage.per or now - stage.last_line >= self.period):
            self._line(stage, now)

    def _name(self, stage: Stage) -> str:
        return stage.tasks[0].label if len(stage.tasks) == 1 else stage.label

    def _line(self, stage: Stage, now: float) -> None:
        stage.last_line, stage.last_done = now, stage.done
        rate = stage.rate(now)
        total = stage.total
        parts = ""
        if len(stage.tasks) > 1:
            sep = messages.t("format.list_sep", locale=self.locale)
            parts = messages.t("progress.parts", locale=self.locale, parts=sep.join(
                f"{messages.word('kinds', t.what, self.locale) if t.what else t.label} {t.done}/"
                f"{t.total if t.total is not None else '?'}" for t in stage.tasks))
        if total is None:
            text = messages.t("progress.line_no_total", locale=self.locale, label=self._name(stage),
                              elapsed=duration(now - stage.started, self.locale))
        else:
            left = max(0, total - stage.done)
            eta = duration(left / rate, self.locale) if rate > 0 else messages.t("progress.eta_unknown",
                                                                                   locale=self.locale)
            percent = f"{100 * stage.done / total:.1f}%" if total else "100%"
            text = messages.t("progress.line", locale=self.locale, label=self._name(stage), done=stage.done, total=total,
                              percent=percent, rate=f"{rate:.1f}", eta=eta)
        self._print(text + parts)

    def _stage_done(self, stage: Stage) -> None:
        if stage.reported:
            return
        stage.reported = True
        if self.terminal:
            return
        now = self.clock()
        elapsed = (max((t.ended or now) for t in stage.tasks) if stage.tasks else now) - stage.started
        total = stage.total
        if total is None:
            text = messages.t("progress.done_no_total", locale=self.locale, label=self._name(stage),
                              elapsed=duration(elapsed, self.locale))
        else:
            text = messages.t("progress.done", locale=self.locale, label=self._name(stage), done=stage.done, total=total,
                              elapsed=duration(elapsed, self.locale), rate=f"{stage.rate(now):.1f}")
        self._print(text)

    def _print(self, text: str) -> None:
        if self.stream is not None:
            print(text, file=self.stream, flush=True)
        elif self.console is not None:
            self.console.print(text, markup=False, highlight=False, soft_wrap=True)

    def _tick(self) -> None:
        while not self._stop.wait(min(self.period, 1.0)):
            with self.lock:
                now = self.clock()
                for stage in self.stages:
                    if not stage.reported and stage.tasks and now - stage.last_line >= self.period:
                        self._line(stage, now)

    # ------------------------------------------------------------ lifetime
    def __enter__(self) -> Reporter:
        if self.terminal and self.console is not None:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            self._rich = Progress(TextColumn("{task.description}", markup=False, style="bold"), BarColumn(),
                                  MofNCompleteColumn(), RateColumn(self.locale), TimeRemainingColumn(),
                                  TimeElapsedColumn(), console=self.console, transient=False)
            self._rich.start()
        elif not self.terminal:
            self._ticker = threading.Thread(target=self._tick, name="govlens-progress", daemon=True)
            self._ticker.start()
        _ACTIVE.append(self)
        return self

    def __exit__(self, *exc: object) -> None:
        if _ACTIVE and _ACTIVE[-1] is self:
            _ACTIVE.pop()
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join(timeout=2)
        if self._rich is not None:
            self._rich.stop()
            self._rich = None


class RateColumn(ProgressColumn):
    """Platforms per second of a bar (rich's speed estimate), in the reporter's language."""

    def __init__(self, locale: str | None = None) -> None:
        super().__init__()
        self.locale = locale

    def render(self, task: Any) -> Any:
        from rich.text import Text
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else messages.t("progress.rate", locale=self.locale, rate=f"{speed:.1f}"),
                    style="progress.data.speed")


class _Silent(Reporter):
    """No output at all (a stage run as a library function)."""

    def __init__(self) -> None:
        super().__init__(terminal=True)

    def _changed(self, task: Task) -> None:
        return

    def _stage_done(self, stage: Stage) -> None:
        return

    def _task(self, stage: Stage, what: str | None, total: int | None) -> Task:   # nothing is kept
        return Task(stage, stage.label, what, total)

    def stage(self, key: str, *, per: int = 1) -> Stage:
        return Stage(self, key, key, per)


_SILENT = _Silent()
