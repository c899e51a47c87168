#!/bin/bash
# Rebuild the shipped model imutext-base: the default configuration trained on every bundled IMU set (--preset base),
# slimmed to what inference needs, with its model card (imutext.ship). Run from a clean commit; about 10 minutes on 2 CPU cores.
#   bash scripts/ship_base.sh [imutext run options]   train and ship
#   bash scripts/ship_base.sh --card                  only rewrite the card from the committed evidence runs, after more of
#                                                     them were added; the weights stay as shipped
# Evidence: the shipped model's mix left one set out at a time (each of the main job's training sets held out in turn, trained
# on the other eleven bundled IMU sets with the default configuration: results_tables.ALL_DEFAULTS) and the main job's runs
# (the development sets, trained on the ten others: results_tables.DEFAULTS).
set -euo pipefail
cd "$(dirname "$0")/.."
. .venv/bin/activate
read -r main wide < <(python -c "import sys; sys.path.insert(0, 'scripts'); import results_tables as r; print(r.DEFAULTS[0], r.ALL_DEFAULTS)")   # the run names live once, in results_tables
evidence=$(ls -d results/lodo-$wide-*-s[0-9] results/$main-s[0-9] | sort)
if [ "${1:-}" = "--card" ]; then
  python - $evidence <<'PY'
import sys
from imutext.ship import refresh_card
print('rewrote', refresh_card('imutext-base', 'results/imutext-base/hyperparameters.json', lodo=sys.argv[1:]))
PY
  exit
fi
run=$(imutext run nbs/runs/train.ipynb --preset base --name imutext-base "$@" | tee /dev/stderr | awk '/^run folder:/ {r = $3} END {print r}')   # the CLI's line, the last of the run's output
python - "$run" $evidence <<'PY'
import sys
from imutext.ship import ship_model
print('shipped', ship_model(sys.argv[1], 'imutext-base', lodo=sys.argv[2:]))
PY
mkdir -p results/imutext-base && cp "$run"/hyperparameters.json "$run"/metrics.json "$run"/training_plots.png results/imutext-base/   # the run the card and --card read
