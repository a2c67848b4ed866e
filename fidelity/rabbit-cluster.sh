#!/usr/bin/env bash
# A three-node RabbitMQ cluster on loopback for fidelity/cluster.test.ts, from Debian's rabbitmq-server.
#   rabbit-cluster.sh start DIR      start nodes 1..3 under DIR (names kvr-cluster-<n>-<id>@localhost,
#                                    AMQP and distribution ports free on 127.0.0.1), join 2 and 3 to 1;
#                                    prints one AMQP URL per line
#   rabbit-cluster.sh kill DIR N     kill -9 node N (its beam.smp)
#   rabbit-cluster.sh restart DIR N  start node N again (same name, ports and data) and wait for it
#   rabbit-cluster.sh stop DIR       stop every node started under DIR (scripts/fidelity.sh's EXIT trap calls it)
set -euo pipefail
export PATH="$PATH:/usr/sbin:/sbin"
cmd="$1"
DIR="$2"

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

# As root, Debian's wrappers switch to the rabbitmq user (its cookie is shared by all nodes).
if [ "$(id -u)" = "0" ] && id rabbitmq >/dev/null 2>&1; then
  rmq() { "$@"; }
  own() { chown -R rabbitmq: "$1"; }
else
  rmq() { local c="$1"; shift; HOME="$DIR/home" "/usr/lib/rabbitmq/bin/$c" "$@"; }
  own() { :; }
fi

node_env() {
  local n="$1" d="$DIR/node$1"
  # shellcheck disable=SC1091
  . "$d/ports"
  export RABBITMQ_NODENAME="$NAME"
  export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
  export RABBITMQ_NODE_PORT="$AMQP_PORT"
  export RABBITMQ_DIST_PORT="$DIST_PORT"
  export ERL_EPMD_ADDRESS=127.0.0.1
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
  export RABBITMQ_MNESIA_BASE="$d/mnesia"
  export RABBITMQ_LOG_BASE="$d/log"
  export RABBITMQ_PID_FILE="$d/rabbit.pid"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$DIR/enabled_plugins"
  : "$n"
}

await_node() {
  local deadline=$((SECONDS + 90))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if rmq rabbitmqctl -q await_startup --timeout 5 >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "rabbit-cluster: node $RABBITMQ_NODENAME did not start within 90 s" >&2
  tail -n 30 "$RABBITMQ_LOG_BASE"/*.log >&2 2>/dev/null || true
  return 1
}

# The beam.smp of node N, only if that process is still this node (a stale pid file names nothing).
node_pid() {
  local pid name
  pid="$(cat "$DIR/node$1/rabbit.pid" 2>/dev/null)" || return 1
  name="$(. "$DIR/node$1/ports" && echo "$NAME")"
  tr '\0' '\n' < "/proc/$pid/environ" 2>/dev/null | grep -qx -- "RABBITMQ_NODENAME=$name" || return 1
  echo "$pid"
}

start_node() {
  (node_env "$1" && rmq rabbitmq-server -detached)
}

case "$cmd" in
  start)
    mkdir -p "$DIR/home"
    echo "[]." > "$DIR/enabled_plugins"
    id="$$"
    for n in 1 2 3; do
      mkdir -p "$DIR/node$n/log"
      printf 'NAME=kvr-cluster-%s-%s@localhost\nAMQP_PORT=%s\nDIST_PORT=%s\n' "$n" "$id" "$(free_port)" "$(free_port)" > "$DIR/node$n/ports"
    done
    own "$DIR"
    for n in 1 2 3; do start_node "$n"; done
    for n in 1 2 3; do (node_env "$n" && await_node); done
    first="$(. "$DIR/node1/ports" && echo "$NAME")"
    for n in 2 3; do
      (
        node_env "$n"
        rmq rabbitmqctl -q stop_app >/dev/null
        rmq rabbitmqctl -q join_cluster "$first" >/dev/null
        rmq rabbitmqctl -q start_app >/dev/null
      )
    done
    for n in 1 2 3; do (. "$DIR/node$n/ports" && echo "amqp://guest:guest@127.0.0.1:$AMQP_PORT"); done
    ;;
  kill)
    kill -9 "$(node_pid "$3")"
    ;;
  restart)
    start_node "$3"
    (node_env "$3" && await_node)
    ;;
  stop)
    for n in 1 2 3; do
      pid="$(node_pid "$n" 2>/dev/null)" || continue
      (node_env "$n" && rmq rabbitmqctl -q stop "$RABBITMQ_PID_FILE" >/dev/null 2>&1) || kill -9 "$pid" 2>/dev/null || true
    done
    ;;
  *)
    echo "usage: rabbit-cluster.sh start|kill|restart|stop DIR [N]" >&2
    exit 2
    ;;
esac
