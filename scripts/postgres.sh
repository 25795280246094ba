#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store tests, on loopback only.
#
#   scripts/postgres.sh start DIR PORT   initialise DIR if needed, start the server on
#                                        127.0.0.1:PORT, print its URL on stdout
#   scripts/postgres.sh stop DIR         stop it (nothing to do if it is not running)
#   scripts/postgres.sh url DIR          print the URL of the server running in DIR
#
# Typical use:
#   export NAAS_TEST_DATABASE_URL=$(scripts/postgres.sh start /tmp/naas-pg 15432)
#   swift test --skip-build --filter NAASStoreTests
#   scripts/postgres.sh stop /tmp/naas-pg
#
# Starting a server that is already running only prints its URL. The role
# `naas` (password `naas`) may create databases: each test makes its own.
# Durability is switched off (fsync, synchronous_commit): the data is
# disposable and the tests run faster without waiting on the disk.
set -euo pipefail

ROLE=naas
PASSWORD=naas
DATABASE=naas

usage() {
  echo "usage: $0 start DIR PORT | stop DIR | url DIR" >&2
  exit 2
}

fail() {
  echo "postgres.sh: $*" >&2
  exit 1
}

bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/postgres" ] || fail "no PostgreSQL server found under /usr/lib/postgresql (run scripts/setup.sh)"
  echo "$dir"
}

# PostgreSQL refuses to run as root: as root, run its commands as `postgres`.
as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

ensure_server_user() {
  [ "$(id -u)" -eq 0 ] || return 0
  id postgres >/dev/null 2>&1 && return 0
  useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/sh postgres
}

url_for() {
  echo "postgres://$ROLE:$PASSWORD@127.0.0.1:$1/$DATABASE"
}

is_running() {
  local dir=$1
  [ -f "$dir/data/postmaster.pid" ] && as_server_user "$BIN/pg_ctl" status -D "$dir/data" >/dev/null 2>&1
}

psql_admin() {
  local dir=$1 port=$2
  shift 2
  as_server_user "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U postgres -d postgres "$@"
}

start() {
  local dir=$1 port=$2
  [[ "$port" =~ ^[0-9]+$ ]] || fail "PORT must be a number, not '$port'"
  ensure_server_user
  mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  if is_running "$dir"; then
    url_for "$(cat "$dir/port")"
    return 0
  fi
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$dir"
  fi
  chmod 700 "$dir"
  as_server_user test -w "$dir" || fail "$dir is not writable by the postgres user (is a parent directory private?)"

  if [ ! -f "$dir/data/PG_VERSION" ]; then
    as_server_user "$BIN/initdb" -D "$dir/data" -U postgres -E UTF8 --no-locale \
      --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 \
      || fail "initdb failed; see $dir/initdb.log"
  fi

  echo "$port" >"$dir/port"
  as_server_user "$BIN/pg_ctl" start -D "$dir/data" -l "$dir/server.log" -w -t 60 -o \
    "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null || fail "the server did not start; see $dir/server.log"

  local tries=0
  until as_server_user "$BIN/pg_isready" -q -h "$dir" -p "$port"; do
    tries=$((tries + 1))
    [ "$tries" -lt 60 ] || fail "the server is not accepting connections; see $dir/server.log"
    sleep 0.5
  done

  psql_admin "$dir" "$port" <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
    CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
  END IF;
END
\$\$;
SQL
  if [ -z "$(psql_admin "$dir" "$port" -tA -c "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" ]; then
    psql_admin "$dir" "$port" -c "CREATE DATABASE $DATABASE OWNER $ROLE"
  fi
  url_for "$port"
}

stop() {
  local dir=$1
  [ -d "$dir/data" ] || return 0
  if is_running "$dir"; then
    as_server_user "$BIN/pg_ctl" stop -D "$dir/data" -m fast -w >/dev/null
  fi
}

[ $# -ge 2 ] || usage
BIN=$(bin_dir)
case "$1" in
  start) [ $# -eq 3 ] || usage; start "$2" "$3" ;;
  stop) [ $# -eq 2 ] || usage; stop "$2" ;;
  url)
    [ $# -eq 2 ] || usage
    is_running "$2" || fail "no server is running in $2"
    url_for "$(cat "$2/port")"
    ;;
  *) usage ;;
esac
