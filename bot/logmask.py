"""No secret and no resident's words reach a log line, whoever logs it, at any level.

Secrets are masked in each record's text as it is made: a log-record factory rather than a filter, because
a filter on the root logger never sees records that child loggers (httpx, aiogram, telegram.ext) propagate
to its handlers, and handlers come and go (a deployment's, pytest's).
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable

# A Telegram bot token's shape (bot id, colon, 35 characters), masked even when nobody registered it.
_TOKEN_SHAPE = re.compile(r"\d{5,}:[A-Za-z0-9_-]{30,}")
_MIN_SECRET = 6  # shorter values would mask ordinary words
# At DEBUG these print whole updates and requests: what residents typed, phones, addresses, health notes.
PAYLOAD_LOGGERS = ("telegram",)
_secrets: set[str] = set()
_make_record = None


def mask(text: str) -> str:
    for secret in sorted(_secrets, key=len, reverse=True):
        text = text.replace(secret, "***")
    return _TOKEN_SHAPE.sub("***", text)


def _masked_record(*args, **kwargs) -> logging.LogRecord:
    record = _make_record(*args, **kwargs)
    try:
        message = record.getMessage()
    except Exception:  # a bad format string: logging reports it when the record is emitted
        return record
    record.msg, record.args = mask(message), ()
    if record.exc_info and not record.exc_text:  # formatters reuse exc_text, so the traceback is masked too
        record.exc_text = mask(logging.Formatter().formatException(record.exc_info))
    return record


def protect_logs(secrets: Iterable[str | None]) -> None:
    """Masks these values (and anything shaped like a bot token) in every log record from now on, and keeps
    the loggers that dump message payloads at INFO even when the log level is DEBUG."""
    global _make_record
    for name in PAYLOAD_LOGGERS:
        logger = logging.getLogger(name)
        if logger.getEffectiveLevel() < logging.INFO:
            logger.setLevel(logging.INFO)
    _secrets.update(s for s in secrets if s and len(s) >= _MIN_SECRET)
    if _make_record is None:
        _make_record = logging.getLogRecordFactory()
        logging.setLogRecordFactory(_masked_record)
