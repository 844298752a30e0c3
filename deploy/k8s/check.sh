#!/usr/bin/env bash
# Offline check of the Kubernetes manifests (no cluster needed), run by .ci/run:
# renders deploy/k8s with kubectl's kustomize, then checks what the platform relies on — every
# service of deploy/local/services.tsv has a Deployment and a Service, every Deployment has
# readiness/liveness probes on the real health paths and resource requests, consumers autoscale,
# and everything lands in the signaux-faibles namespace.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$HERE/../.." && pwd)"
fail() { echo "[k8s] $*" >&2; exit 1; }

# Debian 12 packages kubectl as kubernetes-client (its embedded kustomize is older: the manifests
# keep to fields every version reads).
if ! command -v kubectl >/dev/null; then
  [[ $EUID -eq 0 ]] || fail "kubectl missing: apt-get install -y kubernetes-client"
  echo "[k8s] installing kubernetes-client (kubectl)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends kubernetes-client >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq --no-install-recommends kubernetes-client >/dev/null; }
fi

rendered="$(kubectl kustomize "$HERE")" || fail "kubectl kustomize failed"
echo "[k8s] rendered $(grep -c '^kind:' <<<"$rendered") objects: $(grep '^kind:' <<<"$rendered" | sort | uniq -c | awk '{printf "%s %s, ", $1, $3}')"

# One record per object (documents are separated by ---).
objects() { awk -v RS='\n---\n' -v want="$1" '$0 ~ "\nkind: " want "\n" || $0 ~ "^kind: " want "\n"' <<<"$rendered"; }
object() { awk -v RS='\n---\n' -v want="$1" -v name="$2" '($0 ~ "\nkind: " want "\n" || $0 ~ "^kind: " want "\n") && $0 ~ "\n  name: " name "\n"' <<<"$rendered"; }

deployments=0
while IFS=$'\t' read -r name _ _ _; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  deployments=$((deployments + 1))
  d="$(object Deployment "$name")"
  [[ -n "$d" ]] || fail "no Deployment for service $name (deploy/local/services.tsv)"
  [[ -n "$(object Service "$name")" ]] || fail "no Service for $name"
  grep -q 'readinessProbe:' <<<"$d" && grep -A6 'readinessProbe:' <<<"$d" | grep -q 'path: /health/ready' \
    || fail "$name: readinessProbe must GET /health/ready"
  grep -A6 'livenessProbe:' <<<"$d" | grep -q 'path: /health/live' || fail "$name: livenessProbe must GET /health/live"
  grep -A6 'resources:' <<<"$d" | grep -q 'requests:' || fail "$name: no resource requests"
  grep -q 'namespace: signaux-faibles' <<<"$d" || fail "$name: not in the signaux-faibles namespace"
done <"$REPO_ROOT/deploy/local/services.tsv"

(( $(objects Deployment | grep -c '^kind: Deployment\|kind: Deployment') >= deployments )) || fail "fewer Deployments than services"
[[ -n "$(object HorizontalPodAutoscaler features)" ]] || fail "features (competing consumers) has no HorizontalPodAutoscaler"
[[ -n "$(object RabbitmqCluster sf-rabbitmq)" ]] || fail "no RabbitmqCluster"
grep -q 'RabbitMq__QuorumQueues: "true"' <<<"$rendered" || fail "services must declare quorum queues on the cluster"
# One broker user per service on the bus (ADR 0018): the generated file is up to date, and every
# Deployment whose service has a row in permissions.tsv connects with that user's credentials.
diff -q <("$HERE/rabbitmq-users.sh" --stdout) "$HERE/rabbitmq-users.yaml" >/dev/null \
  || fail "rabbitmq-users.yaml differs from deploy/broker/permissions.tsv: run deploy/k8s/rabbitmq-users.sh"
users=0
while IFS=$'\t' read -r user _ _ _; do
  [[ -z "$user" || "$user" == \#* ]] && continue
  users=$((users + 1))
  [[ -n "$(object User "$user")" && -n "$(object Permission "$user")" ]] || fail "broker user $user: no User or Permission rendered"
  d="$(object Deployment "$user")"
  grep -A4 'name: RabbitMq__Username' <<<"$d" | grep -q "name: $user-user-credentials" \
    && grep -A4 'name: RabbitMq__Password' <<<"$d" | grep -q "name: $user-user-credentials" \
    || fail "$user: its Deployment must read RabbitMq__Username/Password from $user-user-credentials"
done <"$REPO_ROOT/deploy/broker/permissions.tsv"
# Every service on the bus deploys its broker topology in the broker-topology Job (before the services start).
diff -q <("$HERE/broker-topology.sh" --stdout) "$HERE/broker-topology.yaml" >/dev/null \
  || fail "broker-topology.yaml differs from deploy/broker/permissions.tsv: run deploy/k8s/broker-topology.sh"
[[ "$(object Job broker-topology | grep -A1 'name: Messaging__DeployTopologyOnly' | grep -c 'value: "true"')" -eq "$users" ]] \
  || fail "the broker-topology Job must run every service on the bus with Messaging__DeployTopologyOnly=true"
grep -q 'name: ConnectionStrings__rabbitmq' <<<"$(object Deployment gateway)$(object Deployment portal)" \
  && fail "gateway and portal are not on the bus: they get no broker credentials"
echo "[k8s] $deployments services: Deployment + Service, probes on /health/ready and /health/live, requests; HPA, RabbitMQ cluster, $users broker users: ok"
