#!/usr/bin/env bash
# A throwaway PostgreSQL server for the store tests.
#
#   .ci/postgres.sh start DIR PORT   initialise a cluster in DIR (once), start it on 127.0.0.1:PORT with its
#                                    unix socket inside DIR, create database kafkafleet_test, and print its URL:
#                                    postgres://postgres@127.0.0.1:PORT/kafkafleet_test (trust auth, loopback only)
#   .ci/postgres.sh stop DIR         stop the server (fast shutdown)
#   .ci/postgres.sh restart DIR      restart it on the same port (for KAFKAFLEET_TEST_PG_RESTART)
#
# Binaries come from `pg_config --bindir`, else the newest /usr/lib/postgresql/*/bin. PostgreSQL refuses to
# run as root, so when run as root the server runs as the `postgres` user and DIR is chowned to it.
# Only the URL goes to stdout; progress and errors go to stderr, the server log to DIR/server.log.
set -euo pipefail

die() { echo "postgres.sh: $*" >&2; exit 1; }

bindir() {
    local dir
    if command -v pg_config >/dev/null 2>&1 && dir=$(pg_config --bindir 2>/dev/null) && [ -x "$dir/initdb" ]; then
        echo "$dir"; return
    fi
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$dir" ] && [ -x "$dir/initdb" ] || die "no PostgreSQL binaries found (pg_config or /usr/lib/postgresql/*/bin)"
    echo "$dir"
}

as_postgres() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
    local dir=${1:?usage: start DIR PORT} port=${2:?usage: start DIR PORT} bin
    bin=$(bindir)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    [ "$(id -u)" = 0 ] && chown -R postgres "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
            || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    fi
    mkdir -p "$dir/socket"
    [ "$(id -u)" = 0 ] && chown postgres "$dir/socket"
    echo "$port" >"$dir/port"
    as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/socket -c max_connections=300 -c fsync=off" start >&2 \
        || { tail -n 20 "$dir/server.log" >&2; die "server did not start"; }
    if ! as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc \
            "SELECT 1 FROM pg_database WHERE datname = 'kafkafleet_test'" | grep -q 1; then
        as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qc "CREATE DATABASE kafkafleet_test" >&2
    fi
    echo "postgres://postgres@127.0.0.1:$port/kafkafleet_test"
}

stop() {
    local dir=${1:?usage: stop DIR}
    as_postgres "$(bindir)/pg_ctl" -D "$dir/data" -m fast -w stop >&2
}

restart() {
    local dir=${1:?usage: restart DIR} port
    dir=$(cd "$dir" && pwd)
    port=$(cat "$dir/port")
    as_postgres "$(bindir)/pg_ctl" -D "$dir/data" -l "$dir/server.log" -m fast -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/socket -c max_connections=300 -c fsync=off" restart >&2
}

case "${1:-}" in
    start) shift; start "$@" ;;
    stop) shift; stop "$@" ;;
    restart) shift; restart "$@" ;;
    *) die "usage: $0 start DIR PORT | stop DIR | restart DIR" ;;
esac
