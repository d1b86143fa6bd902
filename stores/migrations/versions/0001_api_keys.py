"""API keys, stored as sha256 hashes.

Databases written before migrations existed already hold this table with these columns;
it is kept as it is (with its keys).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    if "api_keys" in sa.inspect(op.get_bind()).get_table_names():
        return
    op.create_table(
        "api_keys",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("key_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("api_keys")
