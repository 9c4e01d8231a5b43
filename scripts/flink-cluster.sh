#!/usr/bin/env bash
# A local Flink 1.19.0 session cluster for foiwatch: one JobManager and two TaskManagers, each its
# own JVM on 127.0.0.1, run from Maven Central jars (flink-dist is not served here).
#
#   scripts/flink-cluster.sh start|stop|status [--workdir DIR] [--rest-port N] [--rpc-port N]
#
# start   resolves the classpath (once) into the work dir, starts the JobManager, waits for its
#         REST API, starts the TaskManagers, waits until /overview reports them all, and prints
#         the REST address (what --flinkMaster takes). A failed start stops what it started.
# stop    stops the processes recorded in the work dir and waits for them to exit.
# status  prints /overview (exit 1 when the cluster is not running).
#
# Configuration: scripts/flink-cluster/config.yaml and log4j2.properties. Logs, pid files, the
# resolved classpath and Flink's temporary files go under the work dir (default
# work/flink-cluster). Environment: FLINK_TASKMANAGERS (default 2), FLINK_START_TIMEOUT (s, 90).
set -Eeuo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# The cluster processes run from the repo root, as scripts/run.sh does, so relative --input and
# --output paths name the same files in the client and the TaskManagers.
cd "$root"
conf_dir="$root/scripts/flink-cluster"

command="${1:-}"
[ $# -gt 0 ] && shift
workdir="$root/work/flink-cluster"
rest_port=""
rpc_port=""
while [ $# -gt 0 ]; do
  case "$1" in
    --workdir) workdir="$2"; shift 2 ;;
    --workdir=*) workdir="${1#*=}"; shift ;;
    --rest-port) rest_port="$2"; shift 2 ;;
    --rest-port=*) rest_port="${1#*=}"; shift ;;
    --rpc-port) rpc_port="$2"; shift 2 ;;
    --rpc-port=*) rpc_port="${1#*=}"; shift ;;
    *) echo "flink-cluster: unknown option $1" >&2; exit 2 ;;
  esac
done
mkdir -p "$workdir"
workdir="$(cd "$workdir" && pwd)"
taskmanagers="${FLINK_TASKMANAGERS:-2}"
start_timeout="${FLINK_START_TIMEOUT:-90}"

usage() {
  echo "usage: scripts/flink-cluster.sh start|stop|status [--workdir DIR] [--rest-port N] [--rpc-port N]" >&2
  exit 2
}

# A value of config.yaml, e.g. conf taskmanager.memory.task.heap.size
conf() {
  sed -n "s/^$1:[[:space:]]*//p" "$conf_dir/config.yaml" | tail -n 1 | tr -d '[:space:]'
}
# A memory size from config.yaml in mebibytes (values must be written as <n>m).
mib() {
  local v
  v="$(conf "$1")"
  case "$v" in
    *m) echo "${v%m}" ;;
    *) echo "flink-cluster: $1 must be given in m in config.yaml (is '$v')" >&2; exit 2 ;;
  esac
}

# The REST port of a running cluster is recorded at start; otherwise the requested or configured one.
rest_port_of() {
  if [ -n "$rest_port" ]; then echo "$rest_port"
  elif [ -f "$workdir/rest.port" ]; then cat "$workdir/rest.port"
  else conf rest.port
  fi
}

overview() {
  curl -fsS --max-time 3 "http://127.0.0.1:$1/overview" 2>/dev/null
}

alive() {
  [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}

stop_all() {
  local pids=() f
  for f in "$workdir"/taskmanager-*.pid "$workdir"/jobmanager.pid; do
    [ -f "$f" ] || continue
    if alive "$f"; then
      pids+=("$(cat "$f")")
      kill "$(cat "$f")" 2>/dev/null || true
    fi
  done
  # Wait up to 20 s for a clean exit, then kill what is left.
  local deadline=$((SECONDS + 20)) p left
  while :; do
    left=()
    for p in "${pids[@]+"${pids[@]}"}"; do kill -0 "$p" 2>/dev/null && left+=("$p"); done
    [ ${#left[@]} -eq 0 ] && break
    if [ $SECONDS -ge $deadline ]; then
      for p in "${left[@]}"; do kill -9 "$p" 2>/dev/null || true; done
      sleep 1
      break
    fi
    sleep 0.3
  done
  rm -f "$workdir"/taskmanager-*.pid "$workdir"/jobmanager.pid "$workdir/rest.port"
}

classpath() {
  local cp_file="$workdir/classpath.txt"
  if [ ! -s "$cp_file" ] || [ "$conf_dir/pom.xml" -nt "$cp_file" ]; then
    echo "flink-cluster: resolving the Flink 1.19.0 classpath with Maven..." >&2
    mvn -B -q -f "$conf_dir/pom.xml" dependency:build-classpath -Dmdep.outputFile="$cp_file" >&2
  fi
  cat "$cp_file"
}

start() {
  command -v java >/dev/null && command -v mvn >/dev/null && command -v curl >/dev/null || {
    # shellcheck source=/dev/null
    source "$root/scripts/setup.sh"
    command -v curl >/dev/null || apt_install curl
  }
  local port rpc
  port="${rest_port:-$(conf rest.port)}"
  rpc="${rpc_port:-$(conf jobmanager.rpc.port)}"
  if alive "$workdir/jobmanager.pid"; then
    echo "flink-cluster: already running (pid $(cat "$workdir/jobmanager.pid")); use stop first" >&2
    exit 1
  fi
  if overview "$port" >/dev/null; then
    echo "flink-cluster: something already answers on 127.0.0.1:$port" >&2
    exit 1
  fi
  local cp
  cp="$(classpath)"
  mkdir -p "$workdir/log" "$workdir/tmp"
  rm -f "$workdir"/taskmanager-*.pid "$workdir/jobmanager.pid"

  local common=(-XX:+UseG1GC -Dlog4j.configurationFile="file:$conf_dir/log4j2.properties"
    -Dlog4j2.formatMsgNoLookups=true)
  local dyn=(-D "rest.port=$port" -D "jobmanager.rpc.port=$rpc" -D "io.tmp.dirs=$workdir/tmp"
    -D "blob.storage.directory=$workdir/tmp")
  local jm_heap tm_heap tm_direct tm_meta
  jm_heap="$(mib jobmanager.memory.heap.size)"
  tm_heap=$(( $(mib taskmanager.memory.framework.heap.size) + $(mib taskmanager.memory.task.heap.size) ))
  tm_direct=$(( $(mib taskmanager.memory.framework.off-heap.size) + $(mib taskmanager.memory.task.off-heap.size) \
    + $(mib taskmanager.memory.network.max) ))
  tm_meta="$(mib taskmanager.memory.jvm-metaspace.size)"

  local started=$SECONDS
  trap 'echo "flink-cluster: start failed; stopping what was started (logs: $workdir/log)" >&2; stop_all' ERR INT TERM

  nohup java "${common[@]}" -Xms"${jm_heap}m" -Xmx"${jm_heap}m" -XX:MaxMetaspaceSize=256m \
    -Dlog.file="$workdir/log/jobmanager.log" -cp "$cp" \
    org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint \
    --configDir "$conf_dir" "${dyn[@]}" >"$workdir/log/jobmanager.out" 2>&1 &
  echo $! >"$workdir/jobmanager.pid"
  echo "$port" >"$workdir/rest.port"

  # The TaskManagers register only once the ResourceManager is up (else a 10 s back-off).
  wait_for "$port" 0 "$started"
  local i
  for i in $(seq 1 "$taskmanagers"); do
    nohup java "${common[@]}" -Xms"${tm_heap}m" -Xmx"${tm_heap}m" -XX:MaxDirectMemorySize="${tm_direct}m" \
      -XX:MaxMetaspaceSize="${tm_meta}m" -Dlog.file="$workdir/log/taskmanager-$i.log" -cp "$cp" \
      org.apache.flink.runtime.taskexecutor.TaskManagerRunner \
      --configDir "$conf_dir" "${dyn[@]}" >"$workdir/log/taskmanager-$i.out" 2>&1 &
    echo $! >"$workdir/taskmanager-$i.pid"
  done
  wait_for "$port" "$taskmanagers" "$started"
  trap - ERR INT TERM
  echo "flink-cluster: up in $((SECONDS - started)) s with $taskmanagers TaskManagers; logs in $workdir/log" >&2
  echo "127.0.0.1:$port"
}

# wait_for PORT TASKMANAGERS STARTED: until /overview answers with that many TaskManagers.
wait_for() {
  local port="$1" want="$2" started="$3" json f
  while :; do
    for f in "$workdir"/jobmanager.pid "$workdir"/taskmanager-*.pid; do
      [ -f "$f" ] || continue
      if ! alive "$f"; then
        echo "flink-cluster: $(basename "$f" .pid) exited during start; see $workdir/log/$(basename "$f" .pid).{log,out}" >&2
        tail -n 20 "$workdir/log/$(basename "$f" .pid).out" >&2 || true
        return 1
      fi
    done
    if json="$(overview "$port")"; then
      if [ "$want" -eq 0 ] || [ "$(echo "$json" | sed -n 's/.*"taskmanagers":\([0-9]*\).*/\1/p')" = "$want" ]; then
        return 0
      fi
    fi
    if [ $((SECONDS - started)) -ge "$start_timeout" ]; then
      echo "flink-cluster: not ready after ${start_timeout} s (last /overview: ${json:-none})" >&2
      return 1
    fi
    sleep 0.5
  done
}

case "$command" in
  start) start ;;
  stop)
    if ! ls "$workdir"/*.pid >/dev/null 2>&1; then
      echo "flink-cluster: not running (no pid files in $workdir)" >&2
      exit 0
    fi
    stop_all
    echo "flink-cluster: stopped" >&2
    ;;
  status)
    port="$(rest_port_of)"
    if json="$(overview "$port")"; then
      echo "flink-cluster: running at 127.0.0.1:$port" >&2
      echo "$json"
    else
      echo "flink-cluster: not running (nothing answers on 127.0.0.1:$port)" >&2
      exit 1
    fi
    ;;
  *) usage ;;
esac
