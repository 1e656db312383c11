"""Running code that must not block on a named pipe, without letting a regression hang the suite."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any


def call_beside_a_fifo(call: Callable[[], Any], fifo: Path, seconds: float = 20.0) -> Any:
    """``call()``'s result; fails (instead of hanging) if it is still blocked on ``fifo`` after ``seconds``.

    A call blocked opening or reading the pipe is released by opening the pipe for writing and
    closing it again (the reader then sees an empty file), so the thread ends either way.
    """
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = call()
        except BaseException as exc:  # re-raised in the caller's thread
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        for _ in range(100):  # release it: a writer that opens and closes at once
            with contextlib.suppress(OSError):
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            thread.join(0.1)
            if not thread.is_alive():
                break
        raise AssertionError(f"blocked on the named pipe {fifo} for {seconds} s")
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


@contextlib.contextmanager
def released_after(fifo: Path, seconds: float = 20.0) -> Iterator[threading.Event]:
    """Run code in this thread that must not block on ``fifo``; the event is set if it had to be released.

    After ``seconds``, a helper thread keeps opening the pipe for writing and closing it, which lets a
    reader blocked on it go on (it sees an empty file); the test then fails on the event, not by hanging.
    """
    done, released = threading.Event(), threading.Event()

    def release() -> None:
        if done.wait(seconds):
            return
        released.set()
        while not done.wait(0.05):
            with contextlib.suppress(OSError):
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))

    helper = threading.Thread(target=release, daemon=True)
    helper.start()
    try:
        yield released
    finally:
        done.set()
        helper.join()
