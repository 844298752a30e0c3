#!/usr/bin/env bash
# A service killed with kill -9 is seen down by `run.sh status` and started again, alone, by
# `run.sh up` (issue 24: run.sh recorded the pid of a `dotnet run` wrapper, whose kill left the
# service running unseen, and the next `up` started a second instance that could not bind its port).
#   kill-check.sh [service]   (default: features) on a stack started by run.sh up
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
NAME="${1:-features}"
PORT="$(awk -F'\t' -v n="$NAME" '$1 == n { print $3 }' "$SCRIPT_DIR/services.tsv")"
PID_FILE="$REPO_ROOT/.state/services/$NAME.pid"
[[ -n "$PORT" && -r "$PID_FILE" ]] || { echo "[kill-check] $NAME is not a service started by run.sh" >&2; exit 1; }

answers() { [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$PORT/health/live" || true)" != 000 ]]; }

pid="$(tr -dc '0-9' <"$PID_FILE")"
echo "[kill-check] kill -9 $NAME (pid $pid)"
kill -KILL "$pid"
for ((k = 0; k < 50; k++)); do answers || break; sleep 0.2; done
if answers; then echo "[kill-check] port $PORT still answers after kill -9 of pid $pid: run.sh does not track the service process" >&2; exit 1; fi
"$SCRIPT_DIR/run.sh" status | grep -E "^$NAME +.* down$" >/dev/null || { echo "[kill-check] run.sh status does not report $NAME down" >&2; exit 1; }

"$SCRIPT_DIR/run.sh" up >/dev/null
new="$(tr -dc '0-9' <"$PID_FILE")"
[[ "$new" != "$pid" ]] && answers || { echo "[kill-check] $NAME was not started again" >&2; exit 1; }
echo "[kill-check] $NAME started again (pid $new) and ready"
