# A throwaway PostgreSQL server for bench/run.sh's PostgreSQL parts, sourced by it (needs $WORK, $HOST_DIR): initdb
# into $WORK/postgres, pg_ctl on a free loopback port, as the postgres user when run as root (as the tests'
# tests/ReferralBot.Testing/PostgresServer.cs does), stopped and removed when run.sh exits. Unlike the tests' server it
# keeps PostgreSQL's durable defaults (fsync, synchronous_commit and full_page_writes on): these parts measure
# throughput whose every commit must survive a crash. Only max_connections is raised (two instances' pools).
PG_SETTINGS="fsync=on, synchronous_commit=on, full_page_writes=on (the defaults); shared_buffers 128 MB (the default); max_connections=300"
PG_DIR=""

# pg_as_owner COMMAND…: runs a server command as the postgres user when this is root (PostgreSQL refuses to run as root).
pg_as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# pg_start: initdb and start the server; sets PG_BIN, PG_PORT, PG_PID (the postmaster) and PG_VERSION.
pg_start() {
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/pg_ctl" ]; then
    echo "no PostgreSQL server for the PostgreSQL parts: no pg_ctl under /usr/lib/postgresql/*/bin (Debian: apt-get install postgresql postgresql-client)" >&2
    return 1
  fi
  command -v psql >/dev/null || { echo "no psql for the PostgreSQL parts (Debian: apt-get install postgresql-client)" >&2; return 1; }
  PG_DIR="$WORK/postgres"
  mkdir -p "$PG_DIR"
  if [ "$(id -u)" = 0 ]; then
    chmod 711 "$WORK" # mktemp's folder is root's alone; the postgres user only needs to pass through it
    chown -R postgres "$PG_DIR"
  fi
  PG_PORT=$(python3 -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
  pg_as_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --no-locale --no-sync >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null \
    || { cat "$PG_DIR/server.log" >&2; return 1; }
  PG_PID=$(head -1 "$PG_DIR/data/postmaster.pid")
  PG_VERSION=$("$PG_BIN/postgres" --version | awk '{ print $3 }')
}

# pg_stop: stops the server at once (called on exit; its folder goes with $WORK).
pg_stop() {
  [ -n "$PG_DIR" ] && [ -f "$PG_DIR/data/postmaster.pid" ] || return 0
  pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
}

# pg_conn DB [APPLICATION]: the service's connection string for database DB, its sessions named APPLICATION in
# pg_stat_activity (which tells the instances apart).
pg_conn() { echo "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$1${2:+;Application Name=$2}"; }
# pg_sql DB SQL: the query's rows, unaligned.
pg_sql() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$1" -Atqc "$2"; }

# pg_database DB: a new database, migrated by the service's own `migrate` command; sets PG_MIGRATED (what it printed).
pg_database() {
  pg_sql postgres "CREATE DATABASE \"$1\""
  PG_MIGRATED=$(cd "$HOST_DIR" && ConnectionStrings__ReferralBot="$(pg_conn "$1")" dotnet ReferralBot.Host.dll migrate)
  case "$PG_MIGRATED" in *"up to date"*) ;; *) echo "migrate failed on $1: $PG_MIGRATED" >&2; return 1 ;; esac
}

# pg_cpu_ticks: "user kernel" CPU clock ticks of the whole server so far: the postmaster, its running processes (the
# sessions, the writers) and those that have ended.
pg_cpu_ticks() {
  { awk '{ print $14 + $16, $15 + $17 }' "/proc/$PG_PID/stat"
    for child in $(pgrep -P "$PG_PID"); do awk '{ print $14, $15 }' "/proc/$child/stat" 2>/dev/null || true; done
  } | awk '{ user += $1; kernel += $2 } END { print user, kernel }'
}

# pg_role_holder DB ROLE: the application name of the session holding the service's role ROLE (a session advisory
# lock on hashtextextended('referralbot:role:' || ROLE, 0), as PostgresRoles takes it); empty if no one holds it.
pg_role_holder() {
  pg_sql "$1" "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
    CROSS JOIN (SELECT hashtextextended('referralbot:role:$2', 0) AS k) role
    WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
      AND l.classid = ((role.k >> 32) & 4294967295)::oid AND l.objid = (role.k & 4294967295)::oid"
}
