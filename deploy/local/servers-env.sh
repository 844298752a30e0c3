# Sourced by run.sh and broker-users.sh. servers.env (written by servers.sh) is KEY=VALUE, but
# values contain ';', so it cannot be sourced itself: read_servers_env FILE parses it into
# SF_RABBITMQ, SF_RABBITMQ_MANAGEMENT and SF_POSTGRES.
read_servers_env() {
  local k v
  while IFS='=' read -r k v; do
    case "$k" in
      SF_RABBITMQ | SF_RABBITMQ_MANAGEMENT | SF_POSTGRES) printf -v "$k" '%s' "$v" ;;
    esac
  done <"$1"
}
