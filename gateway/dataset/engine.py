"""The PII engine for the training pass, built once per process and only when a record needs
it: a gateway shares the one its `pii` filter built (`resources.shared("pii.engine")`); a
dedicated finalizer or the CLI builds its own. Building takes seconds, so it runs in a
worker thread, never on the event loop."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any

_BUILT: dict[Any, Any] = {}
_LOCK = threading.Lock()


def process_engine(settings: Any) -> Any:
    """One engine per engine settings per process (settings are frozen, hence hashable)."""
    with _LOCK:
        if settings not in _BUILT:
            from filters.pii.engine import PIIEngine

            _BUILT[settings] = PIIEngine.build(settings)
        return _BUILT[settings]


class EngineHandle:
    def __init__(self, build: Callable[[], Any]) -> None:
        self._build = build
        self._engine: Any = None
        self._lock: asyncio.Lock | None = None

    @classmethod
    def for_settings(cls, settings: Any, resources: Any = None) -> "EngineHandle":
        if resources is None:
            return cls(lambda: process_engine(settings))
        return cls(lambda: resources.shared("pii.engine", lambda: process_engine(settings)))

    async def __call__(self) -> Any:
        if self._engine is None:
            self._lock = self._lock or asyncio.Lock()
            async with self._lock:
                if self._engine is None:
                    self._engine = await asyncio.to_thread(self._build)
        return self._engine
