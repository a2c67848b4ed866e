#!/usr/bin/env bash
# Runs the real-broker differential suite: starts a private RabbitMQ and a private Kafka 4.4 on
# 127.0.0.1 (or uses the Kafka at KAFKA_BOOTSTRAP), runs fidelity/**/*.test.ts with Vitest, and always
# stops the brokers it started (and any Kafka cluster a test started under its directory).
set -euo pipefail

cd "$(dirname "$0")/.."

# Debian puts the wrappers in /usr/sbin, which a normal user's PATH may lack.
export PATH="$PATH:/usr/sbin:/sbin"
if ! command -v rabbitmq-server >/dev/null 2>&1 && [ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1 && [ -f /etc/debian_version ]; then
    echo "fidelity: rabbitmq-server is missing; installing it with apt-get (Debian, root)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >/dev/null
  else
    echo "fidelity: rabbitmq-server is not installed and cannot be installed here (needs Debian and root)." >&2
    echo "fidelity: install RabbitMQ (e.g. 'apt-get install rabbitmq-server') and run 'npm run test:fidelity' again." >&2
    exit 2
  fi
fi

# The Python code samples run with Debian's pika (python3-pika, for /usr/bin/python3).
PYTHON=/usr/bin/python3
if ! "$PYTHON" -c 'import pika' >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1 && [ -f /etc/debian_version ]; then
    echo "fidelity: python3-pika is missing; installing it with apt-get (Debian, root)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pika >/dev/null 2>&1 ||
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-pika >/dev/null; }
  else
    echo "fidelity: pika for $PYTHON is not installed and cannot be installed here (needs Debian and root)." >&2
    echo "fidelity: install it (e.g. 'apt-get install python3-pika') and run 'npm run test:fidelity' again." >&2
    exit 2
  fi
fi
export FIDELITY_PYTHON="$PYTHON"

# A free TCP port on loopback (the AMQP port; distribution uses the one 20000 above it unless taken).
free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

WORK="$(mktemp -d /tmp/kvr-fidelity.XXXXXX)"
NODE_NAME="kvr-fidelity-$$@localhost"
AMQP_PORT="$(free_port)"
DIST_PORT="$(free_port)"
echo "[]." > "$WORK/enabled_plugins"
mkdir -p "$WORK/home" "$WORK/log"

export RABBITMQ_NODENAME="$NODE_NAME"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT="$AMQP_PORT"
export RABBITMQ_DIST_PORT="$DIST_PORT"
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
export RABBITMQ_MNESIA_BASE="$WORK/mnesia"
export RABBITMQ_LOG_BASE="$WORK/log"
export RABBITMQ_PID_FILE="$WORK/rabbit.pid"
export RABBITMQ_ENABLED_PLUGINS_FILE="$WORK/enabled_plugins"
# As root, Debian's wrappers (/usr/sbin) switch to the rabbitmq user, which must own our files;
# as anyone else, run the real scripts directly (they use this private HOME for the Erlang cookie).
if [ "$(id -u)" = "0" ] && id rabbitmq >/dev/null 2>&1; then
  chown -R rabbitmq: "$WORK"
  rmq() { "$@"; }
elif [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; then
  rmq() { local cmd="$1"; shift; HOME="$WORK/home" "/usr/lib/rabbitmq/bin/$cmd" "$@"; }
else
  rmq() { HOME="$WORK/home" "$@"; }
fi

# rabbitmqctl for this node, for tests that inspect the broker (e.g. a queue's type); it inherits the RABBITMQ_* settings.
if [ "$(id -u)" = "0" ] && id rabbitmq >/dev/null 2>&1; then
  ctl="rabbitmqctl"
elif [ -x /usr/lib/rabbitmq/bin/rabbitmqctl ]; then
  ctl="HOME='$WORK/home' /usr/lib/rabbitmq/bin/rabbitmqctl"
else
  ctl="HOME='$WORK/home' rabbitmqctl"
fi
printf '#!/usr/bin/env bash\nexport PATH="$PATH:/usr/sbin:/sbin"\n%s "$@"\n' "$ctl" > "$WORK/rabbitmqctl"
chmod 755 "$WORK/rabbitmqctl"
export FIDELITY_RABBITMQCTL="$WORK/rabbitmqctl"
# Kafka: JDK + Maven (installed when missing on Debian as root), the jars, the compiled harness.
KAFKA_SH="$PWD/fidelity/kafka/kafka.sh"
bash "$KAFKA_SH" setup

started=0
stop_broker() {
  local rc=$?
  # Every Kafka node started under $WORK/kafka* (the suite's own broker and any test's cluster).
  for d in "$WORK"/kafka*; do
    [ -d "$d" ] && bash "$KAFKA_SH" stop "$d"
  done
  # The three-node RabbitMQ cluster of fidelity/cluster.test.ts, if it is still up.
  for d in "$WORK"/rabbit-cluster-*; do
    [ -d "$d" ] && bash fidelity/rabbit-cluster.sh stop "$d"
  done
  if [ "$started" = "1" ]; then
    echo "fidelity: stopping broker $NODE_NAME"
    # With the pid file, stop waits until the broker's OS process has exited.
    rmq rabbitmqctl -q stop "$RABBITMQ_PID_FILE" >/dev/null 2>&1 || {
      [ -f "$RABBITMQ_PID_FILE" ] && kill "$(cat "$RABBITMQ_PID_FILE")" 2>/dev/null || true
    }
    # Only stops epmd when no other Erlang node is registered with it.
    epmd -kill >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap stop_broker EXIT
trap 'exit 130' INT TERM

echo "fidelity: starting RabbitMQ ($(dpkg-query -W -f='${Version}' rabbitmq-server 2>/dev/null || echo installed)) as $NODE_NAME on 127.0.0.1:$AMQP_PORT"
started=1
rmq rabbitmq-server -detached
# await_startup fails at once until epmd knows the node, so poll it.
ready=0
deadline=$((SECONDS + 60))
while [ "$SECONDS" -lt "$deadline" ]; do
  if rmq rabbitmqctl -q await_startup --timeout 5 >/dev/null 2>&1; then ready=1; break; fi
  sleep 0.5
done
if [ "$ready" != "1" ]; then
  echo "fidelity: the broker did not start within 60 s; its log:" >&2
  tail -n 40 "$WORK"/log/*.log >&2 2>/dev/null || ls -la "$WORK" "$WORK/log" >&2
  exit 1
fi
echo "fidelity: broker ready"

export FIDELITY_AMQP_URL="amqp://guest:guest@127.0.0.1:$AMQP_PORT"

if [ -n "${KAFKA_BOOTSTRAP:-}" ]; then
  echo "fidelity: using the Kafka at KAFKA_BOOTSTRAP=$KAFKA_BOOTSTRAP"
else
  KAFKA_BOOTSTRAP="$(bash "$KAFKA_SH" start "$WORK/kafka")"
  export KAFKA_BOOTSTRAP
  echo "fidelity: Kafka ready on $KAFKA_BOOTSTRAP"
fi
# Tests that need a cluster of their own start it under this directory (the trap above stops it).
export FIDELITY_KAFKA_WORK="$WORK"
npx vitest run --config fidelity/vitest.config.ts "$@"
