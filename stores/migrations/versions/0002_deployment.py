"""Values a deployment keeps across builds: e.g. the namespace of its collections on a shared
Chroma server. Kept in a user table, so that a rebuild of the build tables (a schema change)
does not forget them (it would embed everything again into a new collection).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "deployment",
        sa.Column("name", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("deployment")
