#!/usr/bin/env bash
# start-registry.sh [PORT] — start a throwaway local OCI registry (Debian's
# docker-registry, i.e. distribution 2.8) on 127.0.0.1:PORT and print exactly
# one line on stdout:
#
#     export NB_IMAGE_REGISTRY=127.0.0.1:<port>
#
# PORT defaults to 5000; "0" or "auto" picks a free port. Everything for one
# registry lives in ${NB_IMAGE_STATE_DIR:-/var/lib/nb-image-action}/registry-<port>/
# (config.yml, data/, registry.pid, registry.log). Deletes are enabled so
# tests can clean up after themselves. Idempotent: if our registry already
# runs on that port it is reused. Stop it with scripts/stop-registry.sh PORT.
#
# Plain HTTP is fine: dockerd treats 127.0.0.0/8 as an insecure registry by
# default, so `docker push 127.0.0.1:<port>/x:y` needs no TLS or daemon flags.
set -euo pipefail

readonly STATE_DIR=${NB_IMAGE_STATE_DIR:-/var/lib/nb-image-action}
readonly START_TIMEOUT=${NB_IMAGE_REGISTRY_TIMEOUT:-30}
port_arg=${1:-5000}

export PATH="$PATH:/usr/local/bin:/usr/local/sbin:/usr/sbin:/sbin"

log() { printf '[start-registry] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

if ! command -v docker-registry >/dev/null 2>&1; then
  (( EUID == 0 )) || die "docker-registry is not installed (apt-get install docker-registry, as root)"
  log "installing Debian's docker-registry"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o Dpkg::Use-Pty=0 --no-install-recommends docker-registry >&2 \
    || { apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o Dpkg::Use-Pty=0 --no-install-recommends docker-registry >&2; } \
    || die "could not install docker-registry"
fi
command -v curl >/dev/null 2>&1 || die "curl is needed to probe the registry (apt-get install curl)"

answers() { curl -fsS -m 3 -o /dev/null "http://127.0.0.1:$1/v2/" 2>/dev/null; }

port_busy() { [[ -n $(ss -Hltn "sport = :$1" 2>/dev/null) ]]; }

# our_registry_pid PORT — pid of our registry for PORT, if it is running.
our_registry_pid() {
  local dir=$STATE_DIR/registry-$1 pid cmd
  pid=$(cat "$dir/registry.pid" 2>/dev/null || true)
  [[ $pid =~ ^[0-9]+$ && -d /proc/$pid ]] || return 1
  [[ $(cat "/proc/$pid/comm" 2>/dev/null) == docker-registry ]] || return 1
  cmd=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" || true)
  [[ $cmd == *"$dir/config.yml"* ]] || return 1
  printf '%s\n' "$pid"
}

# start_on PORT — start our registry on PORT; 0 when it answers, 1 when it
# could not bind/start (caller may try another port), dies on timeout.
start_on() {
  local port=$1 dir=$STATE_DIR/registry-$1 pid deadline
  mkdir -p "$dir/data"
  # A small config of our own (not /etc/docker/registry/config.yml, which
  # listens on all interfaces and enables htpasswd auth).
  cat >"$dir/config.yml" <<EOF
# Written by nb-image-action scripts/start-registry.sh
version: 0.1
log:
  level: info
  fields:
    service: nb-image-registry
storage:
  filesystem:
    rootdirectory: $dir/data
  delete:
    enabled: true
  cache:
    blobdescriptor: inmemory
http:
  addr: 127.0.0.1:$port
  headers:
    X-Content-Type-Options: [nosniff]
health:
  storagedriver:
    enabled: false
EOF
  printf '\n===== %s starting on 127.0.0.1:%s\n' "$(date -u +%FT%TZ)" "$port" >>"$dir/registry.log"
  # setsid: survives this script and the caller's shell/CI step.
  setsid docker-registry serve "$dir/config.yml" </dev/null >>"$dir/registry.log" 2>&1 &
  pid=$!
  printf '%s\n' "$pid" >"$dir/registry.pid"
  deadline=$((SECONDS + START_TIMEOUT))
  while (( SECONDS < deadline )); do
    if answers "$port" && our_registry_pid "$port" >/dev/null; then
      log "registry (pid $pid) answers on 127.0.0.1:$port (state: $dir)"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      log "registry on port $port exited; last lines of $dir/registry.log:"
      tail -n 15 "$dir/registry.log" >&2 || true
      rm -f "$dir/registry.pid"
      return 1
    fi
    sleep 0.2
  done
  die "registry (pid $pid) did not answer on 127.0.0.1:$port within ${START_TIMEOUT}s (log: $dir/registry.log)"
}

emit() { printf 'export NB_IMAGE_REGISTRY=127.0.0.1:%s\n' "$1"; }

case $port_arg in
  0|auto)
    # Pick a free port in a random spot of 20000-39999 and walk upwards; a
    # race with another process is caught by start_on failing to bind.
    port=$((20000 + RANDOM % 20000))
    for _ in $(seq 1 50); do
      if ! port_busy "$port" && start_on "$port"; then
        emit "$port"
        exit 0
      fi
      port=$((port + 1))
    done
    die "could not find a free port for the registry"
    ;;
  *)
    if ! [[ $port_arg =~ ^[0-9]+$ ]] || (( port_arg < 1 || port_arg > 65535 )); then
      die "bad port '$port_arg' (use a number, 0 or auto)"
    fi
    port=$port_arg
    if pid=$(our_registry_pid "$port") && answers "$port"; then
      log "our registry (pid $pid) already runs on 127.0.0.1:$port"
      emit "$port"
      exit 0
    fi
    port_busy "$port" && die "port $port is already in use by something else (ss -ltnp 'sport = :$port')"
    start_on "$port" || die "registry failed to start on 127.0.0.1:$port"
    emit "$port"
    ;;
esac
