"""Python's garbage collector kept out of the way of keys.

A full collection walks every tracked object; with the corpus, its pledge groups and Textual's
widgets loaded that is a 60-130 ms pause (measured under ``benchmarks/app_startup.py``), and it
lands on whichever key happens to come next. The app therefore

* moves what lives as long as the app (the corpus, the pledge groups) out of the collector's
  reach once it has arrived (:meth:`Heap.keep`, ``gc.freeze``), so no collection walks it again;
* lets automatic full collections come :data:`FULL_EVERY` times less often than Python's default;
* and runs the full collection itself once the user has been idle for :data:`IDLE_SECONDS`
  (:meth:`Heap.idle`), so reference cycles of closed screens are still freed.

:meth:`Heap.stop` puts everything back as it was (the tests run many apps in one process).
"""

from __future__ import annotations

import gc
import time

IDLE_SECONDS = 1.0
"""No key, click or resize for this long: a full collection cannot get in the user's way."""

FULL_EVERY = 10
"""Automatic full collections come this many times less often than Python's default."""


class Heap:
    """The collector's policy while one app runs."""

    def __init__(self) -> None:
        self._threshold: tuple[int, int, int] | None = None
        self._last_input = time.monotonic()
        self.pending = False

    def start(self) -> None:
        """Defer automatic full collections (idempotent)."""
        if self._threshold is None:
            self._threshold = gc.get_threshold()
            young, middle, full = self._threshold
            gc.set_threshold(young, middle, full * FULL_EVERY)

    def keep(self) -> None:
        """What exists now lives as long as the app: no collection walks it again."""
        gc.freeze()

    def touch(self) -> None:
        """The user did something: a collection now would be in their way."""
        self._last_input = time.monotonic()
        self.pending = True

    def idle(self) -> bool:
        """Collect if the user has been idle long enough since their last input; ``True`` if it did."""
        if not self.pending or time.monotonic() - self._last_input < IDLE_SECONDS:
            return False
        self.pending = False
        gc.collect()
        return True

    def stop(self) -> None:
        """Restore Python's thresholds and give frozen objects back to the collector."""
        if self._threshold is not None:
            gc.set_threshold(*self._threshold)
            self._threshold = None
        gc.unfreeze()
