"""Exceptions, drawn as a tree:

FaktakollError
├── SettingsError            a setting has a bad value
├── CorpusError              the corpus folder or its manifest is unusable
│   └── DocumentError        one file cannot be ingested (skipped, others go on)
├── StoreError               the stores are missing or from another build
├── IngestError              a build failed; the previous build stays current
└── ApiError                 an HTTP request cannot be served (status, code)
    ├── NotFound             404 not_found
    ├── BadRequest           400/422 bad_request
    │   └── UnknownName      422 bad_request: a filter names no organisation, fund or metric
    ├── Unauthorized         401 unauthorized
    ├── PayloadTooLarge      413 too_large
    └── RateLimited          429 rate_limited
"""

from __future__ import annotations

from pathlib import Path


class FaktakollError(Exception):
    """Base class; `hint` tells the user what to do."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class SettingsError(FaktakollError):
    pass


class CorpusError(FaktakollError):
    pass


def shown(name: str | Path) -> str:
    """A file name safe to print on one line: as is when printable, else repr-escaped
    (a newline shows as \\n), so a file name cannot forge a line of output."""
    text = str(name)
    return text if text.isprintable() else repr(text)


def one_line(message: str) -> str:
    """A message with any control character shown escaped, so it prints as one line."""
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in message)


def reason(exc: BaseException, limit: int = 200) -> str:
    """Why `exc` happened, on one short line: a database driver's own message (SQLAlchemy wraps it with
    the statement and its parameters, kilobytes of SQL no reader needs), else the exception's first line."""
    text = str(getattr(exc, "orig", None) or exc).strip()
    first = next((line for line in text.splitlines() if line.strip()), "") or type(exc).__name__
    return one_line(first)[:limit]


class DocumentError(CorpusError):
    """A single document was skipped; its name is printed escaped (see `shown`)."""

    def __init__(self, path: Path | str, problem: str, *, hint: str) -> None:
        self.path = Path(path)
        super().__init__(f"{shown(self.path.name)}: {problem}", hint=hint)


class StoreError(FaktakollError):
    pass


class IngestError(FaktakollError):
    pass


class ApiError(FaktakollError):
    status = 500
    code = "internal"


class NotFound(ApiError):
    status, code = 404, "not_found"


class BadRequest(ApiError):
    status, code = 400, "bad_request"


class UnknownName(BadRequest):
    """A filter value (org, fund, metric) that names nothing known, nor nearly one thing: the message names
    the field, the value given and the nearest allowed values."""

    status = 422

    def __init__(self, field: str, value: str, nearest: list[str], *, kind: str, hint: str) -> None:
        self.field, self.value, self.nearest = field, value, nearest  # also in the API's error body, structured
        offered = f"; nearest: {'; '.join(nearest)}" if nearest else ""  # names hold commas
        super().__init__(f"{field}: no {kind} is named {value!r}{offered}", hint=hint)


class Unauthorized(ApiError):
    status, code = 401, "unauthorized"


class PayloadTooLarge(ApiError):
    status, code = 413, "too_large"


class RateLimited(ApiError):
    status, code = 429, "rate_limited"
