"""Dependencies: the build a request is answered from, settings, and the API key check."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request, Response

from core.errors import Unauthorized
from core.settings import Settings
from service.security import API_KEY_HEADER, hash_key
from service.serving import Served, Serving

CORPUS_VERSION_HEADER = "X-Corpus-Version"
BUILD_HEADER = "X-Build-Id"


def get_serving(request: Request) -> Serving:
    serving: Serving = request.app.state.serving
    return serving


def get_served(serving: Annotated[Serving, Depends(get_serving)], response: Response) -> Served:
    """The one build this request reads from, named in the response headers."""
    served = serving.current()
    response.headers[CORPUS_VERSION_HEADER] = served.corpus_version
    response.headers[BUILD_HEADER] = served.build_id
    return served


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def require_key(request: Request, serving: Annotated[Serving, Depends(get_serving)],
                settings: Annotated[Settings, Depends(get_settings)]) -> str | None:
    """When API keys are on, the X-API-Key header must hold a key made by `faktakoll keys add`."""
    if not settings.require_api_key:
        return None
    key = request.headers.get(API_KEY_HEADER)
    if not key:
        raise Unauthorized(f"missing {API_KEY_HEADER} header", hint="ask the administrator for an API key")
    name = serving.store.api_key_name(hash_key(key))
    if name is None:
        raise Unauthorized("unknown API key", hint="check the key or ask for a new one")
    return name


ServingDep = Annotated[Serving, Depends(get_serving)]
ServedDep = Annotated[Served, Depends(get_served)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
KeyDep = Annotated[str | None, Depends(require_key)]
