"""`frontwatch serve`: the JSON API and the offline map over a claim store."""

from __future__ import annotations

import dataclasses

import click

from frontwatch.messages import safe
from frontwatch.settings import Settings


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="TCP port (0 picks a free one).")
@click.option("--db", default=None, help="SQLite file or database URL [env FRONTWATCH_DB].")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
@click.option("--allowed-hosts", default=None, metavar="NAMES",
              help="Host names the server answers to, comma-separated "
                   "[env FRONTWATCH_ALLOWED_HOSTS; default localhost,127.0.0.1,::1; --host is added].")
def serve(host: str, port: int, db: str | None, log_level: str, allowed_hosts: str | None) -> None:
    """Serve the API (/api, /openapi.json) and the map (/) with uvicorn.

    Requests must name an allowed host (DNS-rebinding guard): on another interface,
    list the names clients use with --allowed-hosts.

    \b
    Example:
        frontwatch serve --db frontwatch.db --port 8000
        frontwatch serve --host 0.0.0.0 --allowed-hosts map.example.org
    """
    import uvicorn

    from frontwatch.api import create_app

    settings = Settings.from_env(db=db, allowed_hosts=allowed_hosts)
    if host not in ("0.0.0.0", "::") and host.lower() not in settings.allowed_host_names:
        settings = dataclasses.replace(settings, allowed_hosts=f"{settings.allowed_hosts},{host}")
    app = create_app(settings)
    click.echo(safe(f"frontwatch: serving {settings.db} on http://{host}:{port}/ "
                    f"(hosts: {', '.join(settings.allowed_host_names)})"), err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level)
