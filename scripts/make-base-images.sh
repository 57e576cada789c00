#!/usr/bin/env bash
# make-base-images.sh [--fixtures|--python|--pip]... — create the base images
# the tests and the bundled example build FROM, locally (`docker import`, and a
# build on top of it): this sandbox cannot pull from any registry, so nothing
# may come from Docker Hub.
#
#   --fixtures (default)  nb-image-fixture/busybox:1
#                         a tiny rootfs from Debian's busybox-static.
#   --python              the above plus nb-image-example/python:bookworm
#                         (debootstrap minbase + python3-minimal, apt usable).
#   --pip                 the above plus nb-image-fixture/python-pip:bookworm:
#                         the python image + python3-venv, with a virtual
#                         environment /opt/venv first on PATH (as the official
#                         Python and OpenShift AI workbench images have), so
#                         `pip install` as root works as it does there.
#
# Each image is skipped when it already exists. Uses the engine in
# $DOCKER_HOST (run `eval "$(scripts/ensure-engine.sh)"` first). Needs root
# to install missing packages and to debootstrap.
set -euo pipefail

readonly BUSYBOX_IMAGE=nb-image-fixture/busybox:1
readonly PYTHON_IMAGE=nb-image-example/python:bookworm
# NB_IMAGE_PIP_IMAGE: another name for it (a scratch copy while developing).
readonly PIP_IMAGE=${NB_IMAGE_PIP_IMAGE:-nb-image-fixture/python-pip:bookworm}
readonly VENV=/opt/venv
readonly CACHE_DIR=/var/cache/nb-image-action
readonly PYTHON_TAR=$CACHE_DIR/python-bookworm-rootfs.tar
readonly SUITE=bookworm
# suite_uri: where the apt sources point (shared with ensure-engine.sh).
# shellcheck source=scripts/lib/apt-sources.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/apt-sources.sh"
readonly IMAGE_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
# Fixed timestamp for every file in the busybox rootfs so its layer is
# byte-for-byte reproducible (2024-01-01T00:00:00Z).
readonly EPOCH=1704067200

export PATH="$PATH:/usr/local/bin:/usr/local/sbin:/usr/sbin:/sbin"

log() { printf '[make-base-images] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

want_python=0
want_pip=0
for arg in "$@"; do
  case $arg in
    --fixtures) ;;
    --python) want_python=1 ;;
    --pip) want_python=1; want_pip=1 ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 0 ;;
    *) die "unknown option '$arg' (use --fixtures, --python or --pip)" ;;
  esac
done

command -v docker >/dev/null 2>&1 || die "no docker CLI; run scripts/ensure-engine.sh first"
docker version --format '{{.Server.Version}}' >/dev/null 2>&1 \
  || die "no Docker engine answers (DOCKER_HOST=${DOCKER_HOST:-unset}); run: eval \"\$(scripts/ensure-engine.sh)\""

image_exists() { docker image inspect "$1" >/dev/null 2>&1; }

apt_install() {
  # apt_install PKG... — install missing Debian packages (update once if the
  # package lists are empty/stale and the first attempt fails).
  (( EUID == 0 )) || die "need root to install: $*"
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o Dpkg::Use-Pty=0 --no-install-recommends "$@" >&2 && return 0
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o Dpkg::Use-Pty=0 --no-install-recommends "$@" >&2
}

WORK=""
cleanup() { [[ -n $WORK && -d $WORK ]] && rm -rf -- "$WORK"; return 0; }
trap cleanup EXIT
WORK=$(mktemp -d /tmp/nb-image-base.XXXXXX)

# ------------------------------------------------------------------ busybox --
make_busybox() {
  if image_exists "$BUSYBOX_IMAGE"; then
    log "$BUSYBOX_IMAGE already exists, skipping"
    return 0
  fi
  local started=$SECONDS bb=/bin/busybox root=$WORK/busybox applet
  if ! dpkg-query -W -f='${Status}' busybox-static 2>/dev/null | grep -q 'ok installed'; then
    apt_install busybox-static
  fi
  # busybox-static's binary is statically linked: no libc needed in the image.
  [[ -x $bb ]] || die "$bb missing after installing busybox-static"

  mkdir -p "$root"/{bin,etc,tmp,root,dev,proc,sys,var/tmp}
  chmod 1777 "$root/tmp" "$root/var/tmp"
  chmod 0700 "$root/root"
  install -m 0755 "$bb" "$root/bin/busybox"
  # One symlink per applet (sh, dd, head, cat, ls, mkdir, rm, echo,
  # sha256sum, true, false, sleep, env, ...), all in /bin which is on PATH.
  while read -r applet; do
    [[ -z $applet || $applet == busybox || $applet == */* ]] && continue
    ln -sf busybox "$root/bin/$applet"
  done < <("$bb" --list)
  for applet in sh dd head cat ls mkdir rm echo sha256sum true false sleep env; do
    [[ -L $root/bin/$applet ]] || die "busybox has no '$applet' applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
  chmod 0644 "$root/etc/passwd" "$root/etc/group"

  # Reproducible tarball: sorted entries, fixed owner and mtime.
  find "$root" -exec touch -h -d "@$EPOCH" {} +
  tar -C "$root" --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$EPOCH" \
      --format=gnu -cf "$WORK/busybox.tar" .
  docker import \
    --change "ENV PATH=$IMAGE_PATH" \
    --change 'CMD ["sh"]' \
    --message "nb-image-action fixture: busybox-static $(dpkg-query -W -f='${Version}' busybox-static 2>/dev/null || echo unknown)" \
    "$WORK/busybox.tar" "$BUSYBOX_IMAGE" >/dev/null
  log "imported $BUSYBOX_IMAGE ($(docker image inspect -f '{{.Size}}' "$BUSYBOX_IMAGE") bytes) in $((SECONDS - started)) s"
}

# ------------------------------------------------------------------- python --

# bookworm_mirror — URI of the machine's apt source for bookworm (so the
# rootfs talks to the same, reachable mirror); falls back to deb.debian.org.
bookworm_mirror() {
  local uri
  uri=$(suite_uri "$SUITE")
  printf '%s\n' "${uri:-http://deb.debian.org/debian}"
}

# security_mirror — URI for bookworm-security from the host, if it has one.
security_mirror() {
  grep -rhoE '^(URIs:[[:space:]]*|deb[[:space:]]+)[^[:space:]]*security[^[:space:]]*' \
    /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null \
    | head -n1 | sed -E 's/^(URIs:[[:space:]]*|deb[[:space:]]+)//' || true
}

build_python_rootfs_tar() {
  local mirror security root=$WORK/python started=$SECONDS
  mirror=$(bookworm_mirror)
  security=$(security_mirror)
  command -v debootstrap >/dev/null 2>&1 || apt_install debootstrap
  (( EUID == 0 )) || die "debootstrap needs root"

  log "debootstrap --variant=minbase --include=python3-minimal $SUITE (mirror $mirror); takes a few minutes"
  # minbase: essential + apt only; python3-minimal gives a working python3
  # without the stdlib extras (tiers add what they need with apt).
  if ! debootstrap --variant=minbase --include=python3-minimal "$SUITE" "$root" "$mirror" \
         >"$WORK/debootstrap.log" 2>&1; then
    tail -n 30 "$WORK/debootstrap.log" >&2
    [[ -f $root/debootstrap/debootstrap.log ]] && tail -n 30 "$root/debootstrap/debootstrap.log" >&2
    die "debootstrap failed"
  fi
  log "debootstrap done in $((SECONDS - started)) s"

  # apt inside the image must reach the same mirror, so `RUN apt-get install`
  # works in builds. Same suites as the official debian:bookworm image.
  {
    printf 'deb %s %s main\n' "$mirror" "$SUITE"
    printf 'deb %s %s-updates main\n' "$mirror" "$SUITE"
    [[ -n $security ]] && printf 'deb %s %s-security main\n' "$security" "$SUITE"
  } >"$root/etc/apt/sources.list"
  # Like the official Debian images: drop downloaded .debs after every
  # install, never ship translations, and don't install recommends by
  # default — keeps tier layers honest about their real size.
  cat >"$root/etc/apt/apt.conf.d/docker-clean" <<'EOF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
EOF
  printf 'Acquire::Languages "none";\n' >"$root/etc/apt/apt.conf.d/docker-no-languages"
  printf 'APT::Install-Recommends "false";\n' >"$root/etc/apt/apt.conf.d/docker-no-recommends"

  # Clean what a container image must not carry: package lists and caches
  # (stale and large), logs, host-specific files docker bind-mounts anyway.
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin \
         "$root"/var/cache/apt/archives/*.deb "$root"/var/cache/apt/archives/partial/* \
         "$root"/var/log/* "$root"/tmp/* "$root"/var/tmp/* "$root"/debootstrap \
         "$root"/etc/hostname "$root"/etc/resolv.conf "$root"/etc/machine-id
  mkdir -p "$root/var/lib/apt/lists/partial"
  : >"$root/etc/machine-id"
  # /dev, /proc, /sys are provided by the runtime; keep them as empty dirs.
  find "$root/dev" "$root/proc" "$root/sys" -mindepth 1 -delete 2>/dev/null || true

  mkdir -p "$CACHE_DIR"
  tar -C "$root" --sort=name --numeric-owner --xattrs -cf "$PYTHON_TAR.tmp" .
  mv -f "$PYTHON_TAR.tmp" "$PYTHON_TAR"
  log "cached rootfs at $PYTHON_TAR ($(du -h "$PYTHON_TAR" | cut -f1)); total $((SECONDS - started)) s"
}

make_python() {
  if image_exists "$PYTHON_IMAGE"; then
    log "$PYTHON_IMAGE already exists, skipping"
    return 0
  fi
  local started
  if [[ -s $PYTHON_TAR ]]; then
    log "using cached rootfs $PYTHON_TAR (delete it to re-bootstrap)"
  else
    build_python_rootfs_tar
  fi
  started=$SECONDS
  local imported=$PYTHON_IMAGE-rootfs
  docker import \
    --change "ENV PATH=$IMAGE_PATH" \
    --change 'ENV LANG=C.UTF-8' \
    --change 'CMD ["python3"]' \
    --message "nb-image-action example base: debootstrap minbase $SUITE + python3-minimal" \
    "$PYTHON_TAR" "$imported" >/dev/null
  # debootstrap installs $SUITE's release versions only; like the official debian images,
  # the base carries the -updates and -security versions too. Otherwise a tier whose
  # packages need a newer libexpat1 (say) upgrades it in that tier alone, and the images
  # disagree on a package none of them asked for (the drift the action reports).
  mkdir -p "$WORK/python-context"
  cat >"$WORK/Dockerfile.python" <<EOF
FROM $imported
RUN apt-get update \\
 && DEBIAN_FRONTEND=noninteractive apt-get -y upgrade \\
 && rm -rf /var/lib/apt/lists/* /var/log/apt /var/log/dpkg.log /var/cache/debconf/*-old
EOF
  if ! docker buildx build --provenance=false --progress=plain \
         --label "org.opencontainers.image.description=nb-image-action example base: debootstrap minbase $SUITE + python3-minimal, upgraded" \
         -t "$PYTHON_IMAGE" -f "$WORK/Dockerfile.python" "$WORK/python-context" >"$WORK/python-build.log" 2>&1; then
    tail -n 40 "$WORK/python-build.log" >&2
    docker image rm "$imported" >/dev/null 2>&1 || true
    die "upgrading $PYTHON_IMAGE failed"
  fi
  docker image rm "$imported" >/dev/null
  log "made $PYTHON_IMAGE ($(docker image inspect -f '{{.Size}}' "$PYTHON_IMAGE") bytes) in $((SECONDS - started)) s"
}

# -------------------------------------------------------------------- pip --

# A separate image rather than a pip-capable nb-image-example/python: with a
# venv first on PATH, `python3` is the venv's and no longer sees the Debian
# python3-* modules (/usr/lib/python3/dist-packages) that the bundled example
# installs with apt, and the example's measured sizes would move.
# Built on top of the python image (so it shares its layer) by BuildKit, whose
# build containers reach the Debian mirror: no second debootstrap.
make_pip() {
  if image_exists "$PIP_IMAGE"; then
    log "$PIP_IMAGE already exists, skipping"
    return 0
  fi
  local started=$SECONDS
  mkdir -p "$WORK/pip-context"
  # python3-venv brings the full python3.11 stdlib and Debian's pip and
  # setuptools wheels, which `venv` installs into the venv (bookworm: pip
  # 23.0.1, which has `install --dry-run --report`). No pip cache, apt lists
  # or bytecode of the venv's own tools are left in the layer.
  cat >"$WORK/Dockerfile.pip" <<EOF
FROM $PYTHON_IMAGE
RUN apt-get update \\
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-venv \\
 && rm -rf /var/lib/apt/lists/* /var/log/apt /var/log/dpkg.log /var/cache/debconf/*-old \\
 && python3 -m venv $VENV \\
 && $VENV/bin/python -m pip --version \\
 && rm -rf /root/.cache
ENV VIRTUAL_ENV=$VENV \\
    PATH=$VENV/bin:$IMAGE_PATH
CMD ["python3"]
EOF
  log "building $PIP_IMAGE: apt-get install python3-venv, python3 -m venv $VENV"
  if ! docker buildx build --provenance=false --progress=plain \
         --label "org.opencontainers.image.description=nb-image-action fixture: $PYTHON_IMAGE + python3-venv, $VENV on PATH" \
         -t "$PIP_IMAGE" -f "$WORK/Dockerfile.pip" "$WORK/pip-context" >"$WORK/pip-build.log" 2>&1; then
    tail -n 40 "$WORK/pip-build.log" >&2
    die "building $PIP_IMAGE failed"
  fi
  log "built $PIP_IMAGE ($(docker image inspect -f '{{.Size}}' "$PIP_IMAGE") bytes; $(docker run --rm --network none "$PIP_IMAGE" pip --version | cut -d' ' -f1-2)) in $((SECONDS - started)) s"
}

make_busybox
if (( want_python )); then
  make_python
fi
if (( want_pip )); then
  make_pip
fi
