#!/usr/bin/env bash
# The whole measurement, as recorded in docs/performance.md: seed a fresh database, start one host on it with SQL
# counting on and rate limits off, run the harness, stop the host, then the multi-host check.
#   tests/HeadlessCrm.Benchmarks/measure.sh "Host=127.0.0.1;Port=5432;Username=postgres;Password=…" [scale] [duration] [rate]
set -euo pipefail
SERVER="$1"; SCALE="${2:-1}"; DURATION="${3:-10}"; RATE="${4:-500}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DB="crm_bench_$(date -u +%Y%m%d%H%M%S)"
OWNER="$SERVER;Database=$DB"
BENCH="$ROOT/tests/HeadlessCrm.Benchmarks/bin/Release/net10.0/HeadlessCrm.Benchmarks.dll"
API_DIR="$ROOT/src/HeadlessCrm.Api/bin/Release/net10.0"

dotnet build -c Release "$ROOT/tests/HeadlessCrm.Benchmarks" -v quiet -nologo
PGHOST=$(sed -E 's/.*Host=([^;]+).*/\1/' <<<"$SERVER") PGPORT=$(sed -E 's/.*Port=([^;]+).*/\1/' <<<"$SERVER") \
PGUSER=$(sed -E 's/.*Username=([^;]+).*/\1/' <<<"$SERVER") PGPASSWORD=$(sed -E 's/.*Password=([^;]+).*/\1/' <<<"$SERVER") \
  psql -d postgres -qc "CREATE DATABASE $DB"
echo "== seed ($DB, scale $SCALE)"
time dotnet "$BENCH" seed --connection "$OWNER" --scale "$SCALE"

echo "== host"
(cd "$API_DIR" && ConnectionStrings__Crm="$OWNER" Crm__Diagnostics__CountSql=true Crm__RateLimits__Enabled=false \
  ASPNETCORE_URLS=http://127.0.0.1:5380 exec dotnet HeadlessCrm.Api.dll >/tmp/headlesscrm-bench-host.log 2>&1) &
HOST_PID=$!
trap 'kill $HOST_PID 2>/dev/null || true' EXIT
until curl -sf http://127.0.0.1:5380/health/ready >/dev/null; do sleep 0.5; done

echo "== run"
dotnet "$BENCH" run --connection "$OWNER" --url http://127.0.0.1:5380 --host-pid "$HOST_PID" \
  --duration "$DURATION" --warmup 2 --concurrency 16 --rate "$RATE" || echo "(run reported errors)"
kill "$HOST_PID"; timeout 20 tail --pid="$HOST_PID" -f /dev/null || kill -9 "$HOST_PID"; trap - EXIT

echo "== multihost"
dotnet "$BENCH" multihost --connection "$SERVER;Database=postgres" --ports 5381,5382
