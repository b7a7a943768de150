#!/usr/bin/env bash
# run-nightly.sh — one nightly index run, for cron or a systemd timer.
#
#   INPUT=s3a://bucket/videos WAREHOUSE=s3a://bucket/warehouse deploy/nightly/run-nightly.sh
#
# Runs `pixelplayer nightly` (Spark master from pixelplayer.spark.master or NIGHTLY_ARGS="--master URL") under a lock so that two runs never
# overlap, and appends what it printed, with start and end times and the exit code, to the run log (LOG, default
# /var/log/pixelplayer/nightly.log). The warehouse keeps its own record of every committed run: `pixelplayer sql
# --warehouse URI "SELECT * FROM runs ORDER BY run_id DESC"`. A run that dies is cleared and redone by the next one.
# After a nightly that succeeded, `pixelplayer maintain` expires old snapshots and removes unreferenced files and stems
# (MAINTAIN=0 skips it; pixelplayer.maintain.keepDays and keepSnapshots say what stays).
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="${PIXELPLAYER_HOME:-$(cd "$HERE/../.." && pwd)}"
: "${INPUT:?set INPUT to the folder of videos (local path, file:, s3a://...)}"
: "${WAREHOUSE:?set WAREHOUSE to the warehouse URI}"
LOG="${LOG:-/var/log/pixelplayer/nightly.log}"
LOCK="${LOCK:-/tmp/pixelplayer-nightly.lock}"
EXTRA=(${NIGHTLY_ARGS:-})

mkdir -p "$(dirname "$LOG")"
exec 9>"$LOCK"
if ! flock -n 9; then
  echo "$(date -u +%FT%TZ) nightly: skipped, the previous run still holds $LOCK" >>"$LOG"
  exit 0
fi

echo "$(date -u +%FT%TZ) nightly: start input=$INPUT warehouse=$WAREHOUSE" >>"$LOG"
"$ROOT/pixelplayer" nightly --input "$INPUT" --warehouse "$WAREHOUSE" "${EXTRA[@]}" >>"$LOG" 2>&1
code=$?
echo "$(date -u +%FT%TZ) nightly: end exit=$code" >>"$LOG"
if [ "$code" -eq 0 ] && [ "${MAINTAIN:-1}" != 0 ]; then
  "$ROOT/pixelplayer" maintain --warehouse "$WAREHOUSE" "${EXTRA[@]}" >>"$LOG" 2>&1
  code=$?
  echo "$(date -u +%FT%TZ) maintain: end exit=$code" >>"$LOG"
fi
exit $code
