#!/usr/bin/env bash
# Latency of the data-operation reads of issue #8 against a seeded host (see docs/data-operations.md): sequential
# requests (one at a time, so the numbers are per-request latency, not throughput), p50/p95/max per case.
#   tests/HeadlessCrm.Benchmarks/data-operations.sh http://127.0.0.1:5504 [requests per case] [search|tags]
# ("search" as the third argument runs the search cases only, "tags" the tag cases only: those need the rare-N tags
# added to the seeded contacts as docs/performance.md "Rare tags under row-level security" describes.)
# The host must serve a database seeded by `HeadlessCrm.Benchmarks seed` (client bench-client / bench-secret) with
# rate limits off (Crm__RateLimits__Enabled=false).
set -euo pipefail
URL="$1"; N="${2:-100}"; ONLY="${3:-}"
TOKEN=$(curl -sf -u bench-client:bench-secret -d grant_type=client_credentials "$URL/connect/token" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
AUTH="Authorization: Bearer $TOKEN"

# Latencies (ms) of N requests; prints "name p50 p95 max", and how many answers were not 200.
measure() {
  local name="$1"; shift
  curl -s -o /dev/null -H "$AUTH" "$@"   # warm-up
  for _ in $(seq "$N"); do curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "$AUTH" "$@"; done \
    | sort -k2 -n | awk -v name="$name" '{ t[NR] = $2 * 1000; if ($1 != 200) bad++ } END {
        printf "%-48s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  (n=%d, not 200: %d)\n", name, t[int(NR*0.5)], t[int(NR*0.95)], t[NR], NR, bad }'
}

segment() {  # creates a contacts segment, prints its id
  curl -sf -H "$AUTH" -H 'Content-Type: application/json' -d "{\"name\":\"$1\",\"object\":\"contacts\",\"filter\":$2}" "$URL/api/v1/segments" \
    | sed -E 's/.*"id":"([^"]+)".*/\1/'
}

# Tags (V0025, V0028): rare-N is on N contacts, vip on 4%; a list page, its X-Sql-Commands, and segment counts.
if [ "$ONLY" = tags ]; then
  for t in rare-10 rare-100 rare-1000 rare-3000 vip; do
    echo "tag=$t: X-Sql-Commands $(curl -s -D - -o /dev/null -H "$AUTH" "$URL/api/v1/contacts?tag=$t&limit=25" | tr -d '\r' | sed -n 's/^X-Sql-Commands: //ip')"
    measure "list contacts tag=$t" "$URL/api/v1/contacts?tag=$t&limit=25"
  done
  # Counts: a rare tag, vip (4 %), and any of 2, 3 and 6 of the seed's tags (8 %, 12 %, 23 % of the contacts).
  for t in rare-100 vip vip,beta vip,beta,upsell vip,beta,upsell,webinar,newsletter,at-risk; do
    TAGGED=$(segment "Tagged $t" "{\"field\":\"tags\",\"op\":\"containsAny\",\"value\":[\"${t//,/\",\"}\"]}")
    echo "segment tags any of $t = $(curl -sf -H "$AUTH" "$URL/api/v1/segments/$TAGGED/count")"
    measure "segment count: tags any of $t" "$URL/api/v1/segments/$TAGGED/count"
    curl -sf -o /dev/null -X DELETE -H "$AUTH" "$URL/api/v1/segments/$TAGGED"
  done
  exit 0
fi

# Names, a first and last name, phone digits, and typo-only terms (no exact or substring match: "muler" → Müller,
# "morau" → Moreau by one edit, "elna morau" and "jsoe muller" as two words with typos).
for q in zoe ana priya costa hansen becker zoe.abbott 5551904 nora%20abbott muler hansn kowalsky morau elna%20morau jsoe%20muller; do
  measure "search contacts q=$q" "$URL/api/v1/search?q=$q&types=contacts"
done
measure "search all types q=zoe" "$URL/api/v1/search?q=zoe"
measure "search all types q=acme" "$URL/api/v1/search?q=acme"
[ "$ONLY" = search ] && exit 0

CUSTOMERS=$(segment "Customers" '{"field":"lifecycleStage","value":"customer"}')
ALL=$(segment "Everyone" '{"field":"createdAt","op":"gte","value":"2000-01-01T00:00:00Z"}')
NEAR=$(segment "Within 50 km of Berlin" '{"field":"address","op":"within","value":{"lat":52.52,"lng":13.405,"radiusKm":50}}')
COMPANY=$(segment "At customer companies near Berlin" '{"and":[{"field":"company.kind","value":"customer"},{"field":"company.address","op":"within","value":{"lat":52.52,"lng":13.405,"radiusKm":100}}]}')
for id in "$CUSTOMERS" "$ALL" "$NEAR" "$COMPANY"; do
  echo "segment $id: $(curl -sf -H "$AUTH" "$URL/api/v1/segments/$id" | sed -E 's/.*"name":"([^"]+)".*/\1/') = $(curl -sf -H "$AUTH" "$URL/api/v1/segments/$id/count")"
done
measure "segment count: lifecycleStage = customer" "$URL/api/v1/segments/$CUSTOMERS/count"
measure "segment count: every contact" "$URL/api/v1/segments/$ALL/count"
measure "segment count: address within 50 km" "$URL/api/v1/segments/$NEAR/count"
measure "segment count: customer company within 100 km" "$URL/api/v1/segments/$COMPANY/count"
measure "segment members: address within 50 km" "$URL/api/v1/segments/$NEAR/members?limit=25"
for id in "$CUSTOMERS" "$ALL" "$NEAR" "$COMPANY"; do curl -sf -o /dev/null -X DELETE -H "$AUTH" "$URL/api/v1/segments/$id"; done
