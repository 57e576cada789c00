#!/usr/bin/env bash
# demo.sh — the README's first command: from a fresh Debian machine to measured numbers.
#
#   1. makes sure a local Docker engine with buildx answers (installs Debian's docker.io
#      and docker-buildx and starts the engine when none does);
#   2. creates the example's Python base image locally (no registry is needed);
#   3. runs the action's pipeline (the nb-image CLI from dist/, the same code the action
#      runs) on examples/notebook-tiers.yaml as `nb-image compare`: ADR-031's options A, B
#      and D each built cold, warm and once per one-tier change, then the ADR section with
#      the triggers and the recommendation (README: Comparing the options).
#
# Run as root (it may install packages and start dockerd). Extra arguments are passed to
# `nb-image compare`, e.g. `scripts/demo.sh --options A,D` or `--verbose`.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v node >/dev/null; then
  echo "demo.sh: Node.js 20 or later is needed to run the action (https://nodejs.org)" >&2
  exit 1
fi

eval "$(scripts/ensure-engine.sh)"
export DOCKER_HOST
scripts/make-base-images.sh --python

reports=${NB_IMAGE_DEMO_DIR:-/tmp/nb-image-demo}
mkdir -p "$reports"
# Every option cold (no build cache), warm, and once per one-tier change; the ADR section
# (Markdown) is also written next to the reports.
node dist/cli/index.js compare --manifest examples/notebook-tiers.yaml \
  --report-file "$reports/report.json" --adr-file "$reports/adr-031.md" "$@"
printf '\nCold reports: %s/report-*.json; ADR section: %s/adr-031.md\n' "$reports" "$reports"
