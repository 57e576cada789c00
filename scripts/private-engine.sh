#!/usr/bin/env bash
# private-engine.sh start|stop NAME [--purge]
#
# A second, throwaway Docker engine for tests and benchmarks that must do things a shared
# engine must never suffer: prune its whole build cache (cold benchmarks) or be stopped in
# the middle of a build (fault tests). It runs beside the main engine of ensure-engine.sh
# without touching it:
#   - its own --data-root, --exec-root, pidfile and socket under .../private/NAME;
#   - its own bridge (nbpe-<hash>) on its own /24, instead of docker0 (never --bridge=none:
#     dockerd then deletes the host's docker0, cutting the main engine's containers off), and
#     --iptables=false so it never rewrites the main engine's DOCKER chains; one MASQUERADE
#     rule of its own lets build containers reach Debian's mirror;
#   - the containerd image store, like the main engine.
#
#   eval "$(scripts/private-engine.sh start bench)"   # prints: export DOCKER_HOST=unix:///…
#   scripts/private-engine.sh stop bench [--purge]      # --purge also deletes its data
#
# Only the engine named NAME that this script started is ever signalled (via its pidfile).
set -euo pipefail

export PATH="$PATH:/usr/local/bin:/usr/local/sbin:/usr/sbin:/sbin"

log() { printf '[private-engine] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

action=${1:-}
name=${2:-}
[[ $action == start || $action == stop ]] || die "usage: $0 start|stop NAME [--purge]"
[[ $name =~ ^[a-z0-9][a-z0-9-]{0,30}$ ]] || die "NAME must be lowercase letters, digits and dashes"

readonly STATE=${NB_IMAGE_STATE_DIR:-/var/lib/nb-image-action}/private/$name
readonly RUN=/run/nb-image-action/private/$name
readonly SOCK=$RUN/docker.sock
readonly PIDFILE=$RUN/docker.pid
readonly LOG_FILE=$RUN/dockerd.log
# Bridge names are at most 15 characters; a hash keeps different NAMEs apart.
hash=$(printf '%s' "$name" | sha256sum | cut -c1-6)
readonly BRIDGE=nbpe-$hash
# 172.30.0.0/16 split into /24s by the same hash; the main engine uses 172.17.0.0/16.
readonly OCTET=$((16#${hash:0:2}))
readonly SUBNET=172.30.$OCTET.0/24
readonly GATEWAY=172.30.$OCTET.1

running_pid() {
  local pid
  [[ -f $PIDFILE ]] || return 1
  pid=$(cat "$PIDFILE" 2>/dev/null || true)
  [[ $pid =~ ^[0-9]+$ ]] && [[ $(cat "/proc/$pid/comm" 2>/dev/null) == dockerd ]] || return 1
  [[ $(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) != Z ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$SOCK" || return 1
  echo "$pid"
}

nat_rule=(-t nat -s "$SUBNET" ! -o "$BRIDGE" -j MASQUERADE)
# The main engine sets the FORWARD policy to DROP and only lets docker0 through.
forward_out=(-i "$BRIDGE" ! -o "$BRIDGE" -j ACCEPT)
forward_back=(-o "$BRIDGE" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT)

start() {
  if pid=$(running_pid) && DOCKER_HOST=unix://$SOCK docker version >/dev/null 2>&1; then
    log "engine $name already runs (pid $pid)"
    echo "export DOCKER_HOST=unix://$SOCK"
    return
  fi
  command -v dockerd >/dev/null || die "dockerd is not installed; run scripts/ensure-engine.sh first"
  mkdir -p "$STATE/data" "$RUN/exec"
  printf '{"features":{"containerd-snapshotter":true}}\n' >"$STATE/daemon.json"
  if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
    ip link add "$BRIDGE" type bridge
    ip addr add "$GATEWAY/24" dev "$BRIDGE"
  fi
  ip link set "$BRIDGE" up
  sysctl -qw net.ipv4.ip_forward=1 || true
  if ! { { iptables -C POSTROUTING "${nat_rule[@]}" 2>/dev/null || iptables -A POSTROUTING "${nat_rule[@]}"; } &&
    { iptables -C FORWARD "${forward_out[@]}" 2>/dev/null || iptables -I FORWARD "${forward_out[@]}"; } &&
    { iptables -C FORWARD "${forward_back[@]}" 2>/dev/null || iptables -I FORWARD "${forward_back[@]}"; }; } 2>/dev/null; then
    log "could not add the NAT/forward rules; builds on this engine will have no network"
  fi
  rm -f "$SOCK"
  setsid dockerd --config-file "$STATE/daemon.json" --data-root "$STATE/data" --exec-root "$RUN/exec" \
    --pidfile "$PIDFILE" -H "unix://$SOCK" --bridge "$BRIDGE" --iptables=false --ip6tables=false \
    --ip-masq=false </dev/null >>"$LOG_FILE" 2>&1 &
  local deadline=$((SECONDS + 60))
  while ((SECONDS < deadline)); do
    if DOCKER_HOST=unix://$SOCK timeout 5 docker version >/dev/null 2>&1; then
      log "engine $name answers on unix://$SOCK (bridge $BRIDGE, $SUBNET)"
      echo "export DOCKER_HOST=unix://$SOCK"
      return
    fi
    sleep 0.3
  done
  tail -n 30 "$LOG_FILE" >&2 || true
  die "engine $name did not answer within 60 s (log: $LOG_FILE)"
}

stop() {
  local pid
  if pid=$(running_pid); then
    kill -TERM "$pid"
    for _ in $(seq 1 100); do
      running_pid >/dev/null || break
      sleep 0.2
    done
    if pid=$(running_pid); then
      log "engine $name did not stop in 20 s; killing it"
      kill -KILL "$pid" || true
    fi
  fi
  rm -f "$PIDFILE" "$SOCK"
  iptables -D POSTROUTING "${nat_rule[@]}" 2>/dev/null || true
  iptables -D FORWARD "${forward_out[@]}" 2>/dev/null || true
  iptables -D FORWARD "${forward_back[@]}" 2>/dev/null || true
  ip link del "$BRIDGE" 2>/dev/null || true
  if [[ ${3:-} == --purge ]]; then
    # Snapshot mounts may outlive dockerd briefly; unmount whatever is left under our root.
    # A container killed with its engine can also leave its network namespace mounted under RUN.
    grep -o -e " $STATE/[^ ]*" -e " $RUN/[^ ]*" /proc/mounts | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
    rm -rf "$STATE" "$RUN"
  fi
  log "engine $name stopped"
}

"$action" "$@"
