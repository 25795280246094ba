# Background processes for bench/run.sh: start, wait until ready, stop.
# Sourced, not run. Every process started here is recorded in BENCH_PIDS so
# stop_all (the EXIT trap) can end exactly those, and only those.

BENCH_PIDS=()
BENCH_LOGS=()

# A TCP port nothing listens on right now; the kernel picks it.
free_port() {
  "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_bg LOG CMD...: runs CMD in the background, output to LOG; sets LAST_PID.
start_bg() {
  local log=$1; shift
  "$@" >"$log" 2>&1 </dev/null &
  LAST_PID=$!
  BENCH_PIDS+=("$LAST_PID")
  BENCH_LOGS+=("$log")
}

# wait_until PID SECONDS CMD...: polls CMD every 50 ms; fails early if PID died.
wait_until() {
  local pid=$1 seconds=$2; shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "bench: process $pid exited before it was ready" >&2; return 1; }
    [ "$SECONDS" -lt "$deadline" ] || { echo "bench: not ready within ${seconds}s: $*" >&2; return 1; }
    sleep 0.05
  done
}

accepts_tcp() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

healthy_https() { curl -ksf "https://127.0.0.1:$1/healthcheck"; }

# stop_pid PID: SIGTERM, then SIGKILL if it is still there after 5 s.
stop_pid() {
  local pid=$1
  kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# stop_all [STATUS]: stops every recorded process, newest first; on failure
# shows the tail of each log, since the cause is usually in one of them.
stop_all() {
  local status=${1:-0} i
  for ((i = ${#BENCH_PIDS[@]} - 1; i >= 0; i--)); do stop_pid "${BENCH_PIDS[i]}"; done
  if [ "$status" -ne 0 ]; then
    for log in "${BENCH_LOGS[@]}"; do
      [ -s "$log" ] && { echo "--- $log" >&2; tail -n 20 "$log" >&2; }
    done
  fi
}

# cpu_ticks PID: user + system clock ticks the process (all threads) has used.
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

# busy_ticks: non-idle clock ticks of the whole machine, all cores.
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }

# children_cpu_ms FILE: sets CHILDREN_CPU_MS to the CPU milliseconds (user +
# system) used so far by every child this shell has waited for. `times` must
# run in this shell itself: in a subshell, $(...) included, it reports zero.
children_cpu_ms() {
  times >"$1"
  CHILDREN_CPU_MS=$(awk 'NR == 2 { total = 0
      for (i = 1; i <= 2; i++) { split($i, t, "m"); total += t[1] * 60000 + substr(t[2], 1, length(t[2]) - 1) * 1000 }
      printf "%d\n", total }' "$1")
}
