#!/usr/bin/env bash
# cluster.sh — a Spark standalone cluster on this machine, from the project's own classpath (no Spark download):
# a master and workers in JVMs of their own, and spark-submit of the shaded jar to it.
#
#   deploy/standalone/cluster.sh start            a master and $WORKERS workers ($WORKER_CORES cores, $WORKER_MEMORY each)
#   deploy/standalone/cluster.sh submit VERB ...  spark-submit the shaded jar to it: pixelplayer VERB ... (client mode)
#   deploy/standalone/cluster.sh stop             stop the workers and the master
#   deploy/standalone/cluster.sh status           say what runs, and the master's URL
#
# Environment: SPARK_PORT (7077), SPARK_UI_PORT (8080; workers take the next ones), WORKERS (2), WORKER_CORES (1),
# WORKER_MEMORY (3g), CLUSTER_DIR (.cache/standalone: logs, pids, the workers' folders). The Spark installation it
# makes (.cache/standalone/spark-home/jars) links the jars Spark, Hadoop and hadoop-aws need, as a Spark distribution
# with S3 support holds them; the shaded jar (mvn -Pshaded package) brings everything else, as on any cluster.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DIR="${CLUSTER_DIR:-$ROOT/.cache/standalone}"
PORT="${SPARK_PORT:-7077}"
UI_PORT="${SPARK_UI_PORT:-8080}"
WORKERS="${WORKERS:-2}"
WORKER_CORES="${WORKER_CORES:-1}"
WORKER_MEMORY="${WORKER_MEMORY:-3g}"
MASTER="spark://127.0.0.1:$PORT"
export SPARK_HOME="$DIR/spark-home"
# Spark's launcher asks it of an installation without a release file.
export SPARK_SCALA_VERSION=2.13
JAR="$(ls "$ROOT"/jobs/target/pixelplayer-jobs-*-spark.jar 2>/dev/null | head -1 || true)"
FLAGS="$(grep -v '^#' "$ROOT/conf/jvm.options" | tr '\n' ' ')"

die() { echo "cluster: $*" >&2; exit 1; }

# A Spark installation of links: SPARK_HOME/jars holds what spark-distribution.pom.xml resolves to.
spark_home() {
  [ -f "$SPARK_HOME/jars.done" ] && return
  mkdir -p "$SPARK_HOME/jars"
  mvn -B -q -f "$ROOT/deploy/standalone/spark-distribution.pom.xml" dependency:build-classpath \
    -Dmdep.outputFile="$SPARK_HOME/distribution.classpath" || die "cannot resolve Spark's jars with Maven"
  tr ':' '\n' <"$SPARK_HOME/distribution.classpath" | while read -r jar; do ln -sf "$jar" "$SPARK_HOME/jars/"; done
  touch "$SPARK_HOME/jars.done"
}

# The AWS SDK bundle carries an old SLF4J API; the real one goes first, or Spark's logs are lost.
classpath() { echo "$(ls "$SPARK_HOME"/jars/slf4j-api-*.jar):$SPARK_HOME/jars/*"; }

running() { [ -f "$DIR/$1.pid" ] && kill -0 "$(cat "$DIR/$1.pid")" 2>/dev/null; }

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Workers the master counts alive, from its web UI's JSON.
alive_workers() {
  local reply
  reply="$( (exec 3<>"/dev/tcp/127.0.0.1/$UI_PORT" && printf 'GET /json/ HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3 \
    && cat <&3) 2>/dev/null || true)"
  grep -c '"state" : "ALIVE"' <<<"$reply" || true
}

daemon() { # NAME CLASS ARGS...
  local name="$1"; shift
  running "$name" && return
  # shellcheck disable=SC2086
  nohup java $FLAGS -Xmx512m -cp "$(classpath)" "$@" >"$DIR/$name.log" 2>&1 &
  echo $! >"$DIR/$name.pid"
}

start() {
  command -v java >/dev/null || die "java not found (JDK 17)"
  mkdir -p "$DIR"
  spark_home
  daemon master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$PORT" --webui-port "$UI_PORT"
  for _ in $(seq 1 150); do listening "$PORT" && break; running master || die "the master did not start (see $DIR/master.log)"; sleep 0.2; done
  listening "$PORT" || die "the master is not listening on port $PORT (see $DIR/master.log)"
  for i in $(seq 1 "$WORKERS"); do
    mkdir -p "$DIR/worker-$i"
    daemon "worker-$i" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores "$WORKER_CORES" \
      --memory "$WORKER_MEMORY" --work-dir "$DIR/worker-$i" --webui-port "$((UI_PORT + i))" "$MASTER"
  done
  # Ready when the master counts every worker alive.
  for _ in $(seq 1 300); do
    [ "$(alive_workers)" -ge "$WORKERS" ] && break
    for i in $(seq 1 "$WORKERS"); do running "worker-$i" || die "worker $i did not start (see $DIR/worker-$i.log)"; done
    sleep 0.2
  done
  [ "$(alive_workers)" -ge "$WORKERS" ] || die "workers did not register with the master (see $DIR)"
  echo "cluster: master $MASTER with $WORKERS workers ($WORKER_CORES cores, $WORKER_MEMORY each), logs in $DIR"
}

submit() {
  [ -n "$JAR" ] || die "no shaded jar: build it with mvn -Pshaded package -DskipTests"
  running master || die "no cluster running (deploy/standalone/cluster.sh start)"
  # shellcheck disable=SC2086
  exec java $FLAGS -cp "$(classpath)" org.apache.spark.deploy.SparkSubmit --master "$MASTER" \
    --deploy-mode client --class io.pixelplayer.jobs.cli.PixelPlayerCli \
    --conf "spark.driver.extraJavaOptions=$FLAGS" --conf "spark.executor.extraJavaOptions=$FLAGS" \
    --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
    --conf spark.executor.memory="${EXECUTOR_MEMORY:-2g}" "$JAR" "$@"
}

stop() {
  local name pid
  for name in $(cd "$DIR" 2>/dev/null && ls worker-*.pid master.pid 2>/dev/null | sed 's/\.pid$//'); do
    pid="$(cat "$DIR/$name.pid")"
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
      echo "cluster: stopped $name (pid $pid)"
    fi
    rm -f "$DIR/$name.pid"
  done
}

case "${1:-}" in
  start) start ;;
  submit) shift; submit "$@" ;;
  stop) stop ;;
  status)
    if running master; then echo "cluster: master $MASTER running, logs in $DIR"; else echo "cluster: not running"; exit 3; fi ;;
  *) echo "usage: $0 start | submit VERB [OPTIONS] | stop | status" >&2; exit 2 ;;
esac
