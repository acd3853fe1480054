"""What the app's side of a test sends: the gateway's end-user headers and a small WAV file."""

from __future__ import annotations

import io
import struct
import wave


def gateway_headers(user: str | None = None, session: str | None = None, child: bool = False) -> dict[str, str]:
    headers = {}
    if user:
        headers["X-Gateway-User"] = user
    if session:
        headers["X-Gateway-Session"] = session
    if child:
        headers["X-Gateway-Child"] = "true"
    return headers


def small_wav(frames: int = 4000) -> bytes:
    """A valid mono 8 kHz WAV with a tone, `frames` samples long."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(8000)
        wav.writeframes(b"".join(struct.pack("<h", (i * 37) % 2000 - 1000) for i in range(frames)))
    return buffer.getvalue()
