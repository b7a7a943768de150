#!/usr/bin/env bash
# A model's figures over fresh corpora of one kind: renders one corpus per seed with the same synth options, then
# evaluates the model on all of them at once and prints the mean, the spread and each corpus's figures (JSON).
# Corpora already rendered (same folder) are reused. Use seeds no model was trained or tuned on.
#
# Usage: model-store/evaluate-fresh-seeds.sh [--model DIR] [--work DIR] --seeds S1,S2,S3 [-- SYNTH_OPTIONS ...]
#   e.g. model-store/evaluate-fresh-seeds.sh --seeds 3101,3102,3103 -- --solos 84 --duets 20 --seconds 6 \
#          --art-style twemoji --soundfont /usr/share/sounds/sf2/TimGM6mb.sf2
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
MODEL=()
WORK=/tmp/pixelplayer-fresh-seeds
SEEDS=""
while [ $# -gt 0 ]; do
  case "$1" in
    --model) MODEL=(--model "$2"); shift 2 ;;
    --work) WORK="$2"; shift 2 ;;
    --seeds) SEEDS="$2"; shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "evaluate-fresh-seeds: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$SEEDS" =~ ^[0-9]+(,[0-9]+)+$ ]] || { echo "evaluate-fresh-seeds: --seeds needs two or more seeds, e.g. 3101,3102,3103" >&2; exit 2; }
# One folder per kind of corpus (its synth options) and seed, so that different kinds never share a corpus.
KIND=$(printf '%s\0' "$@" | sha256sum | cut -c1-10)
CORPORA=()
IFS=, read -ra SEED_LIST <<<"$SEEDS"
for seed in "${SEED_LIST[@]}"; do
  corpus="$WORK/$KIND-seed-$seed"
  [ -f "$corpus/manifest.csv" ] || "$ROOT/pixelplayer" synth --out "$corpus" --seed "$seed" "$@" >&2
  CORPORA+=(--corpus "$corpus")
done
exec "$ROOT/pixelplayer" evaluate "${CORPORA[@]}" "${MODEL[@]}" --json
