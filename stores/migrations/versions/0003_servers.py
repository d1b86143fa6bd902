"""The build each running server answers from, renewed while it runs: a prune of old builds skips a
build that a live server still serves (its answers would otherwise turn into 'not reported').
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "servers",
        sa.Column("server_id", sa.String(120), primary_key=True),
        sa.Column("build_id", sa.String(64), nullable=False),
        sa.Column("seen_at", sa.String(40), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("servers")
