#!/usr/bin/env bash
# Builds the game-backend image robustly: checks Docker, uses BuildKit (buildx when present), tags with the git
# revision (plus :latest or the tag you give), and refuses to build from a tree Docker cannot see.
# Usage: scripts/docker-safe-build.sh [IMAGE_NAME] [EXTRA_TAG]
#   IMAGE_NAME defaults to $IMAGE or game-backend; EXTRA_TAG defaults to latest. PUSH=1 pushes both tags.
set -euo pipefail
cd "$(dirname "$0")/.."

image="${1:-${IMAGE:-game-backend}}"
extra_tag="${2:-latest}"

fail() { echo "docker-safe-build: $*" >&2; exit 1; }

command -v docker > /dev/null 2>&1 \
  || fail "docker is not installed (https://docs.docker.com/get-docker/); the image cannot be built here."
docker info > /dev/null 2>&1 \
  || fail "the Docker engine is not reachable (is the daemon running, and may this user use it?)."
[[ -f Dockerfile ]] || fail "no Dockerfile in $(pwd)."

revision="unknown"
if command -v git > /dev/null 2>&1 && git rev-parse --git-dir > /dev/null 2>&1; then
  revision="$(git rev-parse --short=12 HEAD)"
  if [[ -n "$(git status --porcelain --untracked-files=no)" ]]; then
    revision="${revision}-dirty"
    echo "docker-safe-build: uncommitted changes; tagging ${image}:${revision}" >&2
  fi
fi

args=(--file Dockerfile --build-arg "REVISION=${revision}" --tag "${image}:${revision}" --tag "${image}:${extra_tag}")
if docker buildx version > /dev/null 2>&1; then
  echo "docker-safe-build: building ${image}:${revision} with buildx"
  docker buildx build --load "${args[@]}" .
else
  # the engine's built-in BuildKit (Docker >= 18.09) understands the Dockerfile's cache mounts
  echo "docker-safe-build: buildx not found; building ${image}:${revision} with DOCKER_BUILDKIT=1"
  DOCKER_BUILDKIT=1 docker build "${args[@]}" .
fi

if [[ "${PUSH:-0}" == "1" ]]; then
  docker push "${image}:${revision}"
  docker push "${image}:${extra_tag}"
fi
echo "docker-safe-build: built ${image}:${revision} and ${image}:${extra_tag}"
