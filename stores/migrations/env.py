"""Alembic environment for the user tables, run by `stores.sql.Store` on open.

Only user data (API keys, ...) is migrated here, by explicit steps in versions/ written by
hand (one file per change, `down_revision` naming the previous one). The build tables are
not migrated: they are rebuilt from the corpus when their schema changes.
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None, version_table="user_schema_version")
with context.begin_transaction():
    context.run_migrations()
