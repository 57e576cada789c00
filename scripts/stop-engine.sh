#!/usr/bin/env bash
# stop-engine.sh — stop the dockerd that scripts/ensure-engine.sh started, and
# only that one: it is found through its pidfile and its command line must
# name our socket (a stale pidfile whose PID was reused is left alone).
# TERM first (dockerd then stops its containers and its containerd), KILL if
# it has not exited in time.
#
# Usage: scripts/stop-engine.sh      (NB_IMAGE_STOP_TIMEOUT, default 40 s)
set -euo pipefail

readonly RUN_DIR=/run/nb-image-action
readonly SOCK=$RUN_DIR/docker.sock
readonly PIDFILE=$RUN_DIR/docker.pid
# dockerd's own containerd (started by dockerd under --exec-root).
readonly CONTAINERD_PIDFILE=$RUN_DIR/exec/containerd/containerd.pid
# dockerd's default --shutdown-timeout for containers is 15 s; leave room.
readonly TIMEOUT=${NB_IMAGE_STOP_TIMEOUT:-40}

log() { printf '[stop-engine] %s\n' "$*" >&2; }

cmdline_of() { tr '\0' ' ' 2>/dev/null <"/proc/$1/cmdline" || true; }

# is_ours PID COMM NEEDLE — PID alive, named COMM, and its cmdline has NEEDLE.
is_ours() {
  local pid=$1 comm=$2 needle=$3
  [[ $pid =~ ^[0-9]+$ ]] && [[ -d /proc/$pid ]] || return 1
  [[ $(cat "/proc/$pid/comm" 2>/dev/null) == "$comm" ]] || return 1
  [[ $(cmdline_of "$pid") == *"$needle"* ]]
}

# stop_pid PID COMM NEEDLE WHAT
stop_pid() {
  local pid=$1 comm=$2 needle=$3 what=$4 deadline
  is_ours "$pid" "$comm" "$needle" || return 0
  log "sending TERM to $what (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$((SECONDS + TIMEOUT))
  while is_ours "$pid" "$comm" "$needle" && (( SECONDS < deadline )); do
    sleep 0.5
  done
  if is_ours "$pid" "$comm" "$needle"; then
    log "$what (pid $pid) still running after ${TIMEOUT}s, sending KILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 1
  fi
}

if [[ ! -f $PIDFILE ]]; then
  log "no pidfile $PIDFILE: our engine is not running"
  exit 0
fi

pid=$(cat "$PIDFILE" 2>/dev/null || true)
if ! is_ours "$pid" dockerd "$SOCK"; then
  log "pidfile $PIDFILE names pid '${pid}', which is not our dockerd: removing stale pidfile"
  rm -f "$PIDFILE"
  exit 0
fi

# Remember dockerd's containerd before stopping dockerd: after a KILL it
# would be orphaned (dockerd normally stops it on TERM).
ctr_pid=$(cat "$CONTAINERD_PIDFILE" 2>/dev/null || true)

stop_pid "$pid" dockerd "$SOCK" "dockerd"
stop_pid "$ctr_pid" containerd "$RUN_DIR/exec/containerd" "dockerd's containerd"

if is_ours "$pid" dockerd "$SOCK"; then
  log "ERROR: dockerd (pid $pid) did not exit"
  exit 1
fi
rm -f "$PIDFILE" "$SOCK"
log "engine stopped"
