"""`frontwatch serve`: the JSON API and the offline map over a claim store."""

from __future__ import annotations

import click

from frontwatch.settings import Settings


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="TCP port (0 picks a free one).")
@click.option("--db", default=None, help="SQLite file or database URL [env FRONTWATCH_DB].")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
def serve(host: str, port: int, db: str | None, log_level: str) -> None:
    """Serve the API (/api, /openapi.json) and the map (/) with uvicorn.

    \b
    Example:
        frontwatch serve --db frontwatch.db --port 8000
    """
    import uvicorn

    from frontwatch.api import create_app

    settings = Settings.from_env(db=db)
    app = create_app(settings)
    click.echo(f"frontwatch: serving {settings.db} on http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level)
