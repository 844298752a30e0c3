#!/usr/bin/env bash
# Offline checks of the Prometheus configuration, run by .ci/run: syntax of both scrape configs and
# of the alert rules, and the rules' unit tests (a dead-lettered message fires DeadLettersWaiting, …).
# Installs the Debian `prometheus` package (which brings promtool) when missing, as root.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if ! command -v promtool >/dev/null; then
  [[ $EUID -eq 0 ]] || { echo "[rules] promtool missing: apt-get install -y prometheus" >&2; exit 1; }
  echo "[rules] installing prometheus (promtool)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq --no-install-recommends prometheus >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq --no-install-recommends prometheus >/dev/null; }
fi
cd "$HERE"
promtool check config prometheus.yml
promtool check config prometheus.local.yml
promtool check rules rules/*.rules.yml
promtool test rules rules/*.rules.test.yml
