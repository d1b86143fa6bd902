"""GET /docs and /redoc: the interactive API documentation (Swagger UI, ReDoc), served
with their own Content-Security-Policy.

Both pages load their scripts and styles from the jsDelivr CDN (ReDoc also Google Fonts),
and Swagger UI starts from one inline script. Their policy allows exactly that: the CDN
hosts, the inline script by its sha256 hash (no 'unsafe-inline' for scripts), inline
styles (both UIs set styles at run time), blob: workers (ReDoc); nothing may frame them.
Every other page keeps the strict policy of service/security.py.
"""

from __future__ import annotations

import base64
import hashlib
import re

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)

CDN = "https://cdn.jsdelivr.net"
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
TITLE = "Faktakoll API"


def docs_policy(html: str) -> str:
    digests = (hashlib.sha256(script.encode()).digest() for script in INLINE_SCRIPT.findall(html))
    hashes = " ".join(f"'sha256-{base64.b64encode(d).decode()}'" for d in digests)
    return (
        f"default-src 'self'; script-src 'self' {CDN} {hashes}; "
        f"style-src 'self' 'unsafe-inline' {CDN} https://fonts.googleapis.com; "
        "font-src 'self' data: https://fonts.gstatic.com; "
        f"img-src 'self' data: {CDN} https://fastapi.tiangolo.com; connect-src 'self'; worker-src 'self' blob:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )


def _with_policy(page: HTMLResponse) -> HTMLResponse:
    html = bytes(page.body).decode()
    return HTMLResponse(html, headers={"Content-Security-Policy": docs_policy(html)})


@router.get("/docs")
def swagger(request: Request) -> HTMLResponse:
    openapi = request.scope.get("root_path", "") + request.app.openapi_url
    return _with_policy(get_swagger_ui_html(openapi_url=openapi, title=f"{TITLE} – Swagger UI"))


@router.get("/redoc")
def redoc(request: Request) -> HTMLResponse:
    openapi = request.scope.get("root_path", "") + request.app.openapi_url
    return _with_policy(get_redoc_html(openapi_url=openapi, title=f"{TITLE} – ReDoc"))
