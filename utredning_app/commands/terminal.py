"""What the command prints reaches a terminal: user text must not steer it.

A title or a remissvar can hold ESC sequences (colours, cursor moves, a fake prompt, an OSC
hyperlink or window title) and other control characters. :class:`TerminalSafe` wraps stdout
and stderr for the whole command and shows each such character as ``?``; line feed and tab
pass. Also the bidirectional overrides that can make text read differently from what it is.
"""

from __future__ import annotations

import re
from typing import Any, TextIO

# C0 controls except tab and line feed, DEL, C1 controls (CSI 0x9b, OSC 0x9d …) and the
# bidirectional embedding/override/isolate characters.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_safe(text: str) -> str:
    return _UNSAFE.sub("?", text)


class TerminalSafe:
    """A text stream that passes everything written through :func:`terminal_safe`."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(terminal_safe(text))

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        self._stream.flush()

    def __getattr__(self, name: str) -> Any:  # encoding, isatty, fileno …
        return getattr(self._stream, name)
