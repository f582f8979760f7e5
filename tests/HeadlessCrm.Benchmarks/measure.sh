#!/usr/bin/env bash
# The whole measurement, as recorded in docs/performance.md: seed a fresh database (or reuse a seeded one), start one
# host on it with SQL counting on and rate limits off, run the harness, stop the host, then the multi-host check.
#
#   tests/HeadlessCrm.Benchmarks/measure.sh "Host=127.0.0.1;Port=5432;Username=postgres;Password=…" [scale] [duration] [rate]
#
# Environment (all optional):
#   BENCH_DATABASE=crm_bench   reuse this database, already seeded: no CREATE DATABASE, no seed
#   BENCH_PGDATA=/path/pg      start this PostgreSQL cluster first (pg_ctl; as the postgres user when run as root)
#                              and stop it cleanly at the end
#   BENCH_WARMUP=5             seconds of warm-up before each measured phase
#   BENCH_HOST_WARMUP=15       seconds of each scenario alone before anything is measured (the host's tiered JIT)
#   BENCH_SCENARIOS=a,b        only these scenarios (words of their names), all at [rate]
#   BENCH_SLOW_RATE=20         without BENCH_SCENARIOS: the open-loop rate of the scenarios that cost the database
#                              100+ ms each (search, forecast), run after the others; at 500/s they pile up for minutes
#   BENCH_MULTIHOST=no         skip the multi-host check
#   BENCH_FLOOR=no             skip the HTTP floor (a minimal Kestrel server serving GET contact's body, after the
#                              scenarios), or its port (default: the host's + 3)
#   BENCH_PORT=5380            the host's port (multihost uses the next two, the HTTP floor the third)
set -euo pipefail
SERVER="$1"; SCALE="${2:-1}"; DURATION="${3:-10}"; RATE="${4:-500}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PORT="${BENCH_PORT:-5380}"
BENCH="$ROOT/tests/HeadlessCrm.Benchmarks/bin/Release/net10.0/HeadlessCrm.Benchmarks.dll"
API_DIR="$ROOT/src/HeadlessCrm.Api/bin/Release/net10.0"
field() { sed -nE "s/.*$1=([^;]+).*/\1/p" <<<"$SERVER"; }
export PGHOST="$(field Host)" PGPORT="$(field Port)" PGUSER="$(field Username)" PGPASSWORD="$(field Password)"

pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ -n "${BENCH_PGDATA:-}" ]; then
  echo "== PostgreSQL ($BENCH_PGDATA)"
  pg pg_ctl -D "$BENCH_PGDATA" -l "$BENCH_PGDATA/../pg.log" -w start >/dev/null
  trap 'pg pg_ctl -D "$BENCH_PGDATA" -m fast -w stop >/dev/null' EXIT
fi

dotnet build -c Release "$ROOT/tests/HeadlessCrm.Benchmarks" -v quiet -nologo
echo "== machine: $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S) UTC"
if [ -n "${BENCH_DATABASE:-}" ]; then
  DB="$BENCH_DATABASE"
  echo "== reusing the seeded database $DB"
else
  DB="crm_bench_$(date -u +%Y%m%d%H%M%S)"
  psql -d postgres -qc "CREATE DATABASE $DB"
  echo "== seed ($DB, scale $SCALE)"
  time dotnet "$BENCH" seed --connection "$SERVER;Database=$DB" --scale "$SCALE"
fi
OWNER="$SERVER;Database=$DB"

echo "== host"
(cd "$API_DIR" && ConnectionStrings__Crm="$OWNER" Crm__Diagnostics__CountSql=true Crm__RateLimits__Enabled=false \
  ASPNETCORE_URLS="http://127.0.0.1:$PORT" exec dotnet HeadlessCrm.Api.dll >/tmp/headlesscrm-bench-host.log 2>&1) &
HOST_PID=$!
stop_host() { kill "$HOST_PID" 2>/dev/null || true; timeout 20 tail --pid="$HOST_PID" -f /dev/null || kill -9 "$HOST_PID" 2>/dev/null || true; }
trap 'stop_host; [ -z "${BENCH_PGDATA:-}" ] || pg pg_ctl -D "$BENCH_PGDATA" -m fast -w stop >/dev/null' EXIT
until curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null; do sleep 0.5; done

run() {
  echo "== run: $1 at $2 req/s offered"
  dotnet "$BENCH" run --connection "$OWNER" --url "http://127.0.0.1:$PORT" --host-pid "$HOST_PID" \
    --duration "$DURATION" --warmup "${BENCH_WARMUP:-5}" --host-warmup "${BENCH_HOST_WARMUP:-15}" --concurrency 16 --rate "$2" --scenarios "$1" "${@:3}" \
    || echo "(run reported errors)"
}
FLOOR_PORT="${BENCH_FLOOR:-$((PORT + 3))}"
FLOOR=(); [ "$FLOOR_PORT" = no ] || FLOOR=(--floor "$FLOOR_PORT")
if [ -n "${BENCH_SCENARIOS:-}" ]; then
  run "$BENCH_SCENARIOS" "$RATE" "${FLOOR[@]}"
else
  run "get contact,list,create,update,GraphQL" "$RATE" "${FLOOR[@]}"
  run "search,forecast" "${BENCH_SLOW_RATE:-20}"
fi
stop_host
echo "== load average $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S) UTC"

if [ "${BENCH_MULTIHOST:-yes}" != no ]; then
  echo "== multihost"
  dotnet "$BENCH" multihost --connection "$SERVER;Database=postgres" --ports "$((PORT + 1)),$((PORT + 2))"
fi
