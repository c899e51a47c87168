#!/usr/bin/env bash
# Create .venv and install imutext with everything the workbook, tests, docs and JupyterLab need.
# On a machine without an NVIDIA GPU, torch is pinned to a CPU wheel (constraints.txt: a local one, else PyTorch's CPU index)
# so that sentence-transformers does not pull a multi-GB CUDA build; with a GPU, pip resolves torch normally.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
quiet() { "$@" >"$log" 2>&1 || { grep -v 'is ignored: it is neither' "$log" | tail -40; echo "setup: failed: $*" >&2; exit 1; }; }
[ -x .venv/bin/python ] || quiet "${PYTHON:-python3}" -m venv .venv
. .venv/bin/activate
quiet python -m pip install --upgrade pip
if command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L >/dev/null 2>&1; then
  quiet pip install -e ".[dev,docs,lab]"
else
  torch_pin=$(grep -E '^torch==' constraints.txt)
  resolved=$(pip install --dry-run --quiet --report - "$torch_pin" 2>/dev/null || true)   # what a plain install would take
  if grep -q '"version": "[^"]*+cpu"' <<<"$resolved"; then
    quiet pip install "$torch_pin"   # pip resolves a CPU build here (a local wheel, as on the project's machines)
  else                               # PyPI's Linux torch is the CUDA build: take the CPU build from PyTorch's index
    quiet pip install --index-url https://download.pytorch.org/whl/cpu --extra-index-url https://pypi.org/simple "$torch_pin"
  fi
  PIP_CONSTRAINT="$PWD/constraints.txt" quiet pip install -e ".[dev,docs,lab]"
fi
python -c "import imutext, torch; print(f'imutext {imutext.__version__} installed in .venv (torch {torch.__version__})')"
