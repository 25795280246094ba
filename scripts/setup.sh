#!/usr/bin/env bash
# Installs every system and Python dependency the service and its tests need.
# Idempotent: safe to run on every `make run` / `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(libssh-dev libsqlite3-dev openssh-server postgresql python3-venv wrk curl)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

VENV=.venv
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
if [ ! -f "$VENV/.naas-deps-v3" ]; then
  "$VENV/bin/pip" install -q --upgrade pip
  "$VENV/bin/pip" install -q -r scripts/requirements-test.txt
  # fake-switches pins Twisted<17, which does not build on Python 3.11;
  # it runs fine on a current Twisted, so it is installed without its pins.
  "$VENV/bin/pip" install -q --no-deps fake-switches==1.5.0
  # Swagger UI and Redoc assets for /apidoc (OpenAPI 3.1 capable); only the
  # static files are used, so the Django side of the package is not needed.
  "$VENV/bin/pip" install -q --no-deps drf-spectacular-sidecar
  # ntc-templates: the templates and index NAAS parses command output with,
  # at exactly the version the conformance corpus was taken from. Netmiko
  # accepts any version and would bring the newest; installed last, without
  # its dependencies, so that version is what stays and textfsm is untouched.
  "$VENV/bin/pip" install -q --no-deps ntc-templates==9.2.0
  touch "$VENV/.naas-deps-v3"
fi
