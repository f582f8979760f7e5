#!/usr/bin/env bash
# Times every report over HTTP against a host on a freshly seeded database (docs/reports.md, "Speed").
#   tests/perf/run-reports-benchmark.sh                   # full size: 1M deals, 3M activities, 200k contacts
#   SEED_ARGS="-v deals=10000 -v activities=30000 -v contacts=2000" tests/perf/run-reports-benchmark.sh   # quick check
# Starts a private PostgreSQL cluster in $PGDIR (as the postgres user when run as root), the host with
# `dotnet run -c Release`, seeds with reports-seed.sql, then calls each report RUNS times and prints every time.
set -euo pipefail
cd "$(dirname "$0")/../.."
PGDIR=${PGDIR:-/tmp/crm-perf}
PGPORT=${PGPORT:-55433}
API=${API:-http://127.0.0.1:5099}
RUNS=${RUNS:-6}
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
PSQL="$BIN/psql -X -q -h 127.0.0.1 -p $PGPORT -U postgres"

if [ ! -d "$PGDIR" ]; then
  mkdir -p "$PGDIR"; [ "$(id -u)" = 0 ] && chown postgres "$PGDIR"
  as_pg "$BIN/initdb" -D "$PGDIR/data" -U postgres --auth=trust >/dev/null
  cat >> "$PGDIR/data/postgresql.conf" <<CONF
port = $PGPORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PGDIR'
shared_buffers = 2GB
effective_cache_size = 8GB
work_mem = 64MB
maintenance_work_mem = 512MB
max_wal_size = 8GB
random_page_cost = 1.1
# The plans of slow statements (estimates only: analyze would instrument every query) go to $PGDIR/log.
session_preload_libraries = 'auto_explain'
auto_explain.log_min_duration = '250ms'
CONF
fi
as_pg "$BIN/pg_ctl" -D "$PGDIR/data" status >/dev/null || as_pg "$BIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/log" -w start >/dev/null
$PSQL -d postgres -c "ALTER ROLE postgres PASSWORD 'perf'" 
$PSQL -d postgres -tc "SELECT 1 FROM pg_database WHERE datname = 'crm'" | grep -q 1 || $PSQL -d postgres -c "CREATE DATABASE crm"

export ConnectionStrings__Crm="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Password=perf;Database=crm"
export Crm__Bootstrap__ClientId=perf Crm__Bootstrap__ClientSecret=perf-secret Crm__Bootstrap__WorkspaceName=Perf
export Crm__RateLimits__Enabled=false ASPNETCORE_URLS=$API ASPNETCORE_ENVIRONMENT=Production
dotnet run -c Release --no-launch-profile --project src/HeadlessCrm.Api > "$PGDIR/host.log" 2>&1 &
HOST_PID=$!
# The host goes at the end; the cluster too unless KEEP=1 (to EXPLAIN by hand; the data stays in $PGDIR either way).
trap 'kill $HOST_PID 2>/dev/null || true; [ "${KEEP:-0}" = 1 ] || as_pg "$BIN/pg_ctl" -D "$PGDIR/data" -m fast stop >/dev/null' EXIT
until curl -sf "$API/health/ready" >/dev/null; do sleep 1; done

WS=$($PSQL -d crm -tAc "SELECT workspace_id FROM oauth_clients WHERE client_id = 'perf'")
if [ "$($PSQL -d crm -tAc "SELECT count(*) FROM deals WHERE workspace_id = '$WS'")" = 0 ]; then
  echo "seeding workspace $WS ..."
  time $PSQL -d crm -v ws="$WS" ${SEED_ARGS:-} -f tests/perf/reports-seed.sql
fi

TOKEN=$(curl -s -u perf:perf-secret -d grant_type=client_credentials "$API/connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
PIPELINE=$($PSQL -d crm -tAc "SELECT id FROM pipelines WHERE workspace_id = '$WS' AND name = 'Pipeline 0'")
REP=$($PSQL -d crm -tAc "SELECT id FROM members WHERE workspace_id = '$WS' AND email = 'seed2@perf.example'")
MANAGER=$($PSQL -d crm -tAc "SELECT id FROM members WHERE workspace_id = '$WS' AND email = 'seed1@perf.example'")
token_of() { curl -s -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"perf","scopes":["crm.reports.read"]}' "$API/api/v1/members/$1/tokens" | sed -E 's/.*"token":"([^"]+)".*/\1/'; }
REP_TOKEN=$(token_of "$REP"); MANAGER_TOKEN=$(token_of "$MANAGER")

time_report() { # label token path
  local times=() status
  for _ in $(seq "$RUNS"); do
    status=$(curl -s -o /tmp/crm-perf-report.json -w '%{http_code} %{time_total}' -H "Authorization: Bearer $2" "$API$3")
    [ "${status%% *}" = 200 ] || { echo "$1: HTTP $status $(head -c 300 /tmp/crm-perf-report.json)"; return; }
    times+=("$(awk -v t="${status#* }" 'BEGIN { printf "%.0f", t * 1000 }')")
  done
  printf '| %-34s | %s |\n' "$1" "${times[*]}"
}
echo "| report (caller) | ms per call, first (cold) to last (warm) |"
echo "|---|---|"
time_report "funnel (client)" "$TOKEN" "/api/v1/reports/funnel?pipelineId=$PIPELINE"
time_report "funnel (manager)" "$MANAGER_TOKEN" "/api/v1/reports/funnel?pipelineId=$PIPELINE"
time_report "funnel (rep)" "$REP_TOKEN" "/api/v1/reports/funnel?pipelineId=$PIPELINE"
time_report "forecast (client)" "$TOKEN" "/api/v1/reports/forecast"
time_report "forecast quarter (rep)" "$REP_TOKEN" "/api/v1/reports/forecast?interval=quarter"
time_report "win-rate (client)" "$TOKEN" "/api/v1/reports/win-rate"
time_report "win-rate (manager)" "$MANAGER_TOKEN" "/api/v1/reports/win-rate"
time_report "activity (client)" "$TOKEN" "/api/v1/reports/activity"
time_report "activity (manager)" "$MANAGER_TOKEN" "/api/v1/reports/activity"
time_report "lead-sources (client)" "$TOKEN" "/api/v1/reports/lead-sources"
time_report "lapsed-customers (client)" "$TOKEN" "/api/v1/reports/lapsed-customers?days=90"
time_report "lapsed-customers (rep)" "$REP_TOKEN" "/api/v1/reports/lapsed-customers?days=90"
time_report "overdue-tasks (client)" "$TOKEN" "/api/v1/reports/overdue-tasks"
time_report "overdue-tasks (manager)" "$MANAGER_TOKEN" "/api/v1/reports/overdue-tasks"
