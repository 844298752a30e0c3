#!/usr/bin/env bash
# Run the whole stack locally without Docker.
#
#   run.sh [up]   start RabbitMQ/PostgreSQL (servers.sh), one broker user per service
#                 (broker-users.sh), a development mail sink (smtp4dev:
#                 SMTP on 2525, mails readable on http://127.0.0.1:5180), Prometheus (rules loaded,
#                 http://127.0.0.1:9090), the Aspire dashboard (traces, logs, metrics: http://127.0.0.1:18888),
#                 build once, start every service of services.tsv in the background, wait for
#                 /health/ready, print a table
#   run.sh down   stop the services (TERM, KILL after 10 s), then the servers
#   run.sh status print each service's /health/ready
#
# Pids and logs: <repo>/.state/services/<name>.pid|.log
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
STATE="$REPO_ROOT/.state"
SVC_STATE="$STATE/services"
SERVICES_TSV="$SCRIPT_DIR/services.tsv"
SERVERS="$SCRIPT_DIR/servers.sh"
READY_TIMEOUT="${SF_READY_TIMEOUT:-120}"  # seconds to wait for all /health/ready

log() { echo "[run] $*" >&2; }
die() { echo "[run] ERROR: $*" >&2; exit 1; }

# services.tsv -> parallel arrays (name, project, port, database).
NAMES=() PROJECTS=() PORTS=() DBS=()
while IFS=$'\t' read -r name project port db _; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  NAMES+=("$name") PROJECTS+=("$project") PORTS+=("$port") DBS+=("${db:--}")
done <"$SERVICES_TSV"
(( ${#NAMES[@]} > 0 )) || die "no service in $SERVICES_TSV"

pid_file() { echo "$SVC_STATE/$1.pid"; }
log_file() { echo "$SVC_STATE/$1.log"; }

# kill -0 also succeeds on a zombie, and some init processes reap orphans slowly.
alive() {
  local st
  kill -0 "$1" 2>/dev/null || return 1
  st="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null || true)"
  [[ -n "$st" && "$st" != Z ]]
}

# Prints the pid if the service started by us is still alive (and is still a dotnet process,
# in case the pid was reused).
svc_pid() {
  local f pid
  f="$(pid_file "$1")"
  [[ -r "$f" ]] || return 1
  pid="$(tr -dc '0-9' <"$f")"
  [[ -n "$pid" ]] && alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q dotnet || return 1
  echo "$pid"
}

http_code() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 3 "http://127.0.0.1:$1/health/ready" 2>/dev/null || true
}

# shellcheck source=servers-env.sh
source "$SCRIPT_DIR/servers-env.sh"
load_servers_env() {
  read_servers_env "$STATE/servers.env"
  [[ -n "${SF_RABBITMQ:-}" && -n "${SF_POSTGRES:-}" ]] || die "incomplete $STATE/servers.env"
}

# Create the services' databases if missing, so services work whether or not they create
# their own (harmless for EF Core migrations, which accept an existing empty database).
ensure_databases() {
  local pg_port db
  command -v psql >/dev/null || { log "psql not found; not creating databases"; return 0; }
  pg_port="$(sed -nE 's/.*Port=([0-9]+).*/\1/p' <<<"$SF_POSTGRES")"
  for db in "${DBS[@]}"; do
    [[ "$db" == "-" ]] && continue
    if [[ -z "$(psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -Atc \
        "select 1 from pg_database where datname = '$db'")" ]]; then
      log "creating database $db"
      psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qc "create database \"$db\"" >/dev/null
    fi
  done
}

# The identity service's confidential clients (deploy/local runs them with one shared secret).
IDENTITY_CLIENTS=(urssaf dgefp insee bdf dgfip bvd altares ellisphere sf-ops)
IDENTITY_PORT="" GATEWAY_PORT=""
for i in "${!NAMES[@]}"; do
  [[ "${NAMES[$i]}" == identity ]] && IDENTITY_PORT="${PORTS[$i]}"
  [[ "${NAMES[$i]}" == gateway ]] && GATEWAY_PORT="${PORTS[$i]}"
done

# One random client secret for this machine, made at the first start and kept in .state (never in
# the repository); smoke.sh and `sf token` read it (SF_CLIENT_SECRET).
ensure_client_secret() {
  local f="$STATE/identity/client-secret"
  mkdir -p "$STATE/identity"
  if [[ ! -s "$f" ]]; then
    (umask 077 && head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$f")
  fi
  CLIENT_SECRET="$(cat "$f")"
}

# The environment of service $1 (index), in the global array VARS.
service_vars() {
  local i="$1" name="${NAMES[$1]}" port="${PORTS[$1]}" db="${DBS[$1]}" j
  VARS=(
    "ASPNETCORE_ENVIRONMENT=Production"
    # Delivered files are kept (content-addressed) with the other local state.
    "Ingestion__RawFileRoot=$STATE/raw/$name"
    "Notifications__Smtp__Port=$MAIL_SMTP_PORT"
    # A fresh registry starts with the model trained on the synthetic dataset (deploy/models).
    "Scoring__Registry__SeedModel=$REPO_ROOT/deploy/models/synthetic-lightgbm"
    # The model monitor measures every minute here (5 in production), so a load shows on the gauges soon.
    "Scoring__Monitoring__Interval=00:01:00"
    # Traces, metrics and logs to the local Aspire dashboard (start_trace_viewer). A delivery makes
    # thousands of spans (SQL statements) within seconds: the exporter's default queue (2,048)
    # dropped some, and with them links of the delivery's chain.
    "OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:$OTLP_PORT"
    "OTEL_BSP_MAX_QUEUE_SIZE=32768" "OTEL_BSP_MAX_EXPORT_BATCH_SIZE=2048" "OTEL_BSP_SCHEDULE_DELAY=2000"
  )
  [[ "$db" != "-" ]] && VARS+=("ConnectionStrings__postgres=$SF_POSTGRES;Database=$db")
  # Each service on the bus connects as its own broker user (broker-users.sh); the others get no broker.
  [[ -r "$STATE/broker/$name.uri" ]] && VARS+=("ConnectionStrings__rabbitmq=$(cat "$STATE/broker/$name.uri")")
  if [[ "$name" == identity ]]; then
    # Development: the development officers and login form stand in for the directory and ProConnect.
    # The signing keys are made at first start in .state and survive restarts (tokens stay valid).
    VARS+=("ASPNETCORE_ENVIRONMENT=Development" "Identity__Issuer=http://127.0.0.1:$port/" "Identity__KeyFile=$STATE/identity/keys.json")
    for j in "${IDENTITY_CLIENTS[@]}"; do VARS+=("Identity__Clients__${j}__Secret=$CLIENT_SECRET"); done
  elif [[ -n "$IDENTITY_PORT" ]]; then
    # Every other service (and the gateway) validates tokens with the keys of the issuer's discovery.
    VARS+=("Authentication__Authority=http://127.0.0.1:$IDENTITY_PORT/" "Authentication__RequireHttpsMetadata=false")
  fi
  if [[ "$name" == portal ]]; then
    # Officers sign in at the identity service; the portal calls the services through the gateway
    # (where it is published at /portal, the address the identity service's `portal` client expects).
    VARS+=("Portal__Authority=http://127.0.0.1:$IDENTITY_PORT/" "Portal__RequireHttpsMetadata=false"
      "Portal__Gateway=http://127.0.0.1:$GATEWAY_PORT/")
  fi
  if [[ "$name" == gateway ]]; then
    # The gateway proxies to every other service (YARP clusters named after the services).
    for j in "${!NAMES[@]}"; do
      [[ "$j" == "$i" ]] && continue
      VARS+=("ReverseProxy__Clusters__${NAMES[$j]}__Destinations__primary__Address=http://127.0.0.1:${PORTS[$j]}/")
    done
  fi
}

# Every service declares its queues, exchanges and bindings and exits (--Messaging:DeployTopologyOnly),
# all at once, before the first one starts: a message published before its consumer ever ran then
# waits in that consumer's queue instead of being dropped by an exchange with no binding.
deploy_topology() {
  local i name pids=() failed=0
  log "deploying the broker topology of every service"
  for i in "${!NAMES[@]}"; do
    name="${NAMES[$i]}"
    [[ -r "$STATE/broker/$name.uri" ]] || continue
    service_vars "$i"
    env "${VARS[@]}" dotnet "$(service_dll "$i")" \
      --Messaging:DeployTopologyOnly=true >"$SVC_STATE/$name.topology.log" 2>&1 </dev/null &
    pids+=("$!")
  done
  for i in "${pids[@]}"; do wait "$i" || failed=1; done
  (( failed == 0 )) || die "a service could not deploy its broker topology (see $SVC_STATE/*.topology.log)"
}

# The built assembly of service $1 (index).
service_dll() {
  local project="$REPO_ROOT/${PROJECTS[$1]}"
  echo "$(dirname "$project")/bin/Release/net10.0/$(basename "${project%.csproj}").dll"
}

start_service() {
  local i="$1" name="${NAMES[$1]}" port="${PORTS[$1]}" dll
  dll="$(service_dll "$i")"
  # A port that already answers is held by a process this script does not know (an orphan of an
  # earlier run, another checkout): a second instance would fail to bind it.
  if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/health/live" 2>/dev/null || true)" != 000 ]]; then
    die "port $port of $name is already in use by a process run.sh did not start (see: ss -ltnp 'sport = :$port'); stop it first"
  fi
  service_vars "$i"
  log "starting $name on port $port"
  # The service process itself, not a `dotnet run` wrapper: the pid recorded is the service's, so
  # status, down and a kill reach it (a killed wrapper left its service running, unseen).
  # setsid: own session/process group, and Ctrl-C in this terminal does not reach it. `env`
  # because some names contain '-'. The project folder is the content root (appsettings, wwwroot),
  # as under dotnet run.
  setsid nohup env "${VARS[@]}" dotnet "$dll" --contentRoot "$(dirname "$REPO_ROOT/${PROJECTS[$i]}")" \
    --urls "http://127.0.0.1:$port" >"$(log_file "$name")" 2>&1 </dev/null &
  echo "$!" >"$(pid_file "$name")"
}

# Waits for every service's /health/ready; fails fast when a process dies.
wait_ready() {
  local deadline=$((SECONDS + READY_TIMEOUT)) i name pending code
  declare -A ready=()
  while :; do
    pending=0
    for i in "${!NAMES[@]}"; do
      name="${NAMES[$i]}"
      [[ -n "${ready[$name]:-}" ]] && continue
      if [[ "$(http_code "${PORTS[$i]}")" == 200 ]]; then
        ready[$name]=1
        continue
      fi
      # Only whether the process lives: a service started a moment ago may still be the forked shell
      # before its exec, which svc_pid's check of the command line would take for another process
      # (found by the long fault campaign: `up` then reported a healthy restart as exited).
      if ! alive "$(tr -dc '0-9' <"$(pid_file "$name")" 2>/dev/null)"; then
        echo "[run] $name exited; last lines of $(log_file "$name"):" >&2
        tail -n 40 "$(log_file "$name")" >&2 || true
        return 1
      fi
      pending=1
    done
    (( pending )) || return 0
    if (( SECONDS >= deadline )); then
      for i in "${!NAMES[@]}"; do
        name="${NAMES[$i]}"
        [[ -n "${ready[$name]:-}" ]] && continue
        code="$(http_code "${PORTS[$i]}")"
        echo "[run] $name not ready after ${READY_TIMEOUT}s (HTTP ${code:-none}); last lines of $(log_file "$name"):" >&2
        tail -n 40 "$(log_file "$name")" >&2 || true
      done
      return 1
    fi
    sleep 1
  done
}

print_table() {
  local i code pid
  printf '%-18s %-28s %-8s %s\n' NAME URL PID "STATUS (/health/ready)"
  for i in "${!NAMES[@]}"; do
    pid="$(svc_pid "${NAMES[$i]}" || echo -)"
    code="$(http_code "${PORTS[$i]}")"
    [[ "$code" == 000 || -z "$code" ]] && code="down"
    printf '%-18s %-28s %-8s %s\n' "${NAMES[$i]}" "http://127.0.0.1:${PORTS[$i]}" "$pid" "$code"
  done
}

stop_service() {
  local name="$1" pid k
  if ! pid="$(svc_pid "$name")"; then
    rm -f "$(pid_file "$name")"
    return 0
  fi
  log "stopping $name (pid $pid)"
  # Signal the whole process group, created by setsid in start_service.
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for ((k = 0; k < 20; k++)); do
    alive "$pid" || break
    sleep 0.5
  done
  if alive "$pid"; then
    log "$name did not stop in 10 s; killing"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$(pid_file "$name")"
}

# Auxiliary processes beside the services (mail sink, metrics store, trace viewer): each in its own
# session (setsid), so that `down` stops it with its children; pid and log in .state/services.
aux_pid() {
  local f="$SVC_STATE/$1.pid" pid
  [[ -r "$f" ]] && pid="$(tr -dc '0-9' <"$f")" && [[ -n "$pid" ]] && alive "$pid" && echo "$pid"
}

# start_aux NAME PORT DESCRIPTION COMMAND...: starts COMMAND from the repository unless running, waits for PORT.
start_aux() {
  local name="$1" port="$2" what="$3" pid k
  shift 3
  if pid="$(aux_pid "$name")"; then
    log "$what already running (pid $pid)"
    return 0
  fi
  log "starting $what"
  (
    cd "$REPO_ROOT"
    setsid nohup "$@" >"$SVC_STATE/$name.log" 2>&1 </dev/null &
    echo "$!" >"$SVC_STATE/$name.pid"
  )
  for ((k = 0; k < 60; k++)); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.5
  done
  log "$what not listening on $port after 30 s; see $SVC_STATE/$name.log"
}

stop_aux() {
  local pid
  if pid="$(aux_pid "$1")"; then
    log "stopping $1 (pid $pid)"
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  fi
  rm -f "$SVC_STATE/$1.pid"
}

# Development mail sink: smtp4dev (a .NET tool of the repo's manifest) keeps every mail the
# notification service sends, in memory, for a person to read in its web UI (and for sf ops chaos
# to count: its default of 100 kept mails would drop the older ones). Local only.
MAIL_SMTP_PORT="${SF_MAIL_SMTP_PORT:-2525}"
MAIL_WEB_PORT="${SF_MAIL_WEB_PORT:-5180}"

start_mail_sink() {
  aux_pid mail-sink >/dev/null || (cd "$REPO_ROOT" && dotnet tool restore >/dev/null)
  mkdir -p "$STATE/mail"
  start_aux mail-sink "$MAIL_SMTP_PORT" "the mail sink (SMTP 127.0.0.1:$MAIL_SMTP_PORT, web http://127.0.0.1:$MAIL_WEB_PORT)" \
    env XDG_CONFIG_HOME="$STATE/mail" dotnet tool run smtp4dev -- \
    --urls="http://127.0.0.1:$MAIL_WEB_PORT" --smtpport="$MAIL_SMTP_PORT" --bindaddress=127.0.0.1 \
    --imapport=0 --pop3port=0 --db="" --messagestokeep=1000000 --sessionstokeep=1000
}

# Metrics store: Prometheus (Debian package) scraping every service and the broker, with the
# project's alert rules (deploy/prometheus/prometheus.local.yml), its data in .state/prometheus.
METRICS_PORT="${SF_METRICS_STORE_PORT:-9090}"

start_metrics_store() {
  command -v prometheus >/dev/null || "$SERVERS" install prometheus
  mkdir -p "$STATE/prometheus"
  start_aux prometheus "$METRICS_PORT" "Prometheus (http://127.0.0.1:$METRICS_PORT)" \
    prometheus --config.file="$REPO_ROOT/deploy/prometheus/prometheus.local.yml" --storage.tsdb.path="$STATE/prometheus" \
    --storage.tsdb.retention.time=15d --web.listen-address="127.0.0.1:$METRICS_PORT"
}

# Trace viewer: the standalone Aspire dashboard (deploy/local/dashboard restores it), receiving every
# service's OTLP traces, metrics and logs; in memory only. Its telemetry API (/api/telemetry/...)
# serves `sf ops trace`. Local only, so unsecured (bound to 127.0.0.1).
DASHBOARD_PORT="${SF_DASHBOARD_PORT:-18888}"
OTLP_PORT="${SF_OTLP_PORT:-18889}"
DASHBOARD_PATH_FILE="$SCRIPT_DIR/dashboard/bin/Release/net10.0/aspire-dashboard.path"

start_trace_viewer() {
  local exe
  [[ -r "$DASHBOARD_PATH_FILE" ]] || (cd "$REPO_ROOT" && dotnet build deploy/local/dashboard -c Release -nologo -v quiet >/dev/null)
  exe="$(cat "$DASHBOARD_PATH_FILE")"
  [[ -x "$exe" ]] || die "no Aspire dashboard at $exe (dotnet build deploy/local/dashboard)"
  start_aux trace-viewer "$DASHBOARD_PORT" "the Aspire dashboard (http://127.0.0.1:$DASHBOARD_PORT, OTLP 127.0.0.1:$OTLP_PORT)" \
    env ASPNETCORE_URLS="http://127.0.0.1:$DASHBOARD_PORT" ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://127.0.0.1:$OTLP_PORT" \
    ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true Dashboard__TelemetryLimits__MaxTraceCount=20000 "$exe"
}

cmd="${1:-up}"
case "$cmd" in
  up)
    mkdir -p "$SVC_STATE"
    "$SERVERS" up
    load_servers_env
    ensure_databases
    ensure_client_secret
    "$SCRIPT_DIR/broker-users.sh"
    start_mail_sink
    start_metrics_store
    start_trace_viewer
    to_start=()
    for i in "${!NAMES[@]}"; do
      if pid="$(svc_pid "${NAMES[$i]}")"; then
        log "${NAMES[$i]} already running (pid $pid)"
      else
        to_start+=("$i")
      fi
    done
    if (( ${#to_start[@]} > 0 )); then
      # Build once for all services; each then starts with --no-build (faster, no build races).
      # SF_NO_BUILD=1: restart what stopped without building (sf chaos restarts a killed service so).
      if [[ "${SF_NO_BUILD:-}" != 1 ]]; then
        log "dotnet build SignauxFaibles.sln -c Release"
        (cd "$REPO_ROOT" && dotnet build SignauxFaibles.sln -c Release -nologo -v quiet)
      fi
      deploy_topology
      for i in "${to_start[@]}"; do start_service "$i"; done
    fi
    if ! wait_ready; then
      print_table
      exit 1
    fi
    print_table
    echo "mails sent by the services: http://127.0.0.1:$MAIL_WEB_PORT"
    echo "metrics and alert rules (Prometheus): http://127.0.0.1:$METRICS_PORT"
    echo "traces, logs and metrics (Aspire dashboard): http://127.0.0.1:$DASHBOARD_PORT"
    ;;
  down)
    # Reverse order: the gateway (last in services.tsv) goes first.
    for ((i = ${#NAMES[@]} - 1; i >= 0; i--)); do stop_service "${NAMES[$i]}"; done
    for aux in trace-viewer prometheus mail-sink; do stop_aux "$aux"; done
    "$SERVERS" down
    ;;
  status)
    print_table
    ;;
  *)
    echo "usage: $0 [up|down|status]" >&2
    exit 2
    ;;
esac
