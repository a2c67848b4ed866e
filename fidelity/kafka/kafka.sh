#!/usr/bin/env bash
# A private Kafka 4.4 for the fidelity suite (Maven Central's broker and Java client, exact versions in
# pom.xml), on loopback ports picked free, with its own temporary directories.
#
#   kafka.sh setup            install what is missing (Debian, root: JDK 17, Maven), fetch lib/, compile the harness
#   kafka.sh start DIR [N]    format and start N combined broker+controller nodes (default 1) under DIR;
#                             waits until all N answer; prints the bootstrap servers (also in DIR/bootstrap)
#   KAFKA_DEDICATED_CONTROLLER=1 kafka.sh start DIR N
#                             node 1 is a controller only (the single KRaft voter) and nodes 2..N+1 are
#                             brokers: killing brokers never costs the controller quorum its majority
#   kafka.sh stop DIR         stops every node started under DIR and removes DIR
#   kafka.sh classpath        the classpath of the broker, the client and the harness
#
# `start` stops what it started if it fails. Whoever calls `start` must call `stop` (scripts/fidelity.sh
# does it from an EXIT trap, so a failing test or Ctrl-C still cleans up).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
LIB="$HERE/lib"
CLASSES="$HERE/target/classes"
# Each JVM gets a modest heap: the machine is shared.
KAFKA_HEAP="${KAFKA_HEAP:--Xmx512m -Xms64m}"

say() { echo "kafka: $*" >&2; }

classpath() { echo "$LIB/*:$CLASSES"; }

need_tools() {
  local missing=()
  command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
  command -v javac >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
  command -v mvn >/dev/null 2>&1 || missing+=(maven)
  [ "${#missing[@]}" = 0 ] && return 0
  # shellcheck disable=SC2207
  missing=($(printf '%s\n' "${missing[@]}" | sort -u))
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1 && [ -f /etc/debian_version ]; then
    say "installing ${missing[*]} with apt-get (Debian, root)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    say "missing: ${missing[*]} (a JDK 17+ with javac, and Maven); install them, or set KAFKA_BOOTSTRAP and a JDK only." >&2
    exit 2
  fi
}

# lib/ holds the jars pom.xml names; a stamp of the pom's hash says they are the right ones. Maven keeps
# its own cache in ~/.m2, so a fresh lib/ on a machine that ran this before downloads nothing; a machine
# with neither downloads everything (~55 MB).
fetch_lib() {
  local stamp="$LIB/.pom-sha256" want
  want="$(sha256sum "$HERE/pom.xml" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -f "$LIB/kafka_2.13-4.4.0.jar" ]; then return 0; fi
  say "fetching the broker and the client with Maven into fidelity/kafka/lib/"
  rm -rf "$LIB"
  mvn -B -q -f "$HERE/pom.xml" dependency:copy-dependencies >&2
  echo "$want" >"$stamp"
}

compile_harness() {
  local stamp="$CLASSES/.src-sha256" want
  want="$(cat "$HERE/Harness.java" "$HERE/pom.xml" | sha256sum | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  rm -rf "$CLASSES"
  mkdir -p "$CLASSES"
  javac -nowarn -encoding UTF-8 -d "$CLASSES" -cp "$LIB/*" "$HERE/Harness.java" >&2
  echo "$want" >"$stamp"
}

setup() {
  need_tools
  fetch_lib
  compile_harness
}

# N free TCP ports on loopback, all held open until every one is chosen (so they differ).
free_ports() {
  node -e "
    const net = require('net'); const n = Number(process.argv[1]); const ss = []; const ports = [];
    const next = () => { if (ports.length === n) { console.log(ports.join(' ')); ss.forEach((s) => s.close()); return; }
      const s = net.createServer(); ss.push(s); s.listen(0, '127.0.0.1', () => { ports.push(s.address().port); next(); }); };
    next();" "$1"
}

# Small settings so a node starts in seconds and retention and compaction act within a second.
node_config() {
  local dir="$1" id="$2" n="$3" broker_port="$4" controller_port="$5" voters="$6" roles="${7:-broker,controller}"
  local rf=$((n < 3 ? n : 3))
  [ "$roles" = controller ] || printf 'advertised.listeners=PLAINTEXT://127.0.0.1:%s\ninter.broker.listener.name=PLAINTEXT\n' "$broker_port"
  if [ "$roles" = broker ]; then
    printf 'process.roles=broker\nlisteners=PLAINTEXT://127.0.0.1:%s\n' "$broker_port"
  elif [ "$roles" = controller ]; then
    printf 'process.roles=controller\nlisteners=CONTROLLER://127.0.0.1:%s\n' "$controller_port"
  else
    printf 'process.roles=broker,controller\nlisteners=PLAINTEXT://127.0.0.1:%s,CONTROLLER://127.0.0.1:%s\n' "$broker_port" "$controller_port"
  fi
  cat <<EOF
node.id=$id
controller.quorum.voters=$voters
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$dir/data
auto.create.topics.enable=false
num.partitions=1
default.replication.factor=1
num.network.threads=2
num.io.threads=2
num.replica.fetchers=1
background.threads=4
offsets.topic.replication.factor=$rf
offsets.topic.num.partitions=5
transaction.state.log.replication.factor=$rf
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=5
share.coordinator.state.topic.replication.factor=$rf
share.coordinator.state.topic.min.isr=1
share.coordinator.state.topic.num.partitions=5
group.initial.rebalance.delay.ms=0
group.min.session.timeout.ms=500
group.consumer.min.session.timeout.ms=1000
group.consumer.session.timeout.ms=6000
group.consumer.min.heartbeat.interval.ms=200
group.consumer.heartbeat.interval.ms=500
group.share.min.session.timeout.ms=1000
group.share.session.timeout.ms=6000
group.share.min.heartbeat.interval.ms=200
group.share.heartbeat.interval.ms=500
group.share.min.record.lock.duration.ms=1000
log.retention.check.interval.ms=200
log.cleaner.backoff.ms=100
log.cleaner.threads=1
log.cleaner.dedupe.buffer.size=8388608
log.initial.task.delay.ms=0
EOF
}

start() {
  local dir="$1" brokers="${2:-1}" n="${2:-1}" dedicated="${KAFKA_DEDICATED_CONTROLLER:-}"
  [ -z "$dedicated" ] || n=$((brokers + 1))
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  # shellcheck disable=SC2207
  local ports=($(free_ports $((2 * n))))
  local voters="" bootstrap="" i
  for i in $(seq 1 "$n"); do
    if [ -z "$dedicated" ] || [ "$i" = 1 ]; then voters+="${voters:+,}$i@127.0.0.1:${ports[$((2 * i - 1))]}"; fi
    if [ -z "$dedicated" ] || [ "$i" != 1 ]; then bootstrap+="${bootstrap:+,}127.0.0.1:${ports[$((2 * i - 2))]}"; fi
  done
  role() { if [ -z "$dedicated" ]; then echo broker,controller; elif [ "$1" = 1 ]; then echo controller; else echo broker; fi; }
  # base64url may begin with "-", which the format tool would read as an option: hence --cluster-id=ID.
  local cluster_id
  cluster_id="$(node -e "console.log(require('crypto').randomBytes(16).toString('base64url'))")"
  trap 'say "start failed; stopping what it started"; stop "$dir" keep; trap - ERR; exit 1' ERR
  local cp
  cp="$(classpath)"
  for i in $(seq 1 "$n"); do
    local nd="$dir/node-$i"
    mkdir -p "$nd/data" "$nd/logs"
    node_config "$nd" "$i" "$brokers" "${ports[$((2 * i - 2))]}" "${ports[$((2 * i - 1))]}" "$voters" "$(role "$i")" >"$nd/server.properties"
    # shellcheck disable=SC2086
    java $KAFKA_HEAP -XX:+UseSerialGC -cp "$cp" -Dlog4j2.configurationFile="$HERE/log4j2-broker.properties" \
      -Dkafka.logs.dir="$nd/logs" kafka.tools.StorageTool format --cluster-id="$cluster_id" -c "$nd/server.properties" >"$nd/logs/format.out" 2>&1 &
  done
  wait
  # A format that died (a loaded machine once left no meta.properties and the node refused to start):
  # run it again, alone, before starting anything.
  for i in $(seq 1 "$n"); do
    local nd="$dir/node-$i"
    [ -f "$nd/data/meta.properties" ] && continue
    say "node $i: formatting again (the first format left no meta.properties)"
    # shellcheck disable=SC2086
    java $KAFKA_HEAP -XX:+UseSerialGC -cp "$cp" -Dlog4j2.configurationFile="$HERE/log4j2-broker.properties" \
      -Dkafka.logs.dir="$nd/logs" kafka.tools.StorageTool format --cluster-id="$cluster_id" -c "$nd/server.properties" >>"$nd/logs/format.out" 2>&1 ||
      true
    if [ ! -f "$nd/data/meta.properties" ]; then
      say "node $i: format failed twice; its output:"
      tail -n 30 "$nd/logs/format.out" >&2 || true
      false
    fi
  done
  for i in $(seq 1 "$n"); do
    local nd="$dir/node-$i"
    # shellcheck disable=SC2086
    java $KAFKA_HEAP -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Djava.awt.headless=true \
      -Dlog4j2.configurationFile="$HERE/log4j2-broker.properties" -Dkafka.logs.dir="$nd/logs" \
      -cp "$cp" kafka.Kafka "$nd/server.properties" >"$nd/logs/stdout.log" 2>&1 &
    echo $! >"$nd/pid"
  done
  say "starting $n node(s) of Kafka 4.4.0 on $bootstrap (cluster $cluster_id, $dir)"
  if ! echo '{"op":"awaitBrokers","count":'"$brokers"',"timeoutMs":90000}' |
    java -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dlog4j2.configurationFile="$HERE/log4j2-client.properties" \
      -cp "$cp" Harness "$bootstrap" | grep -q '"ok":true'; then
    say "the brokers did not answer within 90 s; their logs:"
    for i in $(seq 1 "$n"); do tail -n 30 "$dir/node-$i/logs/server.log" "$dir/node-$i/logs/stdout.log" >&2 2>/dev/null || true; done
    false
  fi
  trap - ERR
  echo "$bootstrap" >"$dir/bootstrap"
  echo "$bootstrap"
}

# Stops every node under DIR: SIGTERM (a clean shutdown), SIGKILL whatever is left after 20 s.
stop() {
  local dir="$1" keep="${2:-}" pids=() f pid
  for f in "$dir"/node-*/pid; do
    [ -f "$f" ] || continue
    pid="$(cat "$f")"
    kill -0 "$pid" 2>/dev/null && pids+=("$pid") && kill -TERM "$pid" 2>/dev/null || true
  done
  local deadline=$((SECONDS + 20))
  for pid in "${pids[@]}"; do
    while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.2; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
  done
  [ -n "$keep" ] || rm -rf "$dir"
}

case "${1:-}" in
  setup) setup ;;
  start) start "$2" "${3:-1}" ;;
  stop) stop "$2" ;;
  classpath) classpath ;;
  *)
    echo "usage: kafka.sh setup | start DIR [N] | stop DIR | classpath" >&2
    exit 2
    ;;
esac
