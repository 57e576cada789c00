#!/usr/bin/env bash
# demo.sh — the README's first command: from a fresh Debian machine to measured numbers.
#
#   1. makes sure a local Docker engine with buildx answers (installs Debian's docker.io
#      and docker-buildx and starts the engine when none does);
#   2. creates the example's Python base image locally (no registry is needed);
#   3. runs the action's pipeline (the nb-image CLI from dist/, the same code the action
#      runs) on examples/notebook-tiers.yaml once per strategy, prints both report tables
#      (option D: one image per tier; option A: one shared image), then the comparison.
#
# Run as root (it may install packages and start dockerd). Extra arguments are passed to
# `nb-image build`, e.g. `scripts/demo.sh --verbose` to see the build logs.
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
# Both strategies without cache, so their build times compare fairly.
node dist/cli/index.js compare --manifest examples/notebook-tiers.yaml --no-cache \
  --report-file "$reports/report.json" "$@"
printf '\nReports: %s/report-multi-stage.json and %s/report-shared.json\n' "$reports" "$reports"
printf 'Generated Dockerfile: examples/.nb-image/Dockerfile\n'
