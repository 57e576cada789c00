#!/usr/bin/env bash
# ensure-engine.sh — make sure a Docker engine with buildx answers, then print
# exactly one line on stdout:
#
#     export DOCKER_HOST=unix:///...
#
# so that callers can do:  eval "$(scripts/ensure-engine.sh)"
# Every log line goes to stderr, so stdout stays evaluable.
#
# Order of preference (first one that works wins):
#   1. $DOCKER_HOST, or the default socket when it is unset, if it answers
#      `docker version`, `docker buildx version` works and the server is >= 23
#      (BuildKit as the default builder, containerd image store available);
#   2. our own engine on /run/nb-image-action/docker.sock, if it answers;
#   3. otherwise install what is missing (trixie's docker.io/docker-buildx —
#      bookworm's docker.io 20.10 is too old) and start our own dockerd.
#
# The script is idempotent: running it again reuses whatever it found or
# started before. It never stops or signals an engine it did not start; use
# scripts/stop-engine.sh to stop ours.
#
# Environment knobs (all optional):
#   NB_IMAGE_ENGINE_TIMEOUT   seconds to wait for our dockerd (default 60)
#   NB_IMAGE_ENGINE_MTU       MTU for the engine's bridge (default: the MTU of
#                             the host's default-route interface, if < 1500)
set -euo pipefail

readonly RUN_DIR=/run/nb-image-action
readonly SOCK=$RUN_DIR/docker.sock
readonly OWN_HOST=unix://$SOCK
readonly PIDFILE=$RUN_DIR/docker.pid
readonly EXEC_ROOT=$RUN_DIR/exec
readonly DATA_ROOT=/var/lib/nb-image-action/docker
readonly CONF_DIR=/etc/nb-image-action
readonly DAEMON_JSON=$CONF_DIR/daemon.json
readonly LOG_FILE=/var/log/nb-image-action-dockerd.log
readonly TRIXIE_SOURCES=/etc/apt/sources.list.d/nb-image-trixie.sources
readonly TRIXIE_PIN=/etc/apt/preferences.d/nb-image-trixie
readonly MIN_MAJOR=23
readonly START_TIMEOUT=${NB_IMAGE_ENGINE_TIMEOUT:-60}

# dockerd, containerd, runc, iptables and docker-proxy live in sbin; a non-login
# root shell (e.g. CI) does not always have it on PATH.
export PATH="$PATH:/usr/local/bin:/usr/local/sbin:/usr/sbin:/sbin"

log() { printf '[ensure-engine] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

emit() {
  # The one and only line on stdout.
  printf 'export DOCKER_HOST=%s\n' "$1"
}

major_of() {
  # "26.1.5+dfsg1" -> 26 ; anything unparsable -> 0
  local v=${1%%.*}
  [[ $v =~ ^[0-9]+$ ]] && printf '%s\n' "$v" || printf '0\n'
}

# engine_ok HOST — true when HOST answers, is new enough and buildx works.
engine_ok() {
  local host=$1 ver
  command -v docker >/dev/null 2>&1 || return 1
  ver=$(DOCKER_HOST=$host timeout 20 docker version --format '{{.Server.Version}}' 2>/dev/null) || return 1
  [[ -n $ver ]] || return 1
  if (( $(major_of "$ver") < MIN_MAJOR )); then
    log "engine at $host is $ver (< $MIN_MAJOR: BuildKit/containerd store too old), not using it"
    return 1
  fi
  if ! DOCKER_HOST=$host timeout 20 docker buildx version >/dev/null 2>&1; then
    log "engine at $host answers ($ver) but 'docker buildx version' fails, not using it"
    return 1
  fi
  log "engine at $host answers: server $ver, $(docker buildx version 2>/dev/null | head -n1)"
  return 0
}

# ---------------------------------------------------------------- 1. reuse --
if [[ -n ${DOCKER_HOST:-} ]]; then
  candidate=$DOCKER_HOST
else
  candidate=unix:///var/run/docker.sock
fi
if [[ $candidate != "$OWN_HOST" ]] && engine_ok "$candidate"; then
  emit "$candidate"
  exit 0
fi

# ------------------------------------------------------------- 2. our own --
if engine_ok "$OWN_HOST"; then
  emit "$OWN_HOST"
  exit 0
fi

# From here on we install packages and start a daemon: root only.
(( EUID == 0 )) || die "no usable Docker engine, and starting one needs root (run as root or set DOCKER_HOST)"

# --------------------------------------------------------- 3a. apt helpers --

# deb822_uri, oneline_uri and suite_uri: shared with make-base-images.sh.
# shellcheck source=scripts/lib/apt-sources.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/apt-sources.sh"

# trixie_version PKG — version of PKG offered by the trixie suite (empty if none).
trixie_version() {
  # No early "exit" in awk: with pipefail, apt-cache dying of SIGPIPE would
  # turn a successful lookup into a failure.
  { apt-cache madison "$1" 2>/dev/null || true; } \
    | awk -F'|' '!found && $3 ~ /[ \t]trixie\/main[ \t]/ { gsub(/[ \t]/, "", $2); print $2; found = 1 }'
}

# write_if_changed FILE — write stdin to FILE only when the content differs
# (keeps mtimes stable and makes reruns no-ops). Returns 0 if it wrote.
write_if_changed() {
  local file=$1 tmp
  tmp=$(mktemp)
  cat >"$tmp"
  if [[ -f $file ]] && cmp -s "$tmp" "$file"; then
    rm -f "$tmp"
    return 1
  fi
  install -D -m 0644 "$tmp" "$file"
  rm -f "$tmp"
  return 0
}

dockerd_major() {
  command -v dockerd >/dev/null 2>&1 || { echo 0; return; }
  # "Docker version 26.1.5+dfsg1, build a72d7cd"
  major_of "$(dockerd --version 2>/dev/null | awk '{print $3}')"
}

cli_major() {
  command -v docker >/dev/null 2>&1 || { echo 0; return; }
  major_of "$(docker --version 2>/dev/null | awk '{print $3}')"
}

# ----------------------------------------------------- 3b. install if needed --
install_engine_packages() {
  local started=$SECONDS mirror changed=0 trixie_elsewhere
  log "installing a Docker engine >= $MIN_MAJOR from Debian trixie (bookworm's docker.io 20.10 is too old)"

  # Use the same mirror as the machine's bookworm entry so we only ever talk
  # to the Debian mirror the sandbox allows.
  mirror=$(suite_uri bookworm)
  if [[ -z $mirror ]]; then
    mirror=http://deb.debian.org/debian
    log "no bookworm apt source found, falling back to $mirror"
  fi

  # Reuse an equivalent trixie entry if the machine already has one (a
  # duplicate would make apt warn "configured multiple times"); otherwise add
  # ours. If someone else's entry exists, drop ours so there is only one.
  trixie_elsewhere=$(suite_uri trixie "$TRIXIE_SOURCES")
  if [[ -n $trixie_elsewhere ]]; then
    log "using existing trixie apt source ($trixie_elsewhere)"
    if [[ -f $TRIXIE_SOURCES ]]; then
      rm -f "$TRIXIE_SOURCES"
      changed=1
    fi
  else
    if write_if_changed "$TRIXIE_SOURCES" <<EOF
# Added by nb-image-action scripts/ensure-engine.sh: trixie provides
# docker.io >= 26 and docker-buildx; pinned low in $TRIXIE_PIN so nothing
# else is upgraded from it.
Types: deb
URIs: $mirror
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    then
      log "wrote $TRIXIE_SOURCES ($mirror trixie)"
      changed=1
    fi
  fi

  # Priority 100 (< 500 of bookworm): trixie packages are only used when we
  # ask for their exact version, never picked up by a plain upgrade/install.
  # Written even when the trixie source is someone else's: an unpinned
  # trixie entry would otherwise drag the whole system to trixie.
  if write_if_changed "$TRIXIE_PIN" <<'EOF'
# Added by nb-image-action scripts/ensure-engine.sh: keep trixie opt-in.
Package: *
Pin: release n=trixie
Pin-Priority: 100
EOF
  then
    log "wrote $TRIXIE_PIN (trixie at priority 100)"
    changed=1
  fi

  if (( changed )) || [[ -z $(trixie_version docker.io) ]]; then
    log "apt-get update"
    apt-get update -qq >&2 || die "apt-get update failed"
  fi

  local v_engine v_buildx
  v_engine=$(trixie_version docker.io)
  v_buildx=$(trixie_version docker-buildx)
  [[ -n $v_engine ]] || die "trixie has no docker.io candidate (check $TRIXIE_SOURCES / apt-cache madison docker.io)"
  [[ -n $v_buildx ]] || die "trixie has no docker-buildx candidate"

  # Exact versions, because at priority 100 apt would otherwise pick
  # bookworm's 20.10. They install next to bookworm's libc/containerd/runc.
  local -a pkgs=("docker.io=$v_engine" "docker-buildx=$v_buildx")
  # trixie split the CLI out of docker.io; install it when there is no CLI
  # (or only an old one, e.g. bookworm's docker.io 20.10 CLI that the upgrade
  # would remove). A newer CLI already on PATH (e.g. /usr/local/bin) is kept.
  if (( $(cli_major) < MIN_MAJOR )); then
    pkgs+=("docker-cli=$v_engine")
  fi

  # docker.io's postinst would start the packaged service (/etc/init.d/docker
  # on /var/run/docker.sock) via invoke-rc.d — a second dockerd fighting ours
  # over docker0/iptables. Where no policy-rc.d exists (container images ship
  # one that says "no"), install a temporary one that denies service starts.
  local policy=/usr/sbin/policy-rc.d own_policy=0 rc=0
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\n# temporary, from nb-image-action ensure-engine.sh\nexit 101\n' >"$policy"
    chmod 0755 "$policy"
    own_policy=1
  fi
  log "apt-get install --no-install-recommends ${pkgs[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o Dpkg::Use-Pty=0 --no-install-recommends "${pkgs[@]}" >&2 \
    || rc=$?
  (( own_policy )) && rm -f "$policy"
  (( rc == 0 )) || die "apt-get install ${pkgs[*]} failed"
  hash -r
  log "packages installed in $((SECONDS - started)) s"
}

# Skip apt entirely when a new-enough dockerd, CLI and buildx are present
# (whatever installed them: trixie packages, docker-ce, ...).
if (( $(dockerd_major) >= MIN_MAJOR )) && (( $(cli_major) >= MIN_MAJOR )) \
   && docker buildx version >/dev/null 2>&1; then
  log "dockerd $(dockerd --version | awk '{print $3}' | tr -d ,), docker CLI and buildx already installed"
else
  install_engine_packages
fi
(( $(dockerd_major) >= MIN_MAJOR )) || die "dockerd >= $MIN_MAJOR still not available after install"
docker buildx version >/dev/null 2>&1 || die "docker buildx still not available after install"

# ------------------------------------------------------------ 3c. start it --

# pid_is_our_dockerd PID — PID is alive and is a dockerd serving our socket
# (guards against a stale pidfile whose PID got reused by something else).
pid_is_our_dockerd() {
  local pid=$1
  [[ $pid =~ ^[0-9]+$ ]] && [[ -r /proc/$pid/cmdline ]] || return 1
  [[ $(cat "/proc/$pid/comm" 2>/dev/null) == dockerd ]] || return 1
  local cmd
  cmd=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || return 1
  [[ $cmd == *"$SOCK"* ]]
}

# Another dockerd (not ours) on this machine would fight ours over the docker0
# bridge and the DOCKER iptables chains, so we never start a second one. If
# it is usable, hand it out instead; otherwise stop with a clear message.
check_foreign_dockerd() {
  local d pid own_pid="" cmd host
  [[ -f $PIDFILE ]] && own_pid=$(cat "$PIDFILE" 2>/dev/null || true)
  for d in /proc/[0-9]*; do
    pid=${d#/proc/}
    [[ $(cat "$d/comm" 2>/dev/null) == dockerd ]] || continue
    # A just-stopped dockerd can linger as a zombie until its new parent
    # reaps it (empty cmdline, state Z): it is not running.
    [[ $(awk '{print $3}' "$d/stat" 2>/dev/null) == Z ]] && continue
    [[ $pid == "$own_pid" ]] && continue
    pid_is_our_dockerd "$pid" && continue
    cmd=$(tr '\0' ' ' 2>/dev/null <"$d/cmdline" || true)
    # Its socket: first -H/--host unix:// value, else the default socket.
    host=$(printf '%s\n' "$cmd" | grep -oE -- '(-H|--host)[= ]unix://[^ ]+' | head -n1 | sed -E 's/^(-H|--host)[= ]//' || true)
    [[ -n $host ]] || host=unix:///var/run/docker.sock
    if engine_ok "$host"; then
      log "another dockerd (pid $pid) is already running and usable; reusing it instead of starting a second engine"
      emit "$host"
      exit 0
    fi
    die "another dockerd (pid $pid: $cmd) is running but is not usable (too old, not answering, or no buildx). Two engines would fight over docker0/iptables, so not starting ours. Stop it, or point DOCKER_HOST at a suitable engine."
  done
}

host_mtu() {
  # MTU of the interface carrying the default route. Build containers sit on
  # docker0 (MTU 1500 by default); when the uplink is smaller (eth0 is 1400
  # in this sandbox), large TCP segments can be black-holed wherever PMTU
  # discovery is broken, so we give the bridge the uplink's MTU. Defensive:
  # here `RUN apt-get update` in a build reached the mirror with both 1400
  # and 1500, with the default bridge network and no other engine flags.
  local dev
  dev=$(ip -o route show default 2>/dev/null | awk '{for (i = 1; i < NF; i++) if ($i == "dev") { print $(i + 1); exit }}')
  [[ -n $dev && -r /sys/class/net/$dev/mtu ]] && cat "/sys/class/net/$dev/mtu"
}

start_dockerd() {
  local started=$SECONDS pid="" mtu
  local -a args

  mkdir -p "$RUN_DIR" "$EXEC_ROOT" "$DATA_ROOT" "$CONF_DIR" "$(dirname "$LOG_FILE")"
  chmod 0711 "$RUN_DIR"

  # containerd-snapshotter = the containerd image store: needed for
  # --cache-to type=registry (and multi-platform/attestation manifests) with
  # the default "docker" buildx driver.
  if write_if_changed "$DAEMON_JSON" <<'EOF'
{"features":{"containerd-snapshotter":true}}
EOF
  then
    log "wrote $DAEMON_JSON"
  fi

  # A pidfile whose dockerd is still alive but not answering: it may still be
  # starting (concurrent run) — wait for it instead of starting another.
  if [[ -f $PIDFILE ]]; then
    pid=$(cat "$PIDFILE" 2>/dev/null || true)
    if pid_is_our_dockerd "$pid"; then
      log "our dockerd (pid $pid) is running but not answering yet; waiting for it"
    else
      log "removing stale pidfile $PIDFILE"
      rm -f "$PIDFILE"
      pid=""
    fi
  fi

  if [[ -z $pid ]]; then
    check_foreign_dockerd
    # A socket left behind by a crashed dockerd would make it fail to bind.
    rm -f "$SOCK"

    args=(
      --config-file "$DAEMON_JSON"
      --data-root "$DATA_ROOT"
      --exec-root "$EXEC_ROOT"
      --pidfile "$PIDFILE"
      -H "$OWN_HOST"
    )
    mtu=${NB_IMAGE_ENGINE_MTU:-$(host_mtu || true)}
    if [[ $mtu =~ ^[0-9]+$ ]] && (( mtu < 1500 )); then
      args+=(--mtu "$mtu")
    fi

    {
      printf '\n===== %s starting: dockerd %s\n' "$(date -u +%FT%TZ)" "${args[*]}"
    } >>"$LOG_FILE"
    log "starting dockerd ${args[*]} (log: $LOG_FILE)"
    # setsid: own session, so it survives this script, the caller's shell and
    # CI step; stdin from /dev/null and output to the log so nobody waits on
    # our pipes.
    setsid dockerd "${args[@]}" </dev/null >>"$LOG_FILE" 2>&1 &
    pid=$!
  fi

  local deadline=$((SECONDS + START_TIMEOUT))
  while (( SECONDS < deadline )); do
    if DOCKER_HOST=$OWN_HOST timeout 5 docker version --format '{{.Server.Version}}' >/dev/null 2>&1; then
      log "dockerd answered on $OWN_HOST after $((SECONDS - started)) s"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      log "dockerd (pid $pid) exited; last lines of $LOG_FILE:"
      tail -n 40 "$LOG_FILE" >&2 || true
      die "dockerd failed to start (see $LOG_FILE)"
    fi
    sleep 0.5
  done
  log "dockerd did not answer within ${START_TIMEOUT}s; last lines of $LOG_FILE:"
  tail -n 40 "$LOG_FILE" >&2 || true
  die "timed out waiting for dockerd on $OWN_HOST (it is left running as pid $pid; scripts/stop-engine.sh stops it)"
}

start_dockerd
engine_ok "$OWN_HOST" || die "dockerd on $OWN_HOST answers but is not usable (see messages above)"
emit "$OWN_HOST"
