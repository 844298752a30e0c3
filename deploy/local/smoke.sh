#!/usr/bin/env bash
# Smoke test of a running stack (deploy/local/run.sh up): deliver the URSSAF débit fixture
# through the gateway and wait until Features shows the expected outstanding debt; deliver the
# Diane fixture to the finance service through the gateway too.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
GATEWAY="${SF_GATEWAY:-http://127.0.0.1:5100}"
FIXTURE="$REPO_ROOT/tests/fixtures/urssaf_debit/debitTestData.csv"

BATCH_JSON="$(mktemp)"
trap 'rm -f "$BATCH_JSON"' EXIT

echo "[smoke] POST $GATEWAY/urssaf/api/files/urssaf-debit"
status=$(curl -sS -o "$BATCH_JSON" -w '%{http_code}' -X POST -H 'Content-Type: text/csv' \
  --data-binary @"$FIXTURE" "$GATEWAY/urssaf/api/files/urssaf-debit?wait=true&fileName=debitTestData.csv")
cat "$BATCH_JSON"; echo
# 201 on a first delivery, 200 when this content was delivered before (same batch answered).
[[ "$status" == 201 || "$status" == 200 ]] || { echo "[smoke] upload answered HTTP $status" >&2; exit 1; }

# Finance: the Diane export (UTF-16LE, three companies) through the gateway's /finance route;
# expectedDiane.json gives 15 statements (companies × years with a closing date).
DIANE="$REPO_ROOT/tests/fixtures/diane/dianeTestData.txt"
echo "[smoke] POST $GATEWAY/finance/api/files/diane"
status=$(curl -sS -o "$BATCH_JSON" -w '%{http_code}' -X POST --data-binary @"$DIANE" \
  "$GATEWAY/finance/api/files/diane?wait=true&fileName=dianeTestData.txt")
cat "$BATCH_JSON"; echo
[[ "$status" == 201 || "$status" == 200 ]] || { echo "[smoke] finance upload answered HTTP $status" >&2; exit 1; }
grep -q '"recordsAccepted":15' "$BATCH_JSON" || { echo "[smoke] finance: 15 statements expected" >&2; exit 1; }

# expectedDebit.json: SIREN 000000000 owes 1959.07 (employee) and 8644.97 (employer) from 1999-05.
for _ in $(seq 1 60); do
  body=$(curl -sS "$GATEWAY/features/api/companies/000000000/debt" || true)
  if [[ "$body" == *'"month":"1999-05"'* && "$body" == *'"employeeShare":1959.07'* && "$body" == *'"employerShare":8644.97'* ]]; then
    echo "[smoke] features: $body"
    echo "[smoke] ok"
    exit 0
  fi
  sleep 1
done
echo "[smoke] features never showed the expected debt; last answer: $body" >&2
exit 1
