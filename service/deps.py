"""Dependencies: the engine opened once by the lifespan, settings, and the API key check."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from core.errors import Unauthorized
from core.settings import Settings
from service.answer.engine import Engine
from service.security import API_KEY_HEADER, hash_key


def get_engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def require_key(request: Request, engine: Annotated[Engine, Depends(get_engine)],
                settings: Annotated[Settings, Depends(get_settings)]) -> str | None:
    """When API keys are on, the X-API-Key header must hold a key made by `faktakoll keys add`."""
    if not settings.require_api_key:
        return None
    key = request.headers.get(API_KEY_HEADER)
    if not key:
        raise Unauthorized(f"missing {API_KEY_HEADER} header", hint="ask the administrator for an API key")
    name = engine.store.api_key_name(hash_key(key))
    if name is None:
        raise Unauthorized("unknown API key", hint="check the key or ask for a new one")
    return name


EngineDep = Annotated[Engine, Depends(get_engine)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
KeyDep = Annotated[str | None, Depends(require_key)]
