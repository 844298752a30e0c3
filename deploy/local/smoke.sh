#!/usr/bin/env bash
# Smoke test of a running stack (deploy/local/run.sh up): deliver the URSSAF débit fixture and
# the Diane fixture through the gateway, then one recent débit step, and wait until the feature
# service's panel shows that debt in its month. Every call carries a token from the identity service
# (sf token, through the gateway): institutions' client credentials for the deliveries, a
# development officer's authorization code + PKCE for the panel.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
GATEWAY="${SF_GATEWAY:-http://127.0.0.1:5100}"
FIXTURE="$REPO_ROOT/tests/fixtures/urssaf_debit/debitTestData.csv"

BATCH_JSON="$(mktemp)"
trap 'rm -f "$BATCH_JSON"' EXIT

# The clients' secret run.sh made for this machine; the officer is one of the development officers.
export SF_CLIENT_SECRET="${SF_CLIENT_SECRET:-$(cat "$REPO_ROOT/.state/identity/client-secret")}"
OFFICER="${SF_SMOKE_OFFICER:-agent.national@signaux-faibles.invalid}"
sf_token() { dotnet run --no-build -c Release --project "$REPO_ROOT/tools/SignauxFaibles.Cli" -- token --issuer "$GATEWAY" "$@"; }

# The door: no token, no delivery.
status=$(curl -sS -o /dev/null -w '%{http_code}' -X POST --data-binary @"$FIXTURE" "$GATEWAY/urssaf/api/files/urssaf-debit")
[[ "$status" == 401 ]] || { echo "[smoke] a delivery without token answered HTTP $status, not 401" >&2; exit 1; }
URSSAF_TOKEN="$(sf_token --client urssaf)"
BVD_TOKEN="$(sf_token --client bvd)"
# The smoke test signs in as the development officer and, as them, accepts the confidentiality terms.
OFFICER_TOKEN="$(sf_token --officer "$OFFICER" --accept-terms)"
echo "[smoke] tokens: clients urssaf and bvd (Diane), officer $OFFICER"

echo "[smoke] POST $GATEWAY/urssaf/api/files/urssaf-debit"
status=$(curl -sS -o "$BATCH_JSON" -w '%{http_code}' -X POST -H 'Content-Type: text/csv' -H "Authorization: Bearer $URSSAF_TOKEN" \
  --data-binary @"$FIXTURE" "$GATEWAY/urssaf/api/files/urssaf-debit?wait=true&fileName=debitTestData.csv")
cat "$BATCH_JSON"; echo
# 201 on a first delivery, 200 when this content was delivered before (same batch answered).
[[ "$status" == 201 || "$status" == 200 ]] || { echo "[smoke] upload answered HTTP $status" >&2; exit 1; }

# Finance: the Diane export (UTF-16LE, three companies) through the gateway's /finance route;
# expectedDiane.json gives 15 statements (companies × years with a closing date).
DIANE="$REPO_ROOT/tests/fixtures/diane/dianeTestData.txt"
echo "[smoke] POST $GATEWAY/finance/api/files/diane"
status=$(curl -sS -o "$BATCH_JSON" -w '%{http_code}' -X POST -H "Authorization: Bearer $BVD_TOKEN" --data-binary @"$DIANE" \
  "$GATEWAY/finance/api/files/diane?wait=true&fileName=dianeTestData.txt")
cat "$BATCH_JSON"; echo
[[ "$status" == 201 || "$status" == 200 ]] || { echo "[smoke] finance upload answered HTTP $status" >&2; exit 1; }
grep -q '"recordsAccepted":15' "$BATCH_JSON" || { echo "[smoke] finance: 15 statements expected" >&2; exit 1; }

# The panel: a débit step processed on 10 March 2024 for SIREN 123456789 (12.34 € employee
# share, 56.78 € employer share, in cents in the file) must show in March 2024's indicators.
STEP="$(mktemp)"
trap 'rm -f "$BATCH_JSON" "$STEP"' EXIT
printf '%s\n%s\n' "$(head -1 "$FIXTURE")" \
  "117;75;111234567890000000;123456789;12345678900017;20100101;1;0;202411;1;1;1240310;1234;5678;1;2;0" > "$STEP"
echo "[smoke] POST $GATEWAY/urssaf/api/files/urssaf-debit (one recent step)"
status=$(curl -sS -o "$BATCH_JSON" -w '%{http_code}' -X POST -H "Authorization: Bearer $URSSAF_TOKEN" --data-binary @"$STEP" \
  "$GATEWAY/urssaf/api/files/urssaf-debit?wait=true&fileName=smoke-debit.csv")
[[ "$status" == 201 || "$status" == 200 ]] || { echo "[smoke] step upload answered HTTP $status" >&2; exit 1; }

# URSSAF figures need the right and the company listed or followed (access.md): the officer follows it.
status=$(curl -sS -o "$BATCH_JSON" -w '%{http_code}' -X PUT -H "Authorization: Bearer $OFFICER_TOKEN" -H 'Content-Type: application/json' \
  --data '{"reason":"Contacted"}' "$GATEWAY/features/api/companies/123456789/follow")
[[ "$status" == 200 ]] || { echo "[smoke] follow answered HTTP $status: $(cat "$BATCH_JSON")" >&2; exit 1; }

for _ in $(seq 1 90); do
  body=$(curl -sS -H "Authorization: Bearer $OFFICER_TOKEN" "$GATEWAY/features/api/companies/123456789/indicators" || true)
  march=$(printf '%s' "$body" | grep -o '"month":"2024-03","values":{[^}]*}' || true)
  if [[ "$march" == *'"montant_part_ouvriere":12.34'* && "$march" == *'"montant_part_patronale":56.78'* ]]; then
    echo "[smoke] features: $march"
    echo "[smoke] ok"
    exit 0
  fi
  sleep 1
done
echo "[smoke] features never showed the expected debt for 2024-03; last answer: ${body:0:400}" >&2
exit 1
