"""Progress on stderr: one status line, rewritten in place, for runs long enough to wonder about.

Nothing is shown unless stderr is a terminal (never in CI logs or pipes) and the run is not
``--quiet``; and nothing during the first :data:`DELAY` seconds, so a run that takes half a
second prints no progress at all. After that the current step shows (``loading openapi.yaml``,
``927 models loaded; rendering php``, ``writing gen/php``) until the run ends, when the line is
cleared.
"""

from __future__ import annotations

import shutil
import threading
import time
from typing import TextIO

DELAY = 1.0  # seconds before anything is shown
_CLEAR = "\r\x1b[K"


class Progress:
    def __init__(self, stream: TextIO, *, enabled: bool) -> None:
        self.stream = stream
        self.enabled = enabled
        self.started = time.monotonic()
        self.text = ""
        self.shown = False
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None
        if enabled:
            self._timer = threading.Timer(DELAY, self._show)
            self._timer.daemon = True
            self._timer.start()

    @classmethod
    def for_stream(cls, stream: TextIO, *, quiet: bool) -> Progress:
        try:
            terminal = stream.isatty()
        except (AttributeError, ValueError):
            terminal = False
        return cls(stream, enabled=terminal and not quiet)

    def step(self, text: str) -> None:
        """The step the run is at now."""
        if not self.enabled:
            return
        with self._lock:
            self.text = text
        if time.monotonic() - self.started >= DELAY:
            self._show()

    def _show(self) -> None:
        with self._lock:
            if not self.enabled or not self.text:
                return
            width = shutil.get_terminal_size().columns - 1
            self.stream.write(f"{_CLEAR}{f'modelgen: {self.text}'[:width]}")
            self.stream.flush()
            self.shown = True

    def clear(self) -> None:
        """Remove the status line (before printing anything else to the terminal)."""
        with self._lock:
            if self.shown:
                self.stream.write(_CLEAR)
                self.stream.flush()
                self.shown = False

    def close(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self.clear()
        self.enabled = False
