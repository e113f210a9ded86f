#!/usr/bin/env bash
# Installs what Robocole needs on a Debian machine with Python 3.11, into ./.venv.
# Sourced by scripts/up and scripts/test; safe to run again (it only adds what is missing).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
APT_UPDATED=0
apt_install() {
  # Installs the Debian packages given that are not there yet.
  local missing=()
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$APT_UPDATED" -eq 0 ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

PYTHON=${PYTHON:-python3}
if ! "$PYTHON" -c 'import sys, venv, ensurepip; assert sys.version_info >= (3, 11)' 2>/dev/null; then
  apt_install python3 python3-venv python3-pip
fi
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip
fi
# Cairo draws the PNG of each Open Badge from the curriculum's SVG (cairosvg).
apt_install libcairo2
# A C compiler and Python's headers build the compiled copy of the simulator's line sensors
# (setup.py); without them the install still works, and the simulator is slower.
command -v gcc >/dev/null 2>&1 || apt_install gcc libc6-dev
if ! .venv/bin/python -c 'import os, sys, sysconfig; sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))'; then
  apt_install python3-dev
fi
EXTRAS=${ROBOCOLE_EXTRAS:-server,robots}
.venv/bin/python -m pip install -q -e ".[${EXTRAS}]"
