#!/usr/bin/env bash
# One RabbitMQ user per service, with the permissions of deploy/broker/permissions.tsv, on the local
# broker started by servers.sh. Run by run.sh before it starts the services.
#
#   broker-users.sh   create or update each user (a random password kept in .state/broker/<user>,
#                     never in the repository), set its permissions on the virtual host of
#                     SF_RABBITMQ, write .state/broker/<user>.uri (the amqp URI the service uses),
#                     and delete the empty queues of the names used before endpoints were prefixed
#                     by their service (ADR 0018).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
STATE="$REPO_ROOT/.state"
PERMISSIONS="$REPO_ROOT/deploy/broker/permissions.tsv"

log() { echo "[broker] $*" >&2; }
die() { echo "[broker] ERROR: $*" >&2; exit 1; }

# shellcheck source=servers-env.sh
source "$SCRIPT_DIR/servers-env.sh"
read_servers_env "$STATE/servers.env"
AMQP="${SF_RABBITMQ:-}" MANAGEMENT="${SF_RABBITMQ_MANAGEMENT:-}"
[[ -n "$AMQP" && -n "$MANAGEMENT" ]] || die "SF_RABBITMQ and SF_RABBITMQ_MANAGEMENT must be in $STATE/servers.env"

# amqp://user:pass@host:port/vhost -> host:port and vhost ("/" when the path is empty).
hostport="$(sed -E 's#^amqp://([^@]*@)?([^/]+).*#\2#' <<<"$AMQP")"
vhost="$(sed -E 's#^amqp://[^/]+/?##' <<<"$AMQP")"
[[ -z "$vhost" ]] && vhost="/"
vhost_enc="$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$vhost")"
api="${MANAGEMENT%/}/api"

# JSON string literal of $1 (regexes hold backslashes).
json() { python3 -c 'import json, sys; print(json.dumps(sys.argv[1]))' "$1"; }

call() {
  local method="$1" path="$2" body="${3:-}" code
  code="$(curl -s -o /dev/null -w '%{http_code}' -X "$method" -H 'content-type: application/json' \
    ${body:+--data "$body"} "$api/$path")"
  [[ "$code" =~ ^2 ]] || die "$method $path answered HTTP $code"
}

mkdir -p "$STATE/broker"
chmod 700 "$STATE/broker"
users=0
while IFS=$'\t' read -r user configure write read _; do
  [[ -z "$user" || "$user" == \#* ]] && continue
  pw_file="$STATE/broker/$user"
  if [[ ! -s "$pw_file" ]]; then
    (umask 077 && head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$pw_file")
  fi
  pw="$(cat "$pw_file")"
  call PUT "users/$user" "{\"password\":$(json "$pw"),\"tags\":\"\"}"
  call PUT "permissions/$vhost_enc/$user" \
    "{\"configure\":$(json "$configure"),\"write\":$(json "$write"),\"read\":$(json "$read")}"
  (umask 077 && echo "amqp://$user:$pw@$hostport/${vhost#/}" >"$pw_file.uri")
  users=$((users + 1))
done <"$PERMISSIONS"
log "$users service users on vhost $vhost"

# Queues (and their exchanges) declared before every endpoint carried its service's prefix: they
# stay bound to the contract exchanges and would fill for ever. Deleted only when empty.
for q in officer-directory risk-list risk-level-changed company-registered company-changed \
         establishment-registered establishment-changed; do
  for name in "$q" "${q}_error" "${q}_skipped"; do
    depth="$(curl -s "$api/queues/$vhost_enc/$name" | python3 -c 'import json, sys
try: print(json.load(sys.stdin).get("messages", ""))
except Exception: print("")')"
    [[ -z "$depth" ]] && continue
    if [[ "$depth" == 0 ]]; then
      call DELETE "queues/$vhost_enc/$name"
      curl -s -o /dev/null -X DELETE "$api/exchanges/$vhost_enc/$name" || true
      log "deleted the old queue $name"
    else
      log "the old queue $name holds $depth messages: let it drain, or delete it by hand"
    fi
  done
done
