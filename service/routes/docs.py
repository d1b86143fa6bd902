"""GET /docs and /redoc: the interactive API documentation (Swagger UI, ReDoc), offline.

The Swagger UI and ReDoc files come from the `fastapi-offline` package (a maintained
package that ships them; nothing is copied into this repository) and are served from
/docs/assets/. Swagger UI starts from /docs/swagger-init.js, which reads the spec's address
from the page, so no page holds inline script: both pages allow only this server's scripts.
/docs keeps the site's strict policy ('self' only). ReDoc's styled components insert
<style> elements at run time, so /redoc also allows inline styles (styles only), and its
attribution logo, hard-coded to a CDN, is blocked by the policy (ReDoc then hides it).
"""

from __future__ import annotations

from html import escape
from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

router = APIRouter(include_in_schema=False)

ASSETS = Path(str(files("fastapi_offline") / "static"))
ASSET_TYPES = {  # the files we serve from the package, with their media types
    "swagger-ui-bundle.js": "text/javascript",
    "swagger-ui.css": "text/css",
    "redoc.standalone.js": "text/javascript",
    "favicon.png": "image/png",
}
TITLE = "Faktakoll API"
DOCS_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; "
    "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
REDOC_POLICY = DOCS_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
SWAGGER_INIT = """\
const target = document.getElementById("swagger-ui");
window.ui = SwaggerUIBundle({
  url: target.dataset.spec, dom_id: "#swagger-ui", layout: "BaseLayout", deepLinking: true,
  showExtensions: true, showCommonExtensions: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
});
"""
SWAGGER_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title} – Swagger UI</title>
<link rel="icon" href="{root}/docs/assets/favicon.png">
<link rel="stylesheet" href="{root}/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui" data-spec="{spec}"></div>
<script src="{root}/docs/assets/swagger-ui-bundle.js"></script>
<script src="{root}/docs/swagger-init.js"></script></body></html>
"""
REDOC_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title} – ReDoc</title>
<link rel="icon" href="{root}/docs/assets/favicon.png"></head>
<body><redoc spec-url="{spec}"></redoc>
<script src="{root}/docs/assets/redoc.standalone.js"></script></body></html>
"""


def _page(template: str, request: Request, policy: str) -> HTMLResponse:
    root = request.scope.get("root_path", "")
    html = template.format(title=TITLE, root=escape(root), spec=escape(root + request.app.openapi_url))
    return HTMLResponse(html, headers={"Content-Security-Policy": policy})


@router.get("/docs")
def swagger(request: Request) -> HTMLResponse:
    return _page(SWAGGER_PAGE, request, DOCS_POLICY)


@router.get("/redoc")
def redoc(request: Request) -> HTMLResponse:
    return _page(REDOC_PAGE, request, REDOC_POLICY)


@router.get("/docs/swagger-init.js")
def swagger_init() -> Response:
    return Response(SWAGGER_INIT, media_type="text/javascript")


@router.get("/docs/assets/{name}")
def asset(name: str) -> FileResponse:
    if name not in ASSET_TYPES:
        raise HTTPException(404, f"no documentation asset named {name}")
    return FileResponse(ASSETS / name, media_type=ASSET_TYPES[name], headers={"Cache-Control": "public, max-age=86400"})
