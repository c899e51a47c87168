#!/bin/bash
# Rebuild the shipped model imutext-base: the default configuration trained on every bundled IMU set (--preset base),
# slimmed to what inference needs, with its model card (imutext.ship). Run from a clean commit; about 10 minutes on 2 CPU cores.
set -euo pipefail
cd "$(dirname "$0")/.."
. .venv/bin/activate
run=$(imutext run nbs/runs/train.ipynb --preset base --name imutext-base "$@" | tee /dev/stderr | awk '/^run folder:/ {print $3}')
python - "$run" <<'PY'
import glob, sys
from imutext.ship import ship_model
print('shipped', ship_model(sys.argv[1], 'imutext-base', lodo=sorted(glob.glob('results/lodo-base-*-s*'))))
PY
