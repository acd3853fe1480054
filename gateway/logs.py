"""Structured JSON logs. Call sites pass `extra={"fields": {...}}` with ids, types, counts and
timings; by convention and by test, never prompt text, answers, user ids or key material."""

from __future__ import annotations

import logging
import sys
import time

import orjson


# What every LogRecord has; anything else on a record came from a call site's `extra=`.
_STANDARD = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime", "fields"}


class JSONFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "event": record.getMessage(),
            "pid": record.process,  # which worker, with `serve --workers N`
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            entry.update(fields)
        entry.update((k, v) for k, v in vars(record).items() if k not in _STANDARD)
        if record.exc_info and record.exc_info[0] is not None:
            # The type only: exception messages and tracebacks can quote request content.
            entry["exception"] = record.exc_info[0].__name__
        return orjson.dumps(entry, default=str).decode()


def configure(level: str = "INFO") -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JSONFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # aiohttp's own access log is replaced by ours, which carries no URL query or user agent.
    logging.getLogger("aiohttp.access").disabled = True
    # Presidio announces every recognizer it loads at INFO; its warnings still come through.
    logging.getLogger("presidio-analyzer").setLevel(max(logging.WARNING, root.level))


def gunicorn_logconfig(level: str = "INFO") -> dict:
    """gunicorn's own lines (master start, worker boots and exits) as JSON on stderr too, so
    that `serve --workers N` writes one format. Its access log stays off: ours replaces it."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": JSONFormatter}},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}},
        "root": {"level": level, "handlers": ["stderr"]},
        "loggers": {
            "gunicorn.error": {"level": level, "handlers": ["stderr"], "propagate": False},
            "gunicorn.access": {"level": "WARNING", "handlers": [], "propagate": False},
        },
    }
