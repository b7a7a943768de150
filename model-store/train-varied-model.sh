#!/usr/bin/env bash
# The model that is to hear and see what it was not trained on: corpora whose sound and look are distributions
# (three SoundFonts, per-video rooms, microphones and cameras, the drawn art style beside noto, silent instruments,
# props, non-music clips), then Mix-and-Separate from the shipped weights. None of it uses TimGM6mb or twemoji, which
# are kept for evaluation. Runs resume from their checkpoints: rerun the script after an interruption.
# Usage: model-store/train-varied-model.sh [WORK_DIR] (default /tmp/pixelplayer-varied)
#   RUNS="D G" model-store/train-varied-model.sh WORK_DIR   makes only those runs (and the corpora they read), then
#   evaluates them; a run that starts from another run needs that one's weights in WORK_DIR.
#   SETS="a b n2" model-store/train-varied-model.sh WORK_DIR   makes and evaluates only those validation sets.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${1:-/tmp/pixelplayer-varied}"
pp() { "$ROOT/pixelplayer" "$@"; }
RESERVED_SOUNDFONT=/usr/share/sounds/sf2/TimGM6mb.sf2   # evaluation only, like the twemoji style
HELD_OUT=(--art-style twemoji --soundfont "$RESERVED_SOUNDFONT")   # the look and sound no run trains on
SOUNDFONTS=/usr/share/sounds/sf2/FluidR3_GM.sf2,/usr/share/sounds/sf2/OPL-3_FM_128M.sf2,builtin   # apt: fluid-soundfont-gm opl3-soundfont
corpus() { [ -f "$1/manifest.csv" ] || pp synth --out "$@"; }

# Training corpora: solos and duets in the noto look, and a corpus of both looks with silent instruments, props and
# non-music clips.
RUNS="${RUNS:-A B C D E F G H I J K L M N}"
# listed LIST WORD: whether WORD is one of LIST's space-separated words.
listed() { [[ " $1 " == *" $2 "* ]]; }
# want NAME...: whether any of those runs is to be made.
want() { local run; for run; do listed "$RUNS" "$run" && return 0; done; return 1; }
if want A B C D E F; then
  corpus "$WORK/solos" --solos 294 --duets 0 --seconds 9 --seed 31 --soundfont "$SOUNDFONTS"
  corpus "$WORK/duets" --solos 0 --duets 147 --seconds 9 --seed 32 --soundfont "$SOUNDFONTS"
  corpus "$WORK/looks" --solos 168 --duets 63 --nonmusic 63 --seconds 9 --seed 33 --art-style drawn,noto \
    --silent-in-view 0.2 --distractors 0.3 --soundfont "$SOUNDFONTS"
fi

# Settings every run shares: video stride 8 (the paper's 14 x 14 map at 112 px), 8 duets and 8 mosaics a step
# (mosaics train the head only: their pixel-level loss off), Adam at a 1e-4 peak.
SETTINGS=(--conf pixelplayer.model.videoStride=8 --conf pixelplayer.train.duetsPerStep=8
  --conf pixelplayer.train.mosaicsPerStep=8 --conf pixelplayer.train.mosaicMaskWeight=0
  --conf pixelplayer.train.learningRate=1e-4)
COMMON=(--corpus "$WORK/solos" --corpus "$WORK/duets" --corpus "$WORK/looks" "${SETTINGS[@]}")
done_at() { [ -f "$1/checkpoint/state.properties" ] && sed -n 's/^step=//p' "$1/checkpoint/state.properties" || echo 0; }
# Trains run NAME (in WORK/runNAME) over a STEPS-step schedule unless it has reached the end with its weights written,
# resuming from its checkpoint when it has one; the other arguments are train's.
train_run() {
  local name=$1 steps=$2 out="$WORK/run$1"; shift 2
  want "$name" || return 0
  [ "$(done_at "$out")" -ge "$steps" ] && [ -f "$out/pixelplayer-0000.params" ] && return 0
  local resume=(); [ -d "$out/checkpoint" ] && resume=(--resume)
  pp train --out "$out" "${resume[@]}" --steps "$steps" "$@"
}
# Trains run NAME as it ran when it was stopped after FIRST steps of a FIRST_SCHEDULE-step schedule and resumed from
# that checkpoint under a STEPS-step schedule; the other arguments are train's.
train_stretched() {
  local name=$1 first=$2 schedule=$3 steps=$4 out="$WORK/run$1"; shift 4
  want "$name" || return 0
  if [ "$(done_at "$out")" -lt "$first" ]; then
    local resume=(); [ -d "$out/checkpoint" ] && resume=(--resume)
    pp train --out "$out" "${resume[@]}" --steps "$schedule" --stop-after "$first" "$@"
  fi
  train_run "$name" "$steps" "$@"
}

# Run A, from the shipped weights: 999 steps of a 5000-step schedule (warm-up 100), then the schedule cut to 2500
# steps, resumed from the step-999 checkpoint.
train_stretched A 999 5000 2500 "${COMMON[@]}" --start-from "$ROOT/model-store/model" \
  --conf pixelplayer.train.warmupSteps=100

# Run B, from run A: a 1400-step schedule (warm-up 50), 30 % of mixtures with a non-music source (run A: 20 %; 5 of 16
# non-music validation clips got a source), batch seed 2; stopped at step RUN_B_STEPS (a run stopped at a checkpoint
# gets its weights written by resuming it to that step).
RUN_B_STEPS=${RUN_B_STEPS:-1400}
if want B && { [ "$(done_at "$WORK/runB")" -lt "$RUN_B_STEPS" ] || [ ! -f "$WORK/runB/pixelplayer-0000.params" ]; }; then
  RESUME=(); [ -d "$WORK/runB/checkpoint" ] && RESUME=(--resume)
  pp train "${COMMON[@]}" --out "$WORK/runB" --start-from "$WORK/runA" "${RESUME[@]}" --steps 1400 \
    --stop-after "$RUN_B_STEPS" --conf pixelplayer.train.warmupSteps=50 --conf pixelplayer.train.nonMusicShare=0.3 \
    --conf pixelplayer.train.seed=2
fi

# Run C, from run A (its step 2500): two more training corpora of fresh seeds (solos, and both looks with more non-music
# clips) beside the first three, a 900-step schedule (warm-up 50), 25 % of mixtures with a non-music source, batch
# seed 3.
if want C; then
  corpus "$WORK/solos2" --solos 294 --duets 0 --seconds 9 --seed 41 --soundfont "$SOUNDFONTS"
  corpus "$WORK/looks2" --solos 168 --duets 63 --nonmusic 105 --seconds 9 --seed 43 --art-style drawn,noto \
    --silent-in-view 0.2 --distractors 0.3 --soundfont "$SOUNDFONTS"
fi
train_run C 900 "${COMMON[@]}" --corpus "$WORK/solos2" --corpus "$WORK/looks2" --start-from "$WORK/runA" \
  --conf pixelplayer.train.warmupSteps=50 --conf pixelplayer.train.nonMusicShare=0.25 \
  --conf pixelplayer.train.seed=3

# Run D, from run A (its step 2500): two corpora of fresh seeds whose instruments sound unlike any one SoundFont
# (each source on an instrument of its own: brightness, body resonances, drive), the second in the drawn and both
# Fluent looks, beside the first three corpora; each clip's spectrum coloured (+-8 dB) and its frames recoloured
# (hue +-40 degrees) in every mixture; a 1000-step schedule (warm-up 50), batch seed 4.
TIMBRE=(--conf pixelplayer.synth.acoustics.timbreTiltDb=10 --conf pixelplayer.synth.acoustics.timbreResonances=3
  --conf pixelplayer.synth.acoustics.timbreResonanceDb=9 --conf pixelplayer.synth.acoustics.timbreDrive=1.5)
if want D E F; then
  corpus "$WORK/solos3" --solos 294 --duets 0 --seconds 9 --seed 51 --art-style drawn,noto --soundfont "$SOUNDFONTS" \
    "${TIMBRE[@]}"
  corpus "$WORK/looks3" --solos 168 --duets 63 --nonmusic 105 --seconds 9 --seed 53 --art-style drawn,fluent,fluent_flat \
    --silent-in-view 0.2 --distractors 0.3 --soundfont "$SOUNDFONTS" "${TIMBRE[@]}"
fi
train_run D 1000 "${COMMON[@]}" --corpus "$WORK/solos3" --corpus "$WORK/looks3" --start-from "$WORK/runA" \
  --conf pixelplayer.train.warmupSteps=50 --conf pixelplayer.train.nonMusicShare=0.25 \
  --conf pixelplayer.train.colourDb=8 --conf pixelplayer.train.frameHueDegrees=40 --conf pixelplayer.train.seed=4

# Run E, from run D: two more corpora of fresh seeds in the Fluent looks beside noto and drawn (the held-out look's
# misses on run D were mostly the nine emoji instruments, whose shapes only noto and drawn had shown), the same
# augmentations, a 1200-step schedule (warm-up 50), batch seed 5.
if want E F; then
  corpus "$WORK/solos4" --solos 294 --duets 0 --seconds 9 --seed 61 --art-style fluent,fluent_flat,noto \
    --soundfont "$SOUNDFONTS" "${TIMBRE[@]}"
  corpus "$WORK/looks4" --solos 168 --duets 63 --nonmusic 63 --seconds 9 --seed 63 --art-style fluent,fluent_flat,drawn,noto \
    --silent-in-view 0.2 --distractors 0.3 --soundfont "$SOUNDFONTS" "${TIMBRE[@]}"
fi
train_run E 1200 "${COMMON[@]}" --corpus "$WORK/solos3" --corpus "$WORK/looks3" --corpus "$WORK/solos4" \
  --corpus "$WORK/looks4" --start-from "$WORK/runD" --conf pixelplayer.train.warmupSteps=50 \
  --conf pixelplayer.train.nonMusicShare=0.25 --conf pixelplayer.train.colourDb=8 \
  --conf pixelplayer.train.frameHueDegrees=40 --conf pixelplayer.train.seed=5

# Run F, run E's A/B from run D: the same corpora, schedule and batch seed, with each clip's frames turned by up to
# +-30 degrees and zoomed 0.8-1.2 (run D still named most held-out emoji instruments wrong: emoji are drawn at an
# angle the drawn style's few degrees of turn do not reach).
train_run F 1200 "${COMMON[@]}" --corpus "$WORK/solos3" --corpus "$WORK/looks3" --corpus "$WORK/solos4" \
  --corpus "$WORK/looks4" --start-from "$WORK/runD" --conf pixelplayer.train.warmupSteps=50 \
  --conf pixelplayer.train.nonMusicShare=0.25 --conf pixelplayer.train.colourDb=8 \
  --conf pixelplayer.train.frameHueDegrees=40 --conf pixelplayer.train.frameTurnDegrees=30 \
  --conf pixelplayer.train.seed=5

# Run G, from the shipped weights in one run: two corpora of fresh seeds in which every video draws its look from all
# four training styles (drawn, whose piano, drum, congas, flute and accordion come in several designs; noto; fluent;
# fluent_flat) and its sound from three SoundFonts, each source on an instrument of its own, with silent instruments,
# props and non-music clips; every augmentation (spectra coloured +-8 dB, frames recoloured +-40 degrees, turned
# +-30 degrees and zoomed); a 1600-step schedule (warm-up 100), batch seed 7.
# varied_corpora N SOLO_SEED LOOKS_SEED renders WORK/solosN and WORK/looksN that way (each kept once made).
varied_corpora() {
  corpus "$WORK/solos$1" --solos 420 --duets 0 --seconds 9 --seed "$2" --art-style drawn,noto,fluent,fluent_flat \
    --soundfont "$SOUNDFONTS" "${TIMBRE[@]}"
  corpus "$WORK/looks$1" --solos 168 --duets 84 --nonmusic 105 --seconds 9 --seed "$3" \
    --art-style drawn,noto,fluent,fluent_flat --silent-in-view 0.2 --distractors 0.3 --soundfont "$SOUNDFONTS" \
    "${TIMBRE[@]}"
}
if want G H I J K L M N; then varied_corpora 5 71 73; fi
# Runs G to K: a quarter of mixtures with a non-music source, and every augmentation.
AUGMENTED=(--conf pixelplayer.train.nonMusicShare=0.25 --conf pixelplayer.train.colourDb=8
  --conf pixelplayer.train.frameHueDegrees=40 --conf pixelplayer.train.frameTurnDegrees=30)
train_run G 1600 --corpus "$WORK/solos5" --corpus "$WORK/looks5" "${SETTINGS[@]}" \
  --start-from "$ROOT/model-store/model" --conf pixelplayer.train.warmupSteps=100 "${AUGMENTED[@]}" \
  --conf pixelplayer.train.seed=7

# Run H, from run G: the same corpora and augmentations, a second schedule of 2000 steps (warm-up 50), batch seed 8
# (run G's validation figures were still rising when its schedule ended).
train_run H 2000 --corpus "$WORK/solos5" --corpus "$WORK/looks5" "${SETTINGS[@]}" --start-from "$WORK/runG" \
  --conf pixelplayer.train.warmupSteps=50 "${AUGMENTED[@]}" --conf pixelplayer.train.seed=8

# Run I, from run H: the same corpora and augmentations, a third schedule of 2000 steps (warm-up 50), batch seed 9
# (run H's held-out NSDR, SIR and recognition rose over run G's).
train_run I 2000 --corpus "$WORK/solos5" --corpus "$WORK/looks5" "${SETTINGS[@]}" --start-from "$WORK/runH" \
  --conf pixelplayer.train.warmupSteps=50 "${AUGMENTED[@]}" --conf pixelplayer.train.seed=9

# Run J, from run I: two more corpora of fresh seeds made as solos5 and looks5 beside them (twice the videos, so that
# more steps teach more than the first 357 videos), the same augmentations, a 2000-step schedule (warm-up 50), batch
# seed 10 (run I's held-out figures rose again, its same-style ones did not).
if want J K L M N; then varied_corpora 6 81 83; fi
TWICE_THE_VIDEOS=(--corpus "$WORK/solos5" --corpus "$WORK/looks5" --corpus "$WORK/solos6" --corpus "$WORK/looks6")
train_run J 2000 "${TWICE_THE_VIDEOS[@]}" "${SETTINGS[@]}" --start-from "$WORK/runI" \
  --conf pixelplayer.train.warmupSteps=50 "${AUGMENTED[@]}" --conf pixelplayer.train.seed=10

# Run K, from run J (which gained on every held-out figure over run I): the same corpora and augmentations, a further
# 2000-step schedule (warm-up 50), batch seed 11.
train_run K 2000 "${TWICE_THE_VIDEOS[@]}" "${SETTINGS[@]}" --start-from "$WORK/runJ" \
  --conf pixelplayer.train.warmupSteps=50 "${AUGMENTED[@]}" --conf pixelplayer.train.seed=11

# Run L, from the shipped weights with the U-Net twice as wide at its outer levels (64, 128, then 256 channels; the
# narrower one separated its own training videos no better than unseen ones, so it lacked capacity, not data): the
# shipped U-Net's weights widened so that training starts from what the shipped model computes, run J's corpora and
# augmentations, warm-up 100, batch seed 12; 668 steps of an 1800-step schedule, then the schedule stretched to 2400
# steps, resumed from the step-668 checkpoint (it ran faster than expected).
L_ARGS=("${TWICE_THE_VIDEOS[@]}" "${SETTINGS[@]}" --conf pixelplayer.model.unetChannels=64
  --start-from "$ROOT/model-store/model" --conf pixelplayer.train.warmupSteps=100 "${AUGMENTED[@]}"
  --conf pixelplayer.train.seed=12)
train_stretched L 668 1800 2400 "${L_ARGS[@]}"

# What runs M and N, each a further schedule of the wide model, share.
WIDE_FURTHER=("${TWICE_THE_VIDEOS[@]}" "${SETTINGS[@]}" --conf pixelplayer.model.unetChannels=64
  --conf pixelplayer.train.warmupSteps=50 "${AUGMENTED[@]}")
# Run M, from run L: the same corpora, augmentations and U-Net width, a further 1600-step schedule (warm-up 50), batch
# seed 13 (run L, at a third of run J's steps, was still short of it).
train_run M 1600 "${WIDE_FURTHER[@]}" --start-from "$WORK/runL" --conf pixelplayer.train.seed=13

# Run N, from run M: the same corpora, augmentations and U-Net width, warm-up 50, batch seed 14 (run M's figures were
# still rising on both the trained and the held-out look and sound); 366 steps of a 1200-step schedule, then the
# schedule shortened to 800 steps, resumed from the step-366 checkpoint (this machine trained at 0.24 steps/s, not
# 0.36). It starts from model-store/varied, which holds run M's weights, since a fresh WORK_DIR no longer holds run M.
# It separated no better than run M on either look and sound, so model-store/varied keeps run M.
train_stretched N 366 1200 800 "${WIDE_FURTHER[@]}" --start-from "$ROOT/model-store/varied" \
  --conf pixelplayer.train.seed=14

# Validation corpora (their own seeds: choices are made here, never on test seeds), each made when a set first needs it.
val_corpus() {
  local out="$WORK/$1"
  case $1 in
    # The trained look and sound, and the look and sound kept for evaluation.
    val-a) corpus "$out" --solos 84 --duets 20 --seconds 6 --seed 5101 ;;
    val-b) corpus "$out" --solos 84 --duets 20 --seconds 6 --seed 5102 "${HELD_OUT[@]}" ;;
    val-b2) corpus "$out" --solos 84 --duets 20 --seconds 6 --seed 5106 "${HELD_OUT[@]}" ;;
    # Enough non-music clips to set pixelplayer.index.minConfidence against (share given a source at most 5 %).
    val-n2) corpus "$out" --solos 0 --duets 0 --nonmusic 120 --seconds 6 --seed 5107 ;;
    # Which half of the held-out gap is sound and which is look: the reserved SoundFont alone, the reserved look alone.
    val-c) corpus "$out" --solos 84 --duets 20 --seconds 6 --seed 5104 --soundfont "$RESERVED_SOUNDFONT" ;;
    val-d) corpus "$out" --solos 84 --duets 20 --seconds 6 --seed 5105 --art-style twemoji ;;
    # The same two kinds with the dry sound (no room, microphone or noise): how much of the gap the acoustics make.
    val-a-dry) corpus "$out" --solos 84 --duets 20 --seconds 6 --seed 5111 --dry ;;
    val-b-dry) corpus "$out" --solos 84 --duets 20 --seconds 6 --seed 5112 --dry "${HELD_OUT[@]}" ;;
    val-b2-dry) corpus "$out" --solos 84 --duets 20 --seconds 6 --seed 5116 --dry "${HELD_OUT[@]}" ;;
  esac
}
# Each run's figures on each validation set, saved as WORK/eval-runNAME-SET.json and kept once written; the corpora of
# one set are evaluated together (mean and spread over them). SETS="a b n2" makes and evaluates only those sets.
VALIDATION=(a:val-a b:val-b,val-b2 n2:val-n2 c:val-c d:val-d a-dry:val-a-dry b-dry:val-b-dry,val-b2-dry)
SETS="${SETS:-a b n2 c d a-dry b-dry}"
for run in $RUNS; do
  for set in "${VALIDATION[@]}"; do
    listed "$SETS" "${set%%:*}" || continue
    out="$WORK/eval-run$run-${set%%:*}.json"
    [ -s "$out" ] && continue
    corpora=(); IFS=, read -ra names <<< "${set#*:}"
    for name in "${names[@]}"; do val_corpus "$name"; corpora+=(--corpus "$WORK/$name"); done
    pp evaluate "${corpora[@]}" --model "$WORK/run$run" --json > "$out.part" && mv "$out.part" "$out"
  done
done
