#!/usr/bin/env bash
# s3-server.sh — a real S3-compatible server on this machine, for development and tests: s3proxy 4.1.0 (Apache 2.0)
# as its own process, objects as plain files under its data folder.
#
#   deploy/local/s3-server.sh start [BUCKET ...]   start it (if not running) and create the buckets
#   deploy/local/s3-server.sh stop                 stop it
#   deploy/local/s3-server.sh status               say whether it runs, and where
#   deploy/local/s3-server.sh env                  print the S3A settings that reach it (--conf lines)
#
# Environment: S3_PORT (default 9090), S3_DATA (default .cache/s3/data), S3_ACCESS_KEY and S3_SECRET_KEY (default:
# made once per data folder and kept beside it, never in the repo). The jar is fetched by Maven into .cache/s3/ on
# first start. s3proxy runs in a JVM of its own: its AWS SDK and Jackson clash with hadoop-aws's.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HOME_DIR="$ROOT/.cache/s3"
PORT="${S3_PORT:-9090}"
DATA="${S3_DATA:-$HOME_DIR/data}"
JAR="$HOME_DIR/s3proxy-4.1.0-jar-with-dependencies.jar"
PID_FILE="$HOME_DIR/s3proxy-$PORT.pid"
LOG="$HOME_DIR/s3proxy-$PORT.log"
KEYS="$DATA.keys"

die() { echo "s3-server: $*" >&2; exit 1; }

keys() {
  if [ -n "${S3_ACCESS_KEY:-}" ] && [ -n "${S3_SECRET_KEY:-}" ]; then
    ACCESS="$S3_ACCESS_KEY"; SECRET="$S3_SECRET_KEY"; return
  fi
  if [ ! -f "$KEYS" ]; then
    mkdir -p "$(dirname "$KEYS")"
    (umask 077; printf '%s\n%s\n' "local-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')" \
      "$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')" >"$KEYS")
  fi
  ACCESS="$(sed -n 1p "$KEYS")"; SECRET="$(sed -n 2p "$KEYS")"
}

running() { [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; }

fetch() {
  [ -f "$JAR" ] && return
  mkdir -p "$HOME_DIR"
  (cd "$ROOT" && mvn -B -q dependency:copy -Dartifact=org.gaul:s3proxy:4.1.0:jar:jar-with-dependencies \
    -DoutputDirectory="$HOME_DIR") || die "cannot fetch s3proxy 4.1.0 with Maven (see ../shared/DEPENDENCIES.md)"
}

start() {
  keys
  mkdir -p "$DATA"
  if ! running; then
    fetch
    command -v java >/dev/null || die "java not found (JDK 17)"
    local conf="$HOME_DIR/s3proxy-$PORT.conf"
    (umask 077; cat >"$conf" <<EOF
s3proxy.endpoint=http://127.0.0.1:$PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$ACCESS
s3proxy.credential=$SECRET
jclouds.provider=filesystem
jclouds.filesystem.basedir=$DATA
EOF
)
    nohup java -Xmx256m -jar "$JAR" --properties "$conf" >"$LOG" 2>&1 &
    echo $! >"$PID_FILE"
    for _ in $(seq 1 100); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then break; fi
      running || die "s3proxy did not start (see $LOG)"
      sleep 0.2
    done
    (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null || die "s3proxy is not listening on port $PORT (see $LOG)"
  fi
  # With the filesystem provider a bucket is a folder under the data folder.
  for bucket in "$@"; do
    [[ "$bucket" =~ ^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$ ]] || die "not a valid bucket name: $bucket"
    mkdir -p "$DATA/$bucket"
  done
  echo "s3-server: running on http://127.0.0.1:$PORT (pid $(cat "$PID_FILE")), data in $DATA"
}

stop() {
  if running; then
    local pid; pid="$(cat "$PID_FILE")"
    kill "$pid"
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
    echo "s3-server: stopped (pid $pid)"
  else
    echo "s3-server: not running on port $PORT"
  fi
  # Its configuration holds the keys.
  rm -f "$PID_FILE" "$HOME_DIR/s3proxy-$PORT.conf"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  status)
    if running; then
      echo "s3-server: running on http://127.0.0.1:$PORT (pid $(cat "$PID_FILE")), data in" \
        "$(sed -n 's/^jclouds.filesystem.basedir=//p' "$HOME_DIR/s3proxy-$PORT.conf")"
    else
      echo "s3-server: not running on port $PORT"; exit 3
    fi ;;
  env)
    keys
    # Keys go to S3A through the environment provider chain, never on a command line.
    echo "export AWS_ACCESS_KEY_ID=$ACCESS AWS_SECRET_ACCESS_KEY=$SECRET"
    echo "--conf pixelplayer.s3.endpoint=http://127.0.0.1:$PORT --conf pixelplayer.s3.region=us-east-1 --conf pixelplayer.s3.pathStyleAccess=true --conf pixelplayer.s3.ssl=false"
    ;;
  *) echo "usage: $0 start [BUCKET ...] | stop | status | env" >&2; exit 2 ;;
esac
