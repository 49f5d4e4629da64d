#!/usr/bin/env bash
# Prepares .env for docker compose: copies .env.example on first use and generates JWT_SECRET when it is empty.
# An existing .env is never overwritten; only an empty JWT_SECRET= line is filled in.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -f .env ]]; then
  [[ -f .env.example ]] || { echo "env-init: .env.example is missing" >&2; exit 1; }
  cp .env.example .env
  echo "env-init: created .env from .env.example (edit it to change passwords and ports)"
fi

if grep -qE '^JWT_SECRET=$' .env; then
  if command -v openssl > /dev/null 2>&1; then
    secret="$(openssl rand -base64 48 | tr -d '\n')"
  else
    secret="$(head -c 48 /dev/urandom | base64 | tr -d '\n')"
  fi
  # base64 has no '|', so it is a safe sed delimiter; -i.bak works with GNU and BSD sed
  sed -i.bak "s|^JWT_SECRET=\$|JWT_SECRET=${secret}|" .env && rm -f .env.bak
  echo "env-init: generated JWT_SECRET in .env"
fi
