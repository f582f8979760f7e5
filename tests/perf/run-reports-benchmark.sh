#!/usr/bin/env bash
# Times every report over HTTP against a host on a database seeded by the benchmark harness (docs/reports.md, "Speed").
#   tests/perf/run-reports-benchmark.sh                  # full size: 1M deals (~3M stays), 3M activities, 1M contacts
#   SEED_ARGS="--scale 0.01" tests/perf/run-reports-benchmark.sh   # a quick check at 1/100
# Starts a private PostgreSQL cluster in $PGDIR (as the postgres user when run as root) unless one answers on $PGPORT,
# seeds it with `HeadlessCrm.Benchmarks seed` (binary COPY, then report_facts_rebuild: COPY bypasses the summary
# triggers), starts the host (Release), then calls each report 1 + RUNS times per caller (integration client, a
# manager of a team of 11, a rep) and prints the cold call and p50 / p95 / max of the warm ones, with the load average.
set -euo pipefail
cd "$(dirname "$0")/../.."
PGDIR=${PGDIR:-/tmp/crm-perf}
PGDATA=${PGDATA:-$PGDIR/data}
PGPORT=${PGPORT:-55433}
API=${API:-http://127.0.0.1:5099}
RUNS=${RUNS:-20}
DB=${DB:-crm}           # the database to seed (or find seeded) and serve
REPORTS=${REPORTS:-.}   # a regex over the row labels, to time only some reports
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
PSQL="$BIN/psql -X -q -h 127.0.0.1 -p $PGPORT -U postgres"

if ! $PSQL -d postgres -c "SELECT 1" >/dev/null 2>&1; then
  if [ ! -d "$PGDATA" ]; then
    mkdir -p "$PGDIR"; [ "$(id -u)" = 0 ] && chown postgres "$PGDIR"
    as_pg "$BIN/initdb" -D "$PGDATA" -U postgres --auth=trust >/dev/null
    cat >> "$PGDATA/postgresql.conf" <<CONF
port = $PGPORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PGDIR'
shared_buffers = 2GB
effective_cache_size = 8GB
work_mem = 64MB
maintenance_work_mem = 512MB
max_wal_size = 8GB
random_page_cost = 1.1
CONF
  fi
  as_pg "$BIN/pg_ctl" -D "$PGDATA" -l "$PGDIR/pg.log" -w start >/dev/null
  STARTED_PG=1
fi
$PSQL -d postgres -c "ALTER ROLE postgres PASSWORD 'perf'"
$PSQL -d postgres -tc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 || $PSQL -d postgres -c "CREATE DATABASE $DB"
OWNER="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Password=perf;Database=$DB"

# Seeds (or finds the seeded workspace) and applies the migrations, V0014's backfill included, without a time limit.
dotnet run -c Release --project tests/HeadlessCrm.Benchmarks -- seed --connection "$OWNER" ${SEED_ARGS:---activities 3000000}

export ConnectionStrings__Crm="$OWNER"
export Crm__RateLimits__Enabled=false ASPNETCORE_URLS=$API ASPNETCORE_ENVIRONMENT=Production
dotnet run -c Release --no-launch-profile --project src/HeadlessCrm.Api > "$PGDIR/host.log" 2>&1 &
HOST_PID=$!
trap 'kill $HOST_PID 2>/dev/null || true; [ -n "${STARTED_PG:-}" ] && [ "${KEEP:-0}" != 1 ] && as_pg "$BIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null || true' EXIT
until curl -sf "$API/health/ready" >/dev/null; do sleep 1; done

WS=$($PSQL -d $DB -tAc "SELECT workspace_id FROM oauth_clients WHERE client_id = 'bench-client'")
TOKEN=$(curl -s -u bench-client:bench-secret -d grant_type=client_credentials "$API/connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
PIPELINE=$($PSQL -d $DB -tAc "SELECT id FROM pipelines WHERE workspace_id = '$WS' AND name = 'Sales pipeline'")
REP=$($PSQL -d $DB -tAc "SELECT id FROM members WHERE workspace_id = '$WS' AND email = 'rep1.east@bench.example'")
MANAGER=$($PSQL -d $DB -tAc "SELECT id FROM members WHERE workspace_id = '$WS' AND email = 'manager.east@bench.example'")
token_of() { curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"perf","scopes":["crm.reports.read"]}' "$API/api/v1/members/$1/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/'; }
REP_TOKEN=$(token_of "$REP"); MANAGER_TOKEN=$(token_of "$MANAGER")
# The seed's clock ends on 2026-11-30: periods are given explicitly so the figures do not depend on today.
YEAR="from=2025-12-01&to=2026-11-30"

time_report() { # label token path
  [[ $1 =~ $REPORTS ]] || return 0
  local times=() status
  for _ in $(seq $((RUNS + 1))); do
    status=$(curl -s -o /tmp/crm-perf-report.json -w '%{http_code} %{time_total}' -H "Authorization: Bearer $2" "$API$3")
    [ "${status%% *}" = 200 ] || { echo "$1: HTTP $status $(head -c 300 /tmp/crm-perf-report.json)"; return; }
    times+=("$(awk -v t="${status#* }" 'BEGIN { printf "%.0f", t * 1000 }')")
  done
  local warm; warm=$(printf '%s\n' "${times[@]:1}" | sort -n)
  local n; n=$(echo "$warm" | wc -l)
  local p50; p50=$(echo "$warm" | sed -n "$(( (n + 1) / 2 ))p")
  local p95; p95=$(echo "$warm" | sed -n "$(( (n * 95 + 99) / 100 ))p")
  printf '| %-36s | %5s | %5s | %5s | %5s | %s |\n' "$1" "${times[0]}" "$p50" "$p95" "$(echo "$warm" | tail -1)" "$(cut -d' ' -f1-3 /proc/loadavg)"
}
echo "| report (caller) | cold ms | p50 ms | p95 ms | max ms | load (1/5/15 min) |"
echo "|---|---|---|---|---|---|"
for who in client manager rep; do
  case $who in client) T=$TOKEN ;; manager) T=$MANAGER_TOKEN ;; rep) T=$REP_TOKEN ;; esac
  time_report "funnel ($who)" "$T" "/api/v1/reports/funnel?pipelineId=$PIPELINE&$YEAR"
  time_report "forecast ($who)" "$T" "/api/v1/reports/forecast?from=2026-11-01&to=2027-10-31"
  time_report "win-rate ($who)" "$T" "/api/v1/reports/win-rate?$YEAR"
  time_report "activity ($who)" "$T" "/api/v1/reports/activity?$YEAR"
  time_report "lead-sources ($who)" "$T" "/api/v1/reports/lead-sources?$YEAR"
  time_report "lapsed-customers ($who)" "$T" "/api/v1/reports/lapsed-customers?days=90"
  time_report "overdue-tasks ($who)" "$T" "/api/v1/reports/overdue-tasks"
done
