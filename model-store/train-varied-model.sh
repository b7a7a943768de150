#!/usr/bin/env bash
# The model that is to hear and see what it was not trained on: corpora whose sound and look are distributions
# (three SoundFonts, per-video rooms, microphones and cameras, the drawn art style beside noto, silent instruments,
# props, non-music clips), then Mix-and-Separate from the shipped weights. None of it uses TimGM6mb or twemoji, which
# are kept for evaluation. Runs resume from their checkpoints: rerun the script after an interruption.
# Usage: model-store/train-varied-model.sh [WORK_DIR] (default /tmp/pixelplayer-varied)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${1:-/tmp/pixelplayer-varied}"
pp() { "$ROOT/pixelplayer" "$@"; }
SOUNDFONTS=/usr/share/sounds/sf2/FluidR3_GM.sf2,/usr/share/sounds/sf2/OPL-3_FM_128M.sf2,builtin   # apt: fluid-soundfont-gm opl3-soundfont
corpus() { [ -f "$1/manifest.csv" ] || pp synth --out "$@"; }

# Training corpora: solos and duets in the noto look, and a corpus of both looks with silent instruments, props and
# non-music clips.
corpus "$WORK/solos" --solos 294 --duets 0 --seconds 9 --seed 31 --soundfont "$SOUNDFONTS"
corpus "$WORK/duets" --solos 0 --duets 147 --seconds 9 --seed 32 --soundfont "$SOUNDFONTS"
corpus "$WORK/looks" --solos 168 --duets 63 --nonmusic 63 --seconds 9 --seed 33 --art-style drawn,noto \
  --silent-in-view 0.2 --distractors 0.3 --soundfont "$SOUNDFONTS"

# Run A: from the shipped weights (video stride 8), a 5000-step schedule with a short warm-up.
RESUME=(); [ -d "$WORK/runA/checkpoint" ] && RESUME=(--resume)
pp train --corpus "$WORK/solos" --corpus "$WORK/duets" --corpus "$WORK/looks" --out "$WORK/runA" \
  --start-from "$ROOT/model-store/model" "${RESUME[@]}" --steps 5000 --conf pixelplayer.model.videoStride=8 \
  --conf pixelplayer.train.duetsPerStep=8 --conf pixelplayer.train.mosaicsPerStep=8 --conf pixelplayer.train.mosaicMaskWeight=0 \
  --conf pixelplayer.train.warmupSteps=100 --conf pixelplayer.train.learningRate=1e-4

# Validation corpora (their own seeds: choices are made here, never on test seeds): the trained look and sound, the
# look and sound kept for evaluation, and non-music footage.
corpus "$WORK/val-a" --solos 84 --duets 20 --seconds 6 --seed 5101
corpus "$WORK/val-b" --solos 84 --duets 20 --seconds 6 --seed 5102 --art-style twemoji --soundfont /usr/share/sounds/sf2/TimGM6mb.sf2
corpus "$WORK/val-n" --solos 0 --duets 0 --nonmusic 40 --seconds 6 --seed 5103
for v in val-a val-b val-n; do
  pp evaluate --corpus "$WORK/$v" --model "$WORK/runA" --json
done
