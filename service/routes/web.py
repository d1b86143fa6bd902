"""The chat page, the facts page, the projects page and Granska text (Swedish by default), served with local
assets only."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

WEB = Path(__file__).resolve().parent.parent / "web"
router = APIRouter(include_in_schema=False)


@router.get("/")
def chat_page() -> FileResponse:
    return FileResponse(WEB / "index.html")


@router.get("/fakta")
def facts_page() -> FileResponse:
    return FileResponse(WEB / "facts.html")


@router.get("/projekt")
def projects_page() -> FileResponse:
    return FileResponse(WEB / "projects.html")


@router.get("/granska")
def review_page() -> FileResponse:
    """Granska text: a draft pasted or uploaded, every figure marked with its verdict (POST /api/review*)."""
    return FileResponse(WEB / "granska.html")


@router.get("/favicon.ico")
def favicon() -> FileResponse:
    """Browsers ask for /favicon.ico on pages without an icon link (the API docs, a JSON tab)."""
    return FileResponse(WEB / "favicon.svg", media_type="image/svg+xml")
