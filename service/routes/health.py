"""GET /api/health: are the stores reachable, which build is served, is a newer one there."""

from __future__ import annotations

from fastapi import APIRouter

from service.deps import ServingDep, SettingsDep
from service.models import HealthOut
from service.routes import ANY_ROUTE, errors

router = APIRouter(prefix="/api", tags=["health"])


HEALTH_EXAMPLE = {"status": "ok", "build_id": "6c1f0e2a9b7d…", "corpus_version": "2026-11-23-4994500415",
                  "newer_build": False, "documents": 5, "facts": 103, "chunks": 453,
                  "stores": {"database": "ok", "vectors": "ok (453 passages)",
                                             "conversations": "ok (redis)"}, "auth_required": False}


@router.get("/health", response_model=HealthOut,
            responses={200: {"content": {"application/json": {"example": HEALTH_EXAMPLE}}}, **errors(*ANY_ROUTE)})
def health(serving: ServingDep, settings: SettingsDep) -> HealthOut:
    """Stores reachable, the build served (id and corpus version) and its counts, and
    whether a newer complete build exists (the server switches to it within seconds).
    Needs no API key."""
    served = serving.current()
    engine = served.engine
    stores = {"database": serving.database_error or "ok"}
    try:
        held, needed = engine.retriever.vectors._collection.count(), len(engine.retriever.chunks)
        stores["vectors"] = (f"ok ({held} passages)" if held >= needed else  # an emptied or another server
                             f"error: {held} of the build's {needed} passages; run `faktakoll ingest --force`")
    except Exception as exc:  # reported, not raised: this is the health check
        stores["vectors"] = f"error: {type(exc).__name__}"
    stores["conversations"] = serving.conversations.status()  # Redis, when set: shared by every worker
    try:
        facts = engine.facts.count()
    except Exception as exc:  # the database is away: said here, the loaded build keeps answering what it can
        facts, stores["database"] = 0, f"error: {type(exc).__name__}"
    else:
        if facts == 0:  # every figure question would be answered 'not reported'
            stores["database"] = "error: the build served has no facts; run `faktakoll ingest --force`"
    ok = all(v.startswith("ok") for v in stores.values())
    return HealthOut(status="ok" if ok else "degraded", build_id=served.build_id,
                     corpus_version=served.corpus_version, newer_build=serving.newer_build,
                     documents=len(served.documents), facts=facts,
                     chunks=len(engine.retriever.chunks), stores=stores, auth_required=settings.require_api_key)
