#!/usr/bin/env bash
# The short fault campaign CI runs on the stack run.sh started (issue 24): a small synthetic
# population delivered through the gateway while URSSAF ingestion is killed -9 in the middle of a
# file, RabbitMQ restarts, PostgreSQL restarts fast then immediate (a crash), one consumer's
# database refuses connections for 30 s (seeded order). Then nothing may be
# lost or doubled, and the live panel must equal `sf panel build` of the same files, cell by cell.
#   chaos-short.sh [extra sf ops chaos options]   (the long campaign: sf ops chaos without --kill, a larger --input)
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SF_DLL="$REPO_ROOT/tools/SignauxFaibles.Cli/bin/Release/net10.0/sf.dll"
[[ -f "$SF_DLL" ]] || (cd "$REPO_ROOT" && dotnet build tools/SignauxFaibles.Cli -c Release -nologo -v quiet)
export SF_CLIENT_SECRET="${SF_CLIENT_SECRET:-$(cat "$REPO_ROOT/.state/identity/client-secret")}"
DATA="$(mktemp -d)"
trap 'rm -rf "$DATA"' EXIT

# The 18 months up to the last complete one: the month the live stack scores, so that scores and
# alerts are compared too (the stack may hold later files than these: check-live's).
FIRST="$(date -u -d "$(date -u +%Y-%m-01) -18 month" +%Y-%m)"
LAST="$(date -u -d "$(date -u +%Y-%m-01) -1 month" +%Y-%m)"
dotnet "$SF_DLL" synth --companies 30 --from "$FIRST" --to "$LAST" --seed 11 --out "$DATA" >/dev/null
cd "$REPO_ROOT"
dotnet "$SF_DLL" ops chaos --input "$DATA" --seed 11 --kill ingestion-urssaf "$@"
