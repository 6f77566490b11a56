#!/usr/bin/env bash
# Installs and starts what the Docker-backed sandbox work needs on a fresh Debian bookworm machine:
# Debian's Docker engine and client (20.10, BuildKit built in), docker-compose v1, debootstrap
# (the stand-in base images), curl (the recorder's HTTP client).
# Idempotent: a machine that has them only gets the engine started.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

missing=()
for pair in docker.io:/usr/sbin/dockerd docker-compose:/usr/bin/docker-compose debootstrap:/usr/sbin/debootstrap curl:/usr/bin/curl; do
  [ -x "${pair#*:}" ] || missing+=("${pair%%:*}")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "::: apt-get install ${missing[*]}"
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! /usr/bin/docker version >/dev/null 2>&1; then
  echo "::: starting dockerd (log: /tmp/dockerd.log)"
  dockerd >/tmp/dockerd.log 2>&1 &
  for _ in $(seq 1 60); do
    [ -S /var/run/docker.sock ] && /usr/bin/docker version >/dev/null 2>&1 && break
    sleep 1
  done
fi
/usr/bin/docker version --format 'Docker engine {{.Server.Version}} is up'
