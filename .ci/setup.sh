#!/usr/bin/env bash
# Installs what Callisto needs to build, run and test, only what is missing, quietly:
#   - Debian -dev packages of the C libraries (apt-get; needs root or sudo),
#   - a project-local Python virtual environment .venv with the pinned packages of
#     .ci/requirements.txt, and its python3 and bash kernelspecs registered inside it.
# Idempotent: a second run prints nothing and takes well under a second.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(pkg-config libncurses-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libzmq3-dev
    libvterm-dev libchafa-dev libglib2.0-dev libspng-dev libjpeg-dev libssl-dev tmux python3 python3-venv less)
# The terminal pane tests run vi inside a pane: any vim will do, vim-tiny when there is none.
command -v vi >/dev/null || APT_PACKAGES+=(vim-tiny)
LOG=.build/setup.log
mkdir -p .build

fail() { echo "setup: $*" >&2; exit 1; }

install_debian_packages() {
    local missing=() p
    for p in "${APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    command -v apt-get >/dev/null || fail "missing ${missing[*]} and no apt-get to install them"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || fail "missing Debian packages ${missing[*]}: run as root or install them"
        sudo="sudo"
    fi
    echo "setup: installing ${missing[*]}" >&2
    { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
        --no-install-recommends "${missing[@]}"; } >"$LOG" 2>&1 \
        || fail "apt-get install failed; see $LOG"
}

check_swift() {
    command -v swift >/dev/null || fail "swift not found on PATH (Swift 6 is expected, e.g. in /opt/swift/usr/bin)"
}

install_venv() {
    local stamp=.venv/.callisto-requirements want
    want=$(cat .ci/requirements.txt)
    if [ -x .venv/bin/python ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] \
        && [ -f .venv/share/jupyter/kernels/python3/kernel.json ]; then
        return 0
    fi
    local py
    py=$(command -v python3) || fail "python3 not found"
    echo "setup: creating .venv (pinned packages from .ci/requirements.txt)" >&2
    [ -x .venv/bin/python ] || "$py" -m venv .venv >"$LOG" 2>&1 || fail "python3 -m venv failed; see $LOG"
    { .venv/bin/python -m pip install -q --disable-pip-version-check -r .ci/requirements.txt \
        && .venv/bin/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (ipykernel)" \
        && .venv/bin/python -m bash_kernel.install --sys-prefix; } >"$LOG" 2>&1 \
        || fail "installing Python packages failed; see $LOG"
    printf '%s' "$want" >"$stamp"
}

install_debian_packages
check_swift
install_venv
