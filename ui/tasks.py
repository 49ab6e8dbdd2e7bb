"""One helper for slow work off the GUI thread: ``run_task(fn, on_done)`` over QThreadPool.

Workers never touch widgets: the function runs on a pool thread and its result
(or error) comes back to the GUI thread by a queued signal. A task can report
progress and be cancelled; the function receives a ``TaskContext`` for that
when it asks for one (``with_context=True``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class TaskContext:
    """Handed to a task function so it can report progress and notice cancellation."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def progress(self, fraction: float, label: str = "") -> None:
        self._signals.progress.emit(max(0.0, min(1.0, fraction)), label)

    def post(self, message: object) -> None:
        """Hand ``message`` to the GUI thread (``on_message``) while the task goes on."""
        self._signals.message.emit(message)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(float, str)
    message = Signal(object)


class Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], with_context: bool) -> None:
        super().__init__()
        self.signals = _Signals()
        self.context = TaskContext(self.signals)
        self._fn = fn
        self._with_context = with_context
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self._fn(self.context) if self._with_context else self._fn()
        except BaseException as exc:
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)

    def cancel(self) -> None:
        self.context.cancel()


#: Tasks still running, with their relays, kept alive until their result is delivered.
_live: dict[Task, QObject] = {}


def run_task(
    fn: Callable[..., Any],
    on_done: Callable[[Any], None] | None = None,
    *,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[float, str], None] | None = None,
    with_context: bool = False,
    pool: QThreadPool | None = None,
    on_message: Callable[[object], None] | None = None,
    owner: QObject | None = None,
) -> Task:
    """Run ``fn`` on the pool; ``on_done(result)`` / ``on_error(exc)`` run on the GUI thread.

    With ``with_context=True`` the function gets a ``TaskContext``: it reports
    ``progress``, checks ``cancelled`` (set by ``Task.cancel()``) and ``post``s
    intermediate results, which arrive at ``on_message`` on the GUI thread.
    With ``owner``, the callbacks are dropped once that QObject is destroyed.
    """
    task = Task(fn, with_context)
    relay = _Relay(task, on_done, on_error, on_progress, on_message)
    if owner is not None:  # a widget that goes away takes its callbacks with it
        owner.destroyed.connect(relay.drop)
    _live[task] = relay
    (pool or QThreadPool.globalInstance()).start(task)
    return task


class _Relay(QObject):
    """Lives on the GUI thread, so the worker's signals reach these slots queued.

    A plain Python callable connected to a cross-thread signal may run on the
    emitting thread; a slot of a GUI-thread QObject never does.
    """

    def __init__(
        self,
        task: Task,
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_progress: Callable[[float, str], None] | None,
        on_message: Callable[[object], None] | None,
    ) -> None:
        super().__init__()
        self._task = task
        self._on_done, self._on_error = on_done, on_error
        self._on_progress, self._on_message = on_progress, on_message
        task.signals.done.connect(self.done)
        task.signals.failed.connect(self.failed)
        task.signals.progress.connect(self.progress)
        task.signals.message.connect(self.message)

    @Slot()
    def drop(self) -> None:
        self._on_done = self._on_error = self._on_progress = self._on_message = None

    @Slot(object)
    def done(self, result: object) -> None:
        _live.pop(self._task, None)
        if self._on_done:
            self._on_done(result)

    @Slot(object)
    def failed(self, exc: object) -> None:
        _live.pop(self._task, None)
        if self._on_error:
            self._on_error(exc)  # type: ignore[arg-type]

    @Slot(float, str)
    def progress(self, fraction: float, label: str) -> None:
        if self._on_progress:
            self._on_progress(fraction, label)

    @Slot(object)
    def message(self, message: object) -> None:
        if self._on_message:
            self._on_message(message)
