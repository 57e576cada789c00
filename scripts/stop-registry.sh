#!/usr/bin/env bash
# stop-registry.sh PORT — stop the registry that scripts/start-registry.sh
# started on PORT, via its pidfile (only if that pid is still our
# docker-registry with our config). Its storage is kept; pass --purge as
# second argument to delete the state dir as well.
set -euo pipefail

readonly STATE_DIR=${NB_IMAGE_STATE_DIR:-/var/lib/nb-image-action}

log() { printf '[stop-registry] %s\n' "$*" >&2; }

port=${1:-}
[[ $port =~ ^[0-9]+$ ]] || { log "usage: $0 PORT [--purge]"; exit 2; }
purge=${2:-}
dir=$STATE_DIR/registry-$port

is_ours() {
  local pid=$1 cmd
  [[ $pid =~ ^[0-9]+$ && -d /proc/$pid ]] || return 1
  [[ $(cat "/proc/$pid/comm" 2>/dev/null) == docker-registry ]] || return 1
  cmd=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" || true)
  [[ $cmd == *"$dir/config.yml"* ]]
}

pid=$(cat "$dir/registry.pid" 2>/dev/null || true)
if is_ours "$pid"; then
  log "sending TERM to registry (pid $pid) on port $port"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    is_ours "$pid" || break
    sleep 0.2
  done
  if is_ours "$pid"; then
    log "registry (pid $pid) still running, sending KILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
else
  log "no registry of ours running on port $port"
fi
rm -f "$dir/registry.pid"

if [[ $purge == --purge ]]; then
  # Guard against an empty/odd path before rm -rf.
  [[ -n $port && $dir == "$STATE_DIR"/registry-* ]] && rm -rf -- "$dir"
  log "removed $dir"
fi
