"""`frontwatch token`: API tokens for editors and admins (secrets are stored hashed)."""

from __future__ import annotations

import click

from frontwatch.settings import Settings
from frontwatch.store import Store

_db_option = click.option("--db", default=None,
                          help="SQLite file or database URL [env FRONTWATCH_DB].")


def _store(db: str | None) -> Store:
    return Store.open(Settings.from_env(db=db).db)


@click.group()
def token() -> None:
    """Create, list and revoke API tokens.

    \b
    Example:
        frontwatch token create --role editor
    """


@token.command("create")
@click.option("--role", required=True, type=click.Choice(["editor", "admin"]),
              help="editor: ingest and review; admin: also manage tokens over the API.")
@_db_option
def create(role: str, db: str | None) -> None:
    """Create a token and print its secret (shown this once only).

    \b
    Example:
        frontwatch token create --role editor --db frontwatch.db
    """
    with _store(db) as store:
        raw = store.create_token(role)
    click.echo(raw)
    click.echo("Keep this token: it is stored hashed and cannot be shown again.", err=True)


@token.command("revoke")
@click.argument("token_id", type=int)
@_db_option
def revoke(token_id: int, db: str | None) -> None:
    """Revoke a token by id (see `frontwatch token list`).

    \b
    Example:
        frontwatch token revoke 3
    """
    with _store(db) as store:
        store.revoke_token(token_id)
    click.echo(f"revoked token {token_id}", err=True)


@token.command("list")
@_db_option
def list_tokens(db: str | None) -> None:
    """List tokens: id, role, created, revoked (never the secret).

    \b
    Example:
        frontwatch token list
    """
    with _store(db) as store:
        tokens = store.tokens()
    for info in tokens:
        revoked = info.revoked_at.isoformat(timespec="seconds") if info.revoked_at else "active"
        click.echo(f"{info.id}\t{info.role}\t{info.created_at.isoformat(timespec='seconds')}"
                   f"\t{revoked}")
