#!/usr/bin/env bash
# Local RabbitMQ + PostgreSQL for development and tests, without Docker.
#
#   servers.sh up      start both (installs missing Debian packages when root); idempotent
#   servers.sh down    stop both; no-op when they are not running
#   servers.sh status  print whether each runs (exit 0 when both run, 3 otherwise)
#   servers.sh env     print .state/servers.env (connection strings written by `up`)
#   servers.sh install PKG  install a Debian package when its command is missing (run.sh: prometheus)
#   servers.sh restart-broker                 stop then start RabbitMQ (fault campaigns: sf chaos)
#   servers.sh restart-postgres fast|immediate  pg_ctl restart in that shutdown mode (immediate: a crash, WAL recovery)
#
# All state lives in <repo>/.state/ so nothing touches the system-wide services;
# `rm -rf .state` (after `down`) gives a clean slate. (Exception: as root, if the checkout is
# not reachable by other users, server data goes to /var/tmp/signaux-faibles-<hash>.)
# Ports: SF_RABBITMQ_PORT (5673), SF_RABBITMQ_MANAGEMENT_PORT (15673), SF_POSTGRES_PORT (5433).
# The non-default ports avoid clashing with a system RabbitMQ/PostgreSQL. Erlang distribution
# uses SF_RABBITMQ_PORT + 20000; the node is sf@localhost (sf-<port>@localhost if the port is changed).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
STATE="$REPO_ROOT/.state"

RMQ_PORT="${SF_RABBITMQ_PORT:-5673}"
RMQ_MGMT_PORT="${SF_RABBITMQ_MANAGEMENT_PORT:-15673}"
# Erlang distribution port: fixed offset like RabbitMQ's own default (AMQP + 20000).
RMQ_DIST_PORT="$((RMQ_PORT + 20000))"
# Node names must be unique per host (epmd): a second instance on other ports gets its own.
RMQ_NODE="sf@localhost"
if [[ "$RMQ_PORT" != 5673 ]]; then RMQ_NODE="sf-$RMQ_PORT@localhost"; fi
PG_PORT="${SF_POSTGRES_PORT:-5433}"

IS_ROOT=0
if [[ "$(id -u)" == 0 ]]; then IS_ROOT=1; fi

# As root the servers run as users rabbitmq/postgres, who must be able to reach their data.
# If the checkout sits below a folder closed to other users (e.g. a 700 home or CI folder),
# keep only the servers' data outside it; the lock and servers.env stay in .state/ either way.
DATA_BASE="$STATE"
if (( IS_ROOT )) && ! runuser -u nobody -- test -x "$REPO_ROOT" 2>/dev/null; then
  DATA_BASE="/var/tmp/signaux-faibles-$(printf '%s' "$REPO_ROOT" | cksum | cut -d' ' -f1)"
fi

RMQ_DIR="$DATA_BASE/rabbitmq"
RMQ_PIDFILE="$RMQ_DIR/rabbitmq.pid"
PG_DIR="$DATA_BASE/postgres"
PG_DATA="$PG_DIR/data"
PG_RUN="$PG_DIR/run"
# A Unix socket path is limited to ~107 bytes; a deep checkout would make postgres refuse to
# start, so fall back to a short folder (clients here use TCP anyway).
if (( ${#PG_RUN} > 80 )); then
  PG_RUN="/tmp/sf-pg-$(printf '%s' "$REPO_ROOT" | cksum | cut -d' ' -f1)"
fi
PG_LOG="$PG_DIR/postgres.log"
ENV_FILE="$STATE/servers.env"
LOCK_FILE="$STATE/servers.lock"

log() { echo "[servers] $*" >&2; }
die() { echo "[servers] ERROR: $*" >&2; exit 1; }

# ---------------------------------------------------------------- packages
APT_UPDATED=0
install_pkg() {
  local pkg="$1"
  if (( ! IS_ROOT )); then
    echo "[servers] Missing package '$pkg'. Install it with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y $pkg" >&2
    exit 1
  fi
  # A fresh machine has empty apt lists; update at most once per invocation.
  # (NEEDRESTART_SUSPEND below: needrestart, when installed, only adds noise here.)
  if (( ! APT_UPDATED )); then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    APT_UPDATED=1
  fi
  log "apt-get install -y $pkg"
  DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1 apt-get install -y -qq "$pkg" >/dev/null
}

# --------------------------------------------------------------- rabbitmq
# The /usr/sbin wrappers refuse to run for users other than root/rabbitmq; as root they
# `su rabbitmq` (keeping our RABBITMQ_* env vars), so the server and the CLI share the
# cookie in /var/lib/rabbitmq. As a plain user we call the real scripts directly and the
# server runs as that user with the cookie in $HOME.
rmq_bin() {
  if (( IS_ROOT )); then echo "/usr/sbin/$1"; else echo "/usr/lib/rabbitmq/bin/$1"; fi
}

rmq_env() {
  export RABBITMQ_NODENAME="$RMQ_NODE"
  export RABBITMQ_NODE_PORT="$RMQ_PORT"
  export RABBITMQ_DIST_PORT="$RMQ_DIST_PORT"
  export RABBITMQ_MNESIA_BASE="$RMQ_DIR/mnesia"
  export RABBITMQ_LOG_BASE="$RMQ_DIR/log"
  export RABBITMQ_PID_FILE="$RMQ_PIDFILE"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$RMQ_DIR/enabled_plugins"
  export RABBITMQ_CONFIG_FILE="$RMQ_DIR/rabbitmq.conf"
  # Ignore a machine-wide /etc/rabbitmq/rabbitmq-env.conf that could override the above.
  export RABBITMQ_CONF_ENV_FILE="$RMQ_DIR/rabbitmq-env.conf"
  # Otherwise a crash dump lands in the cwd of the wrapper (/var/lib/rabbitmq).
  export ERL_CRASH_DUMP="$RMQ_DIR/log/erl_crash.dump"
}

rmq_pid() {
  local pid
  [[ -r "$RMQ_PIDFILE" ]] || return 1
  pid="$(tr -dc '0-9' <"$RMQ_PIDFILE")"
  [[ -n "$pid" && -d "/proc/$pid" ]] || return 1
  # Guard against pid reuse: the node name is not on beam's command line (RabbitMQ passes it
  # internally), but our pid file path is in the server's environment.
  if [[ -r "/proc/$pid/environ" ]]; then
    tr '\0' '\n' <"/proc/$pid/environ" 2>/dev/null | grep -qxF "RABBITMQ_PID_FILE=$RMQ_PIDFILE" || return 1
  fi
  echo "$pid"
}

rmq_api_ok() {
  curl -fsS -o /dev/null --max-time 5 -u guest:guest "http://127.0.0.1:$RMQ_MGMT_PORT/api/overview" 2>/dev/null
}

rmq_up() {
  if [[ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ]]; then
    install_pkg rabbitmq-server
    [[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]] || die "rabbitmq-server installed but not found"
  fi
  rmq_env
  if rmq_pid >/dev/null; then
    if rmq_api_ok; then
      log "rabbitmq already running (pid $(rmq_pid))"
      # Started by an older version of this script: turn the queue metrics on without a restart.
      if ! grep -q rabbitmq_prometheus "$RMQ_DIR/enabled_plugins" 2>/dev/null; then
        ( rmq_env; "$(rmq_bin rabbitmq-plugins)" enable --online rabbitmq_prometheus ) >/dev/null 2>&1 \
          || log "could not enable rabbitmq_prometheus on the running broker (queue metrics missing until its restart)"
      fi
      return 0
    fi
    log "rabbitmq process exists but the management API does not answer yet; waiting"
  else
    mkdir -p "$RMQ_DIR/mnesia" "$RMQ_DIR/log"
    # Config is rewritten on every start so port overrides take effect.
    cat >"$RMQ_DIR/rabbitmq.conf" <<EOF
listeners.tcp.default = $RMQ_PORT
management.tcp.port = $RMQ_MGMT_PORT
# guest/guest is only accepted from localhost (RabbitMQ default, kept explicit).
loopback_users.guest = true
EOF
    # rabbitmq_prometheus: queue depths and consumers per queue (consumer lag) on :15692/metrics.
    echo '[rabbitmq_management,rabbitmq_prometheus].' >"$RMQ_DIR/enabled_plugins"
    : >"$RMQ_DIR/rabbitmq-env.conf"
    rm -f "$RMQ_PIDFILE"
    # As root the server runs as user rabbitmq: it must own its folders, or it dies with
    # eacces / failed_to_create_feature_flags_file_directory.
    if (( IS_ROOT )); then chown -R rabbitmq:rabbitmq "$RMQ_DIR"; fi
    log "starting rabbitmq ($RMQ_NODE, amqp $RMQ_PORT, management $RMQ_MGMT_PORT)"
    # setsid: detach from our terminal/process group so Ctrl-C or a finished test run does not
    # kill it. 9>&- : do not leak the flock fd, or the lock would be held as long as the server lives.
    setsid "$(rmq_bin rabbitmq-server)" >>"$RMQ_DIR/log/startup.log" 2>&1 </dev/null 9>&- &
    local launcher=$! i
    # `rabbitmqctl wait <pidfile>` sits out its whole timeout if the node dies before writing
    # the pid file (e.g. port in use), so first wait for the pid file while the launcher lives.
    for ((i = 0; i < 120; i++)); do
      [[ -s "$RMQ_PIDFILE" ]] && break
      if ! kill -0 "$launcher" 2>/dev/null; then
        tail -n 15 "$RMQ_DIR/log/startup.log" >&2 || true
        die "rabbitmq exited during startup; see $RMQ_DIR/log/"
      fi
      sleep 0.5
    done
    # `wait` returns once the rabbit app has fully booted (or fails if the node died).
    if ! "$(rmq_bin rabbitmqctl)" -n "$RMQ_NODE" wait "$RMQ_PIDFILE" --timeout 60 >/dev/null 9>&-; then
      tail -n 15 "$RMQ_DIR/log/startup.log" >&2 || true
      die "rabbitmq did not start; see $RMQ_DIR/log/"
    fi
  fi
  # The management listener comes up slightly after the broker itself.
  local j
  for ((j = 0; j < 60; j++)); do
    rmq_api_ok && { log "rabbitmq ready"; return 0; }
    sleep 1
  done
  die "rabbitmq management API did not answer on port $RMQ_MGMT_PORT; see $RMQ_DIR/log/"
}

rmq_down() {
  local pid
  if ! pid="$(rmq_pid)"; then
    log "rabbitmq not running"
    return 0
  fi
  rmq_env
  log "stopping rabbitmq (pid $pid)"
  # With the pid file, `stop` waits until the VM has exited. Fall back to signals
  # if the CLI cannot reach the node (e.g. cookie mismatch).
  if ! "$(rmq_bin rabbitmqctl)" -n "$RMQ_NODE" stop "$RMQ_PIDFILE" >/dev/null 2>&1; then
    log "rabbitmqctl stop failed; sending TERM"
    kill -TERM "$pid" 2>/dev/null || true
    local i
    for ((i = 0; i < 30; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$RMQ_PIDFILE"
}

# --------------------------------------------------------------- postgres
# pg_ctl refuses to run as root, so as root every server command runs as user postgres.
as_pg() {
  if (( IS_ROOT )); then runuser -u postgres -- "$@"; else "$@"; fi
}

# Newest installed major version, unless the data dir was created by a specific one.
pg_bindir() {
  local v
  if [[ -r "$PG_DATA/PG_VERSION" ]]; then
    v="$(cat "$PG_DATA/PG_VERSION")"
    [[ -x "/usr/lib/postgresql/$v/bin/pg_ctl" ]] && { echo "/usr/lib/postgresql/$v/bin"; return 0; }
  fi
  v="$(find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -path '*/bin/initdb' 2>/dev/null \
        | sed -E 's#^/usr/lib/postgresql/([^/]+)/bin/initdb$#\1#' | sort -V | tail -n 1)"
  [[ -n "$v" ]] || return 1
  echo "/usr/lib/postgresql/$v/bin"
}

pg_running() {
  local bin
  [[ -f "$PG_DATA/PG_VERSION" ]] || return 1
  bin="$(pg_bindir)" || return 1
  as_pg "$bin/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

pg_up() {
  local bin
  if ! bin="$(pg_bindir)"; then
    # Only install when no server binaries exist at all (e.g. 15 is preinstalled here).
    install_pkg postgresql
    bin="$(pg_bindir)" || die "no PostgreSQL binaries found after installing postgresql"
  fi
  if pg_running; then
    log "postgres already running ($bin)"
    return 0
  fi
  mkdir -p "$PG_DIR" "$PG_RUN"
  if (( IS_ROOT )); then chown -R postgres:postgres "$PG_DIR" "$PG_RUN"; fi
  as_pg test -w "$PG_DIR" || die "user $(as_pg id -un) cannot write $PG_DIR (a parent folder is not traversable?)"
  if [[ ! -f "$PG_DATA/PG_VERSION" ]]; then
    # initdb into a temp dir then rename, so an interrupted initdb never leaves a half data dir.
    local tmp="$PG_DIR/data.initdb" locale=C
    # UTF-8 ctype makes lower()/ILIKE handle accented (French) text; C is the fallback.
    locale -a 2>/dev/null | grep -qix 'c\.utf-\?8' && locale=C.UTF-8
    rm -rf "$tmp"
    log "initdb ($bin, locale $locale)"
    as_pg "$bin/initdb" -D "$tmp" -A trust -U postgres -E UTF8 --locale="$locale" >"$PG_DIR/initdb.log" 2>&1 \
      || { tail -n 20 "$PG_DIR/initdb.log" >&2; die "initdb failed"; }
    mv "$tmp" "$PG_DATA"
  fi
  log "starting postgres (port $PG_PORT)"
  # Settings go on the command line (not postgresql.conf) so env overrides apply on each start.
  # max_connections: tests open many pools in parallel. fsync=off: throwaway test data,
  # and it makes CREATE DATABASE / commits much faster. jit=off: the services' queries are short,
  # and compiling one took longer (~130 ms) than running it (a rescore page read: 60 ms).
  if ! as_pg "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 \
      -o "-p $PG_PORT -k '$PG_RUN' -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c jit=off" \
      start >/dev/null 9>&-; then
    tail -n 30 "$PG_LOG" >&2 || true
    die "postgres did not start; see $PG_LOG"
  fi
  log "postgres ready"
}

pg_down() {
  if ! pg_running; then
    log "postgres not running"
    return 0
  fi
  log "stopping postgres"
  as_pg "$(pg_bindir)/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null
}

# ------------------------------------------------------------------- main
lock() {
  mkdir -p "$STATE" "$DATA_BASE"
  # Service users (rabbitmq, postgres) must be able to traverse it even with a strict umask.
  chmod 755 "$STATE" "$DATA_BASE"
  if [[ "$DATA_BASE" != "$STATE" ]]; then log "repo not reachable by service users; server data in $DATA_BASE"; fi
  # Serialise up/down: two test processes calling `up` at once must not both start servers.
  exec 9>"$LOCK_FILE"
  flock 9
}

write_env() {
  local tmp="$ENV_FILE.tmp.$$"
  cat >"$tmp" <<EOF
SF_RABBITMQ=amqp://guest:guest@127.0.0.1:$RMQ_PORT/
SF_RABBITMQ_MANAGEMENT=http://guest:guest@127.0.0.1:$RMQ_MGMT_PORT/
SF_POSTGRES=Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=postgres
EOF
  # Atomic replace: readers never see a half-written file.
  mv "$tmp" "$ENV_FILE"
}

cmd="${1:-}"
case "$cmd" in
  up)
    lock
    rmq_up
    pg_up
    write_env
    ;;
  down)
    lock
    rmq_down
    pg_down
    ;;
  status)
    rc=0
    if pid="$(rmq_pid)"; then
      echo "rabbitmq: running (pid $pid, amqp $RMQ_PORT, management $RMQ_MGMT_PORT)"
    else
      echo "rabbitmq: stopped"; rc=3
    fi
    if pg_running; then
      echo "postgres: running (port $PG_PORT, data $PG_DATA)"
    else
      echo "postgres: stopped"; rc=3
    fi
    exit "$rc"
    ;;
  restart-broker)
    lock
    rmq_down
    rmq_up
    ;;
  restart-postgres)
    mode="${2:-fast}"
    [[ "$mode" == fast || "$mode" == immediate ]] || die "restart-postgres takes fast or immediate"
    lock
    pg_running || die "postgres is not running"
    log "restarting postgres (-m $mode)"
    as_pg "$(pg_bindir)/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -m "$mode" -w -t 120 restart >/dev/null 9>&-
    log "postgres ready"
    ;;
  install)
    # A Debian package the run command needs beside the servers (prometheus).
    [[ -n "${2:-}" ]] || die "install takes a package name"
    command -v "$2" >/dev/null || install_pkg "$2"
    ;;
  env)
    [[ -r "$ENV_FILE" ]] || die "$ENV_FILE not found; run '$0 up' first"
    cat "$ENV_FILE"
    ;;
  *)
    echo "usage: $0 {up|down|status|env|install PKG|restart-broker|restart-postgres fast|immediate}" >&2
    exit 2
    ;;
esac
