"""GET /api/health: are the stores reachable, which corpus version is served."""

from __future__ import annotations

from fastapi import APIRouter

from service.deps import EngineDep, SettingsDep
from service.models import HealthOut

router = APIRouter(prefix="/api", tags=["health"])


HEALTH_EXAMPLE = {"status": "ok", "corpus_version": "2026-11-23-4994500415", "documents": 5, "facts": 103,
                  "chunks": 453, "stores": {"database": "ok", "vectors": "ok (453 passages)"}, "auth_required": False}


@router.get("/health", response_model=HealthOut,
            responses={200: {"content": {"application/json": {"example": HEALTH_EXAMPLE}}}})
def health(engine: EngineDep, settings: SettingsDep) -> HealthOut:
    """Stores reachable, corpus version and counts. Needs no API key."""
    stores: dict[str, str] = {}
    try:
        build = engine.store.current_build()
        stores["database"] = "ok" if build else "empty"
    except Exception as exc:  # reported, not raised: this is the health check
        stores["database"] = f"error: {type(exc).__name__}"
    try:
        stores["vectors"] = f"ok ({engine.retriever.vectors._collection.count()} passages)"
    except Exception as exc:
        stores["vectors"] = f"error: {type(exc).__name__}"
    ok = all(v.startswith("ok") for v in stores.values())
    return HealthOut(status="ok" if ok else "degraded", corpus_version=engine.corpus_version,
                     documents=len(engine.docs), facts=len(engine.facts.facts), chunks=len(engine.retriever.chunks),
                     stores=stores, auth_required=settings.require_api_key)
