#!/usr/bin/env bash
# Live check of the platform's metrics, alert rules and traces, after `deploy/local/run.sh up`:
# the Prometheus run.sh started (Debian package `prometheus`, the project's alert rules loaded)
# must have every service as an `up` target; a synthetic débit file that has never been delivered
# (so a new batch runs end to end) must give every platform metric data. Run by .ci/run.
#
# Then the scoring and alerting metrics: a development roster (one national officer with the
# score right), a small synthetic population delivered with `sf load`, and one more URSSAF delivery
# that puts each of its companies deep in debt this month, so that levels move, officers are
# alerted and mails go to the development mail sink. That delivery goes through the gateway, and
# its trace in run.sh's Aspire dashboard (`sf ops trace`) must cross at least four services.
#
# Environment: SF_METRICS_STORE_PORT (9090, run.sh's Prometheus), SF_INGESTION_URSSAF (http://127.0.0.1:5101), SF_METRICS_TIMEOUT (120 s per phase),
# SF_GATEWAY (http://127.0.0.1:5100, where `sf token` gets the urssaf client's token), SF_CLIENT_SECRET
# (default: the secret run.sh made in .state/identity).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$HERE/../.." && pwd)"
PORT="${SF_METRICS_STORE_PORT:-9090}"
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
  sf_pipeline_waiting
  sf_pipeline_oldest_age_seconds
  sf_outbox_oldest_age_seconds
  sf_outbox_published_total
  sf_inbox_handled_total
  messaging_masstransit_consume_duration_milliseconds_count
  rabbitmq_detailed_queue_messages_ready
  sf_scoring_model_info
  sf_scoring_companies_by_level
  sf_notifications_deliveries_failed_total
)

# Panel, scoring and alerting: data only once new facts are computed and a level moves (second phase).
ALERT_METRICS=(
  sf_features_companies_recomputed_total
  'sum(sf_scoring_scores_total{level!="None"}) > 0'
  sf_scoring_level_changes_total
  sf_scoring_score_duration_seconds_count
  sf_notifications_alerts_total
  'sf_notifications_deliveries_sent_total{channel="Email"} > 0'
)

# The model monitor's gauges (every minute under run.sh): drift against the seed model's training
# profile, the scored months by région and level.
MODEL_METRICS=(
  sf_model_feature_psi
  'sf_model_feature_missing_rate{population="live"}'
  sf_model_score_psi
  'sf_scoring_month_companies{level!="None"}'
  sf_scoring_month_score_share
  sf_scoring_region_alerted
  sf_model_monitor_measured_at_seconds
)

log() { echo "[metrics] $*" >&2; }
command -v prometheus >/dev/null || { log "prometheus not installed (apt-get install -y prometheus)"; exit 1; }

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

curl -sf "$PROM/-/ready" >/dev/null || { log "no Prometheus on $PROM: start the stack with deploy/local/run.sh"; exit 1; }
log "Prometheus $(prometheus --version 2>&1 | head -n 1 | awk '{print $3}') on $PROM (run.sh's)"

# Every service of services.tsv (and the broker's queue metrics) an `up` target, after at most two scrapes.
deadline=$((SECONDS + 45))
while :; do
  targets="$(curl -sf "$PROM/api/v1/targets?state=active")"
  labelled="$(grep -o '"service":"[^"]*"' <<<"$targets" | sort -u | wc -l)"
  expected="$(grep -cvE '^(#|$)' "$REPO_ROOT/deploy/local/services.tsv")"
  ups="$(grep -o '"health":"up"' <<<"$targets" | wc -l)"
  (( labelled == expected && ups == expected + 1 )) && break
  (( SECONDS > deadline )) && { log "targets not all up ($ups up of $((expected + 1))): $targets"; exit 1; }
  sleep 3
done
log "all $((expected + 1)) Prometheus targets up (every service and the broker)"

# A débit file no one delivered before: the reference sample plus one broken line made unique.
FILE="$WORK/debit-metrics.csv"
cat "$REPO_ROOT/tests/fixtures/urssaf_debit/debitTestData.csv" >"$FILE"
printf '999;metrics-check-%s;broken\n' "$(date +%s%N)" >>"$FILE"
export SF_CLIENT_SECRET="${SF_CLIENT_SECRET:-$(cat "$REPO_ROOT/.state/identity/client-secret")}"
GATEWAY="${SF_GATEWAY:-http://127.0.0.1:5100}"
sf() { dotnet run --no-build -c Release --project "$REPO_ROOT/tools/SignauxFaibles.Cli" -- "$@"; }
TOKEN="$(sf token --issuer "$GATEWAY" --client urssaf)"
status=$(curl -sS -o "$WORK/batch.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" --data-binary @"$FILE" \
  "$URSSAF/api/files/urssaf-debit?wait=true&fileName=debit-metrics.csv")
[[ "$status" == 201 ]] || { log "upload answered HTTP $status: $(cat "$WORK/batch.json")"; exit 1; }
log "delivered: $(cat "$WORK/batch.json")"

has_data() {
  curl -sf --get "$PROM/api/v1/query" --data-urlencode "query=$1" | grep -q '"value":\['
}

# Waits until each query given has data; fails the check with the missing ones and the targets' state.
wait_for() {
  local deadline=$((SECONDS + TIMEOUT)) missing=("$@") still m
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
  log "all $# metrics have data"
}

wait_for "${METRICS[@]}"

# The rejected line shows: at least one rejected line counted for URSSAF.
# (a wait: the other metrics may have data from earlier batches before this one's counts are scraped)
wait_for 'sum(sf_ingestion_lines_rejected_total{source="Urssaf"}) >= 1'

# Second phase, scoring and alerting. The roster: the development national officer, with the score right.
OPS_TOKEN="$(sf token --issuer "$GATEWAY" --client sf-ops)"
printf '%s\n' 'Niveau;Institution;Accès géographique;Fonction;Prénom;Nom;E-mail;Droits' \
  'A;DGE;France;Agent national;Agent;National;agent.national@signaux-faibles.invalid;urssaf,dgefp,bdf,score' >"$WORK/roster.csv"
status=$(curl -sS -o "$WORK/roster.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $OPS_TOKEN" --data-binary @"$WORK/roster.csv" \
  "$GATEWAY/notifications/api/officers/roster?fileName=roster-metrics.csv")
[[ "$status" == 200 ]] || { log "roster import answered HTTP $status: $(cat "$WORK/roster.json")"; exit 1; }
# Every alert mailed at once (orange included), so that the mail channel is exercised whatever the level reached.
officer="$(curl -sSf -H "Authorization: Bearer $OPS_TOKEN" "$GATEWAY/notifications/api/officers?institution=DGE" \
  | grep -o '"id":"[^"]*","email":"agent.national@signaux-faibles.invalid"' | cut -d'"' -f4)"
[[ -n "$officer" ]] || { log "the imported officer is not listed"; exit 1; }
curl -sSf -o /dev/null -X PATCH -H "Authorization: Bearer $OPS_TOKEN" -H 'Content-Type: application/json' \
  --data '{"mailPreference":"AllAtOnce"}' "$GATEWAY/notifications/api/officers/$officer" || { log "mail preference not set"; exit 1; }

# A population never delivered before (the seed changes every run), up to this month, through every source.
sf synth --companies 40 --from "$(date -u -d '3 years ago' +%Y-%m)" --to "$(date -u +%Y-%m)" --seed "$(date +%s)" \
  --out "$WORK/dataset" >/dev/null
sf load --input "$WORK/dataset" --gateway "$GATEWAY" | tail -n 1 >&2

# Each company's first débit account gets a debt that grows over the last three months — each
# month's contributions left unpaid, processed on the 1st of the next month (period AAAAQM:
# quarter and month within it; URSSAF date 1YYMMDD) — so that its level moves to red.
: >"$WORK/debit-steps"
for back in 3 2 1; do
  owed="$(date -u -d "$(date -u +%Y-%m-01) -$back month" +%Y-%m)"
  processed="$(date -u -d "$(date -u +%Y-%m-01) -$((back - 1)) month" +1%y%m01)"
  year=${owed%-*}; month=$((10#${owed#*-}))
  echo "$year$(( (month - 1) / 3 + 1 ))$(( (month - 1) % 3 + 1 )) $processed $((1000 - back))" >>"$WORK/debit-steps"
done
awk -F';' -v OFS=';' -v steps="$WORK/debit-steps" \
  'BEGIN { while ((getline line < steps) > 0) { n++; split(line, f, " "); period[n] = f[1]; processed[n] = f[2]; ecn[n] = f[3] } }
   FNR == 1 { if (!header++) print; next }
   !seen[$4]++ { for (i = 1; i <= n; i++) print $1, $2, $3, $4, $5, $6, $7, "0", period[i], ecn[i], "1", processed[i], 30000000, 30000000, "1", "2", "0" }' \
  "$WORK"/dataset/urssaf/sigfaible_debits_*.csv >"$WORK/debit-worse.csv"
status=$(curl -sS -o "$WORK/batch.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $TOKEN" --data-binary @"$WORK/debit-worse.csv" \
  "$GATEWAY/urssaf/api/files/urssaf-debit?wait=true&fileName=debit-worse.csv")
[[ "$status" == 201 ]] || { log "worsening upload answered HTTP $status: $(cat "$WORK/batch.json")"; exit 1; }
log "$(( ($(wc -l <"$WORK/debit-worse.csv") - 1) / 3 )) companies put in debt; waiting for their scores and alerts"
wait_for "${ALERT_METRICS[@]}"
wait_for "${MODEL_METRICS[@]}"
# Back to the default (red at once, the rest in the digest): the development stack stays as it was.
curl -sSf -o /dev/null -X PATCH -H "Authorization: Bearer $OPS_TOKEN" -H 'Content-Type: application/json' \
  --data '{"mailPreference":"RedAtOnceOthersInDigest"}' "$GATEWAY/notifications/api/officers/$officer" || { log "mail preference not restored"; exit 1; }

# Alert rules loaded and evaluated without error.
rules="$(curl -sf "$PROM/api/v1/rules")"
for alert in DeadLettersWaiting ConsumerDown ServiceDown OutboxStuck OutboxBacklogGrowing SourceDeliveryLate RejectsAboveShare LevelChangesFarAboveUsual \
  PipelineStageStuck FeatureDistributionShifted FeatureMissingRateMoved ScoreDistributionShifted RegionAlertsJumped ModelMonitorSilent; do
  grep -q "\"name\":\"$alert\"" <<<"$rules" || { log "alert rule $alert not loaded"; exit 1; }
done
if grep -q '"health":"err"' <<<"$rules"; then log "a rule failed to evaluate: $rules"; exit 1; fi
log "alert rules loaded and healthy"

# That delivery as one trace in the Aspire dashboard: gateway, URSSAF ingestion, the panel refresh,
# scoring (and notifications) — spans are exported in batches, so wait for them.
batch="$(grep -o '"id":"[^"]*"' "$WORK/batch.json" | head -n 1 | cut -d'"' -f4)"
deadline=$((SECONDS + TIMEOUT))
until sf ops trace "$batch" >"$WORK/trace.txt" 2>&1 && services="$(head -n 1 "$WORK/trace.txt" | grep -o '[0-9]* services' | cut -d' ' -f1)" && (( services >= 4 )); do
  (( SECONDS > deadline )) && { log "the delivery's trace does not cross four services after ${TIMEOUT}s:"; head -n 40 "$WORK/trace.txt" >&2; exit 1; }
  sleep 3
done
log "the delivery's trace crosses $services services: $(head -n 1 "$WORK/trace.txt")"
head -n 25 "$WORK/trace.txt" >&2

# A company that delivery moved, traced by its SIREN: its level change span leads to its alert.
siren="$(curl -sf "http://127.0.0.1:${SF_DASHBOARD_PORT:-18888}/api/telemetry/spans?limit=20000" \
  | grep -oE '"sf\.siren"[^}]*"[0-9]{9}"' | grep -oE '[0-9]{9}' | tail -n 1 || true)"
[[ -n "$siren" ]] || { log "no level change span (sf.siren) in the trace viewer"; exit 1; }
sf ops trace "$siren" --latest 1 >"$WORK/trace-siren.txt" 2>&1 || { log "sf ops trace $siren failed:"; cat "$WORK/trace-siren.txt" >&2; exit 1; }
grep -q 'scoring: level change' "$WORK/trace-siren.txt" || { log "the trace of company $siren shows no level change:"; head -n 40 "$WORK/trace-siren.txt" >&2; exit 1; }
log "company $siren: $(head -n 1 "$WORK/trace-siren.txt")"

# The live dashboards pictured, each page checked to show its data (the pictures in docs/operations
# come from this command: SF_SCREENSHOTS=docs/operations deploy/prometheus/check-live.sh).
sf ops screenshots --out "${SF_SCREENSHOTS:-$WORK/screenshots}" --batch "$batch" >&2
log "dashboards pictured in ${SF_SCREENSHOTS:-a temporary folder}"
