"""SIGINT and SIGTERM as an exception, so every ``finally`` and context manager cleans up.

Without this, SIGTERM ends Python at once (temporary files stay behind) and SIGINT raises
``KeyboardInterrupt`` in every worker process too (one traceback per worker). The command line runs
each subcommand inside :func:`signals_as_exceptions`; worker processes start with
:func:`quiet_worker` so only the parent reacts. The exit status of an interrupted run is
``128 + signal number`` (130 for SIGINT, 143 for SIGTERM), as a shell reports it.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(BaseException):
    """The run was stopped by a signal. A ``BaseException``, so ``except Exception`` does not swallow it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def status(self) -> int:
        """Exit status: 128 + signal number (130 SIGINT, 143 SIGTERM)."""
        return 128 + self.signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name


def _raise(signum: int, frame: object) -> None:
    for sig in SIGNALS:  # a second signal must not interrupt the clean-up of the first
        signal.signal(sig, signal.SIG_IGN)
    raise Interrupted(signum)


@contextmanager
def signals_as_exceptions() -> Iterator[None]:
    """Within the block, SIGINT and SIGTERM raise :class:`Interrupted`; the old handlers come back after.

    Outside the main thread (where Python cannot set handlers) the block runs unchanged.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = {sig: signal.getsignal(sig) for sig in SIGNALS}
    for sig in SIGNALS:
        signal.signal(sig, _raise)
    try:
        yield
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)


@contextmanager
def signals_deferred() -> Iterator[None]:
    """Within the block SIGINT and SIGTERM are noted, not acted on; when it ends the first one noted goes to
    the handler that was in place (so :class:`Interrupted` is raised then). For steps that must not stop
    halfway, such as renaming a finished set of outputs into place."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    noted: list[int] = []
    old = {sig: signal.getsignal(sig) for sig in SIGNALS}
    for sig in SIGNALS:
        signal.signal(sig, lambda signum, frame: noted.append(signum))
    try:
        yield
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)
        if noted:
            handler = old[noted[0]]
            if callable(handler):
                handler(noted[0], None)
            elif handler == signal.SIG_DFL:
                signal.raise_signal(noted[0])


def quiet_worker() -> None:
    """Initializer of worker processes: ignore SIGINT (the parent handles it and stops the pool) and
    die silently on SIGTERM (how a pool stops its workers), instead of the inherited handlers."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
