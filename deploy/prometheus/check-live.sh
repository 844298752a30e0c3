#!/usr/bin/env bash
# Live check of the platform's metrics and alert rules, after `deploy/local/run.sh up`:
# starts a real Prometheus (Debian package `prometheus`) on the running services with the alert
# rules loaded, delivers a synthetic débit file that has never been delivered (so a new batch runs
# end to end), and waits until every platform metric has data in Prometheus. Run by .ci/run.
#
# Environment: SF_PROMETHEUS_CONFIG (default deploy/prometheus/prometheus.local.yml),
# SF_PROMETHEUS_PORT (9091), SF_INGESTION_URSSAF (http://127.0.0.1:5101), SF_METRICS_TIMEOUT (120 s),
# SF_GATEWAY (http://127.0.0.1:5100, where `sf token` gets the urssaf client's token), SF_CLIENT_SECRET
# (default: the secret run.sh made in .state/identity).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$HERE/../.." && pwd)"
CONFIG="${SF_PROMETHEUS_CONFIG:-$HERE/prometheus.local.yml}"
PORT="${SF_PROMETHEUS_PORT:-9091}"
URSSAF="${SF_INGESTION_URSSAF:-http://127.0.0.1:5101}"
TIMEOUT="${SF_METRICS_TIMEOUT:-120}"
PROM="http://127.0.0.1:$PORT"

# Each must have at least one series with data: what the dashboards and alert rules read.
METRICS=(
  sf_ingestion_lines_read_total
  sf_ingestion_records_accepted_total
  sf_ingestion_lines_rejected_total
  sf_ingestion_records_published_total
  sf_ingestion_batches_total
  sf_ingestion_batch_duration_seconds_count
  sf_ingestion_batch_delivery_duration_seconds_count
  sf_ingestion_last_file_time_seconds
  sf_outbox_pending
  sf_outbox_oldest_age_seconds
  sf_outbox_published_total
  sf_inbox_handled_total
  messaging_masstransit_consume_duration_milliseconds_count
)

log() { echo "[metrics] $*" >&2; }
command -v prometheus >/dev/null || { log "prometheus not installed (apt-get install -y prometheus)"; exit 1; }

WORK="$(mktemp -d)"
PROM_PID=""
cleanup() {
  if [[ -n "$PROM_PID" ]]; then kill "$PROM_PID" 2>/dev/null || true; wait "$PROM_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# Same targets and rules, scraped every 2 s instead of 15 s so the check takes seconds.
sed -E 's/^(  (scrape|evaluation)_interval:).*/\1 2s/' "$CONFIG" >"$WORK/prometheus.yml"
cp -r "$HERE/rules" "$WORK/rules"
prometheus --config.file="$WORK/prometheus.yml" --storage.tsdb.path="$WORK/data" \
  --web.listen-address="127.0.0.1:$PORT" >"$WORK/prometheus.log" 2>&1 &
PROM_PID=$!
for _ in $(seq 1 30); do curl -sf "$PROM/-/ready" >/dev/null 2>&1 && break; sleep 1; done
curl -sf "$PROM/-/ready" >/dev/null || { log "Prometheus did not start:"; cat "$WORK/prometheus.log" >&2; exit 1; }
log "Prometheus $(prometheus --version 2>&1 | head -n 1 | awk '{print $3}') on $PROM"

# A débit file no one delivered before: the reference sample plus one broken line made unique.
FILE="$WORK/debit-metrics.csv"
cat "$REPO_ROOT/tests/fixtures/urssaf_debit/debitTestData.csv" >"$FILE"
printf '999;metrics-check-%s;broken\n' "$(date +%s%N)" >>"$FILE"
export SF_CLIENT_SECRET="${SF_CLIENT_SECRET:-$(cat "$REPO_ROOT/.state/identity/client-secret")}"
TOKEN="$(dotnet run --no-build -c Release --project "$REPO_ROOT/tools/SignauxFaibles.Cli" -- token \
    --issuer "${SF_GATEWAY:-http://127.0.0.1:5100}" --client urssaf)"
status=$(curl -sS -o "$WORK/batch.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" --data-binary @"$FILE" \
  "$URSSAF/api/files/urssaf-debit?wait=true&fileName=debit-metrics.csv")
[[ "$status" == 201 ]] || { log "upload answered HTTP $status: $(cat "$WORK/batch.json")"; exit 1; }
log "delivered: $(cat "$WORK/batch.json")"

has_data() {
  curl -sf --get "$PROM/api/v1/query" --data-urlencode "query=$1" | grep -q '"value":\['
}

deadline=$((SECONDS + TIMEOUT))
missing=("${METRICS[@]}")
while (( ${#missing[@]} > 0 && SECONDS < deadline )); do
  still=()
  for m in "${missing[@]}"; do has_data "$m" || still+=("$m"); done
  missing=("${still[@]+"${still[@]}"}")
  (( ${#missing[@]} > 0 )) && sleep 2
done
if (( ${#missing[@]} > 0 )); then
  log "no data after ${TIMEOUT}s for: ${missing[*]}"
  curl -sf "$PROM/api/v1/targets" | grep -o '"scrapeUrl":"[^"]*","globalUrl":"[^"]*","lastError":"[^"]*","lastScrape":"[^"]*","lastScrapeDuration":[^,]*,"health":"[^"]*"' >&2 || true
  exit 1
fi
log "all ${#METRICS[@]} metrics have data"

# The rejected line shows: at least one rejected line counted for URSSAF.
has_data 'sum(sf_ingestion_lines_rejected_total{source="Urssaf"}) >= 1' || { log "the rejected line is not counted"; exit 1; }

# Alert rules loaded and evaluated without error.
rules="$(curl -sf "$PROM/api/v1/rules")"
for alert in DeadLettersWaiting ConsumerDown ServiceDown OutboxStuck OutboxBacklogGrowing SourceDeliveryLate RejectsAboveShare LevelChangesFarAboveUsual; do
  grep -q "\"name\":\"$alert\"" <<<"$rules" || { log "alert rule $alert not loaded"; exit 1; }
done
if grep -q '"health":"err"' <<<"$rules"; then log "a rule failed to evaluate: $rules"; exit 1; fi
log "alert rules loaded and healthy"
