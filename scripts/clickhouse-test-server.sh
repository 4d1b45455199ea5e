#!/usr/bin/env bash
# Starts or stops a throwaway ClickHouse server for the tests: its own folder, ports and config,
# nothing shared with a system server. Usage:
#   scripts/clickhouse-test-server.sh start DIR HTTP_PORT TCP_PORT [CLUSTER_TCP_PORTS]
#   scripts/clickhouse-test-server.sh stop DIR
# CLUSTER_TCP_PORTS (comma-separated) declares a cluster `cadran_shards` with one shard per port on
# loopback, for Distributed tables. `start` prints nothing and returns once /ping answers.
set -euo pipefail

command_name=${1:-}
dir=${2:-}
if [ -z "$command_name" ] || [ -z "$dir" ]; then
  echo "usage: $0 start DIR HTTP_PORT TCP_PORT [CLUSTER_TCP_PORTS] | stop DIR" >&2
  exit 2
fi

server_binary() {
  for candidate in clickhouse-server /usr/sbin/clickhouse-server /usr/bin/clickhouse-server; do
    if command -v "$candidate" >/dev/null 2>&1; then
      command -v "$candidate"
      return
    fi
  done
  echo "clickhouse-server is not installed (Debian: apt-get install clickhouse-server)" >&2
  exit 1
}

cluster_xml() {
  local ports=$1
  [ -z "$ports" ] && return
  echo "  <remote_servers><cadran_shards>"
  for port in ${ports//,/ }; do
    echo "    <shard><replica><host>127.0.0.1</host><port>$port</port></replica></shard>"
  done
  echo "  </cadran_shards></remote_servers>"
}

write_config() {
  local http_port=$1 tcp_port=$2 cluster_ports=$3
  mkdir -p "$dir/data" "$dir/tmp" "$dir/user_files" "$dir/format_schemas"
  cat >"$dir/users.xml" <<USERS
<yandex>
  <profiles><default><max_memory_usage>2000000000</max_memory_usage></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
    <profile>default</profile><quota>default</quota></default></users>
  <quotas><default></default></quotas>
</yandex>
USERS
  cat >"$dir/config.xml" <<CONFIG
<yandex>
  <logger><level>warning</level><log>$dir/server.log</log><errorlog>$dir/error.log</errorlog></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>$http_port</http_port>
  <tcp_port>$tcp_port</tcp_port>
  <path>$dir/data/</path>
  <tmp_path>$dir/tmp/</tmp_path>
  <user_files_path>$dir/user_files/</user_files_path>
  <format_schema_path>$dir/format_schemas/</format_schema_path>
  <users_config>$dir/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>268435456</mark_cache_size>
  <max_concurrent_queries>50</max_concurrent_queries>
$(cluster_xml "$cluster_ports")
</yandex>
CONFIG
}

start() {
  local http_port=${3:?HTTP_PORT} tcp_port=${4:?TCP_PORT} cluster_ports=${5:-}
  local binary
  binary=$(server_binary)
  write_config "$http_port" "$tcp_port" "$cluster_ports"
  "$binary" --config-file="$dir/config.xml" --pid-file="$dir/server.pid" >"$dir/stdout.log" 2>&1 &
  echo $! >"$dir/launcher.pid"
  for _ in $(seq 1 150); do
    if curl -fsS "http://127.0.0.1:$http_port/ping" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$(cat "$dir/launcher.pid")" 2>/dev/null; then
      echo "clickhouse-server stopped while starting; its log:" >&2
      tail -n 20 "$dir/error.log" "$dir/stdout.log" >&2 2>/dev/null || true
      exit 1
    fi
    sleep 0.1
  done
  echo "clickhouse-server did not answer /ping on port $http_port within 15 s" >&2
  exit 1
}

stop() {
  [ -f "$dir/launcher.pid" ] || return 0
  local pid
  pid=$(cat "$dir/launcher.pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -rf "$dir"
}

case "$command_name" in
  start) start "$@" ;;
  stop) stop ;;
  *)
    echo "unknown command $command_name: start or stop" >&2
    exit 2
    ;;
esac
