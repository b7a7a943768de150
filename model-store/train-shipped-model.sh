#!/usr/bin/env bash
# Reproduces model-store/model: the corpora, then the six training runs it came from, then its evaluations.
# About 6 hours on 2 CPU cores. Usage: model-store/train-shipped-model.sh [WORK_DIR] (default /tmp/pixelplayer-model)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${1:-/tmp/pixelplayer-model}"
pp() { "$ROOT/pixelplayer" "$@"; }

# Training corpora: 21 instruments, FluidR3_GM, art style noto; solos, and duets for where-is-what.
pp synth --out "$WORK/solos" --solos 336 --duets 0 --seconds 9 --seed 21
pp synth --out "$WORK/duets" --solos 0 --duets 210 --seconds 9 --seed 22
# Run 1: Mix-and-Separate on the solos (a 3600-step schedule, stopped after 2090 steps).
pp train --corpus "$WORK/solos" --out "$WORK/run1" --steps 3600 --stop-after 2090
# Run 2: warm start from run 1, now with duet clips for the instrument head, a fresh 2500-step schedule.
pp train --corpus "$WORK/solos" --corpus "$WORK/duets" --out "$WORK/run2" --start-from "$WORK/run1" --steps 2500
# Run 3: warm start from run 2, eight duet clips a step, a 12000-step schedule stopped after 1208 steps.
pp train --corpus "$WORK/solos" --corpus "$WORK/duets" --out "$WORK/run3" --start-from "$WORK/run2" --steps 12000 --stop-after 1208 \
  --conf pixelplayer.train.duetsPerStep=8
# Run 4: warm start from run 3, a short schedule (100 warm-up steps) that decays to its end.
pp train --corpus "$WORK/solos" --corpus "$WORK/duets" --out "$WORK/run4" --start-from "$WORK/run3" --steps 3000 \
  --conf pixelplayer.train.duetsPerStep=8 --conf pixelplayer.train.warmupSteps=100
# Run 5: warm start from run 4, eight duets and eight mosaics a step, a gentle 2200-step schedule. Runs 5 and 6 trained
# the mosaics for the instrument head only (their separation loss came later, so its weight is 0 here; their tiles were
# then four random solos, now a mixture's sources and two silent solos).
pp train --corpus "$WORK/solos" --corpus "$WORK/duets" --out "$WORK/run5" --start-from "$WORK/run4" --steps 2200 \
  --conf pixelplayer.train.duetsPerStep=8 --conf pixelplayer.train.mosaicsPerStep=8 --conf pixelplayer.train.mosaicMaskWeight=0 \
  --conf pixelplayer.train.warmupSteps=100 --conf pixelplayer.train.learningRate=1e-4
# Run 6: warm start from run 5 at video stride 8 (the paper's 14 x 14 pixel map at 112 px; no weight changes shape),
# a short, gentle schedule.
pp train --corpus "$WORK/solos" --corpus "$WORK/duets" --out "$WORK/run6" --start-from "$WORK/run5" --steps 400 \
  --conf pixelplayer.model.videoStride=8 --conf pixelplayer.train.duetsPerStep=8 --conf pixelplayer.train.mosaicsPerStep=8 \
  --conf pixelplayer.train.mosaicMaskWeight=0 --conf pixelplayer.train.warmupSteps=50 --conf pixelplayer.train.learningRate=3e-5
# Held-out corpora (new seeds): the same SoundFont and style, and the other style with another SoundFont; and a
# validation corpus (its own seed), on which choices of how the model is read (ClipAnalyser's views) were made.
pp synth --out "$WORK/eval-a" --solos 147 --duets 30 --seed 1001
pp synth --out "$WORK/eval-b" --solos 147 --duets 30 --seed 1002 --art-style twemoji --soundfont /usr/share/sounds/sf2/TimGM6mb.sf2
pp synth --out "$WORK/val" --solos 147 --duets 30 --seed 1003
for corpus in eval-a eval-b val; do
  pp evaluate --corpus "$WORK/$corpus" --model "$WORK/run6" --json --record
done
echo "model in $WORK/run6 (copy pixelplayer-0000.params, model-config.json, training-curve.csv, training-corpus.properties, manifest.json)"
