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
  # a CPU wheel the machine already holds (pip's find-links), else the CPU build from PyTorch's own index
  pip install --no-index "$torch_pin" >"$log" 2>&1 || quiet pip install --index-url https://download.pytorch.org/whl/cpu "$torch_pin"
  PIP_CONSTRAINT="$PWD/constraints.txt" quiet pip install -e ".[dev,docs,lab]"
fi
python -c "import imutext, torch; print(f'imutext {imutext.__version__} installed in .venv (torch {torch.__version__})')"
