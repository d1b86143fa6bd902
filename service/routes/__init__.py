"""One router module per resource. `errors` documents the error statuses a route can
return, in the one error shape, for its OpenAPI description."""

from __future__ import annotations

from typing import Any

from service.models import error_example

ERROR_EXAMPLES = {
    400: ("bad_request", "the question is empty"),
    401: ("unauthorized", "missing X-API-Key header"),
    404: ("not_found", "no passage or fact with id 'abc'"),
    405: ("method_not_allowed", "Method Not Allowed"),
    408: ("timeout", "the request body did not arrive within 30 seconds"),
    413: ("too_large", "request body over 16384 bytes"),
    422: ("bad_request", "query.year: Input should be a valid integer"),
    429: ("rate_limited", "too many requests: the limit is 120/minute"),
    503: ("unavailable", "cannot reach the database"),
}
# Every /api route: a body over the size limit or too slow to arrive, a method the path does not take.
ANY_ROUTE = (405, 408, 413)
# Every route behind the API key check (and the rate limit), which reads the database.
KEYED = (*ANY_ROUTE, 401, 429, 503)


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {status: error_example(status, *ERROR_EXAMPLES[status]) for status in sorted(set(statuses))}
