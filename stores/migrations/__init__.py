"""Alembic migrations of the user tables (API keys and other data no ingest can restore)."""
