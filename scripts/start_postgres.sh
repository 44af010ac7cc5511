#!/usr/bin/env bash
# Install (if needed) and start a local PostgreSQL server for the store tests, then print the
# SQLAlchemy URL to export as FRONTWATCH_TEST_PG_URL. Idempotent and non-interactive; needs root
# (or passwordless sudo) on a Debian/Ubuntu machine.
#
#   export FRONTWATCH_TEST_PG_URL="$(scripts/start_postgres.sh | tail -n 1)"
set -euo pipefail

DB="${FRONTWATCH_TEST_PG_DB:-frontwatch_test}"
PORT="${FRONTWATCH_TEST_PG_PORT:-5432}"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo -n"
fi

log() { echo "start_postgres: $*" >&2; }

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  log "installing postgresql"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >&2
  $SUDO apt-get install -y -qq postgresql >&2
fi

VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h | awk '{print $1"/"$2}' | grep -qx "$VERSION/main"; then
  log "creating cluster $VERSION/main"
  $SUDO pg_createcluster "$VERSION" main --port "$PORT" >&2
fi
if ! pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $4}' | grep -q online; then
  log "starting cluster $VERSION/main"
  $SUDO pg_ctlcluster "$VERSION" main start >&2
fi
PORT="$(pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $3}')"

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -c "$*"
  else
    sudo -n -u postgres sh -c "$*"
  fi
}

for _ in $(seq 1 30); do
  if as_postgres "psql -p $PORT -qAtc 'select 1'" >/dev/null 2>&1; then
    break
  fi
  sleep 1
done

# Local TCP connections as 'postgres' without a password (test server only).
HBA="$(as_postgres "psql -p $PORT -qAtc 'show hba_file'")"
if ! grep -q '^host all postgres 127.0.0.1/32 trust' "$HBA"; then
  log "allowing local trust connections for the test role"
  $SUDO sed -i '1i host all postgres 127.0.0.1/32 trust' "$HBA"
  as_postgres "psql -p $PORT -qAtc 'select pg_reload_conf()'" >/dev/null
fi

if ! as_postgres "psql -p $PORT -qAtc \"select 1 from pg_database where datname='$DB'\"" | grep -q 1; then
  log "creating database $DB"
  as_postgres "createdb -p $PORT $DB"
fi

echo "postgresql+psycopg://postgres@127.0.0.1:$PORT/$DB"
