#!/usr/bin/env bash
# `make bench`: builds release binaries, measures submission throughput,
# one-job latency against a fake switch on loopback (plain and structured
# jobs), every platform on the simulator, and the TextFSM engine over
# ntc-templates' conformance corpus beside Python's, and rewrites
# docs/benchmarks.md with the figures. Every process it starts is stopped on
# exit, whether the run succeeds or not. Method: see docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PY:-.venv/bin/python}
SCRATCH=.build-release   # never .build: a debug build may hold its lock
ROUNDS=${BENCH_ROUNDS:-20}
# Netmiko's SSHDetect costs ~7 s per probe command: one round on a platform it finds with its
# first command, and NAAS's autodetect on platforms that need several commands.
PLATFORM_OPTIONS="--count 10 --autodetect-count 1 --autodetect-platforms arista_eos,huawei"
# ntc-templates' conformance corpus: every case, three rounds on each side.
CORPUS=${NTC_TEMPLATES_TESTS:-/work/shared/ntc-templates-tests}
TEXTFSM_OPTIONS="--rounds 3"
# The fleet: a queue of 1,000 jobs on 50 simulated devices, drained by 1, 2 and 4 worker processes;
# then 240 jobs on devices that answer each command after 100 ms.
FLEET_OPTIONS="--jobs 1000 --processes 1,2,4 --slow-jobs 240 --slow-latency-ms 100"
WRK_OPTIONS="-t2 -c8 -d${BENCH_WRK_DURATION:-10s} --latency"
# The submission share: this many alternating pairs of a bare request run and a submission run.
# Nine, not five: two back-to-back five-round runs of one binary gave medians of 48% and 52%.
SHARE_ROUNDS=9
SHARE_WRK_OPTIONS="-t2 -c8 -d4s --latency"
# 1,000 jobs at once, each to its own simulated device answering every command after 1 s.
SESSIONS_OPTIONS="--devices 1000 --latency-ms 1000"
REPORT=docs/benchmarks.md
# BENCH_SMOKE=1 (run by `make test`): the whole pipeline, briefly, on the
# debug binaries already built, reporting to a scratch file: it proves the
# benchmark still runs, it does not measure.
if [ "${BENCH_SMOKE:-0}" = 1 ]; then
  ROUNDS=3
  PLATFORM_OPTIONS="--count 1 --autodetect-count 0"
  TEXTFSM_OPTIONS="--rounds 1 --limit 100"
  FLEET_OPTIONS="--jobs 40 --processes 1,2 --slow-jobs 16 --slow-latency-ms 20"
  WRK_OPTIONS="-t2 -c8 -d2s --latency"
  SHARE_ROUNDS=1
  SHARE_WRK_OPTIONS="-t2 -c8 -d1s --latency"
  SESSIONS_OPTIONS="--devices 20 --latency-ms 50 --former-sample 8 --netmiko-sample 4"
  BENCH_SKIP_BUILD=1
  REPORT=$(mktemp "${TMPDIR:-/tmp}/naas-bench-smoke.XXXXXX.md")
fi
DEVICE_USER=bench
DEVICE_PASSWORD=bench-pw-1
ENABLE_SECRET=bench-en-1

source bench/processes.sh

# The templates folder both TextFSM engines read, and the one `naas serve` parses structured jobs with.
TEMPLATES_DIR=${NAAS_TEMPLATES_DIR:-$("$PY" -c 'import ntc_templates, os; print(os.path.join(os.path.dirname(ntc_templates.__file__), "templates"))')}

# BENCH_SKIP_BUILD=1 re-measures the binaries already in $SCRATCH.
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  echo "bench: release build into $SCRATCH"
  for product in naas naas-bench naas-sim; do
    swift build -c release --scratch-path "$SCRATCH" --product "$product"
  done
fi
if [ "${BENCH_SMOKE:-0}" = 1 ]; then
  BIN=$(swift build --show-bin-path)
else
  BIN=$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/naas-bench.XXXXXX")
RESULTS=$WORK/results
mkdir -p "$RESULTS"
trap 'status=$?; stop_all "$status"; rm -rf "$WORK"; exit "$status"' EXIT
trap 'exit 130' INT TERM

# start_naas WORKERS NAME [ARGS...]: a server with its own data directory; sets NAAS_PORT and NAAS_PID.
# Rate limits stay on (for Basic callers too) but out of reach, so their counting is measured without refusing the load.
# Logs (the audit trail too) are left out: the figures are the service's, not its log writer's.
start_naas() {
  NAAS_PORT=$(free_port)
  start_bg "$WORK/naas-$2.log" env RATE_LIMIT_PER_CALLER=1000000000 RATE_LIMIT_PER_DEVICE=1000000000 RATE_LIMIT_BASIC=1 \
    NAAS_AUDIT_LOG_LEVEL=warning \
    "$BIN/naas" serve --host 127.0.0.1 --port "$NAAS_PORT" \
    --data-dir "$WORK/data-$2" --workers "$1" --log-level warning "${@:3}"
  NAAS_PID=$LAST_PID
  wait_until "$NAAS_PID" 60 healthy_https "$NAAS_PORT"
}

echo "bench: fake switch (enable mode)"
DEVICE_PORT=$(free_port)
start_bg "$WORK/device.log" "$PY" IntegrationTests/peers/fake_switches_launcher.py \
  --device "bench:cisco_generic:$DEVICE_PORT:enabled" \
  --username "$DEVICE_USER" --password "$DEVICE_PASSWORD" --enable-secret "$ENABLE_SECRET"
wait_until "$LAST_PID" 30 accepts_tcp "$DEVICE_PORT"
DEVICE=(--port "$DEVICE_PORT" --user "$DEVICE_USER" --password "$DEVICE_PASSWORD")
# One untimed round, so no tool pays for the fake switch's first-connection warm-up.
"$BIN/naas-bench" floor "${DEVICE[@]}" --count 1 >/dev/null

echo "bench: submission throughput (wrk $WRK_OPTIONS, --workers 1 --hold-jobs)"
# Held workers accept the jobs but run none: the run measures the API and the store alone.
start_naas 1 submit --hold-jobs
export NAAS_BENCH_AUTH NAAS_BENCH_DEVICE_PORT=$DEVICE_PORT
NAAS_BENCH_AUTH=$(printf '%s:%s' "$DEVICE_USER" "$DEVICE_PASSWORD" | base64 -w0)
# CPU shares during the run, to tell a slow server from a crowded machine.
naas_before=$(cpu_ticks "$NAAS_PID"); busy_before=$(busy_ticks)
children_cpu_ms "$WORK/times"; wrk_before=$CHILDREN_CPU_MS
# shellcheck disable=SC2086 # WRK_OPTIONS is a list of words on purpose
wrk $WRK_OPTIONS -s bench/wrk/submit.lua "https://127.0.0.1:$NAAS_PORT/v1/send_command" | tee "$WORK/wrk.txt"
naas_after=$(cpu_ticks "$NAAS_PID"); busy_after=$(busy_ticks)
children_cpu_ms "$WORK/times"; wrk_after=$CHILDREN_CPU_MS
grep '^BENCH_JSON ' "$WORK/wrk.txt" | cut -d' ' -f2- >"$RESULTS/throughput.json"
jobs_total=$(curl -ksf -u "$DEVICE_USER:$DEVICE_PASSWORD" "https://127.0.0.1:$NAAS_PORT/v1/jobs?per_page=1" \
  | "$PY" -c 'import json, sys; print(json.load(sys.stdin)["pagination"]["total"])')
cat >"$RESULTS/store.json" <<JSON
{"jobs_total": $jobs_total, "naas_cpu_ticks": $((naas_after - naas_before)),
 "machine_busy_ticks": $((busy_after - busy_before)), "ticks_per_s": $(getconf CLK_TCK),
 "wrk_cpu_ms": $((wrk_after - wrk_before))}
JSON

echo "bench: submission throughput with an API key (v2, wrk $WRK_OPTIONS)"
NAAS_BENCH_TOKEN=$("$BIN/naas" keys create --role operator --data-dir "$WORK/data-submit" 2>/dev/null \
  | "$PY" -c 'import json, sys; print(json.load(sys.stdin)["token"])')
# shellcheck disable=SC2086
NAAS_BENCH_TOKEN=$NAAS_BENCH_TOKEN NAAS_BENCH_USER=$DEVICE_USER NAAS_BENCH_PASSWORD=$DEVICE_PASSWORD \
  wrk $WRK_OPTIONS -s bench/wrk/submit.lua "https://127.0.0.1:$NAAS_PORT/v2/send-command" | tee "$WORK/wrk-key.txt"
grep '^BENCH_JSON ' "$WORK/wrk-key.txt" | cut -d' ' -f2- >"$RESULTS/throughput_key.json"
stop_pid "$NAAS_PID"

echo "bench: submissions with the audit trail on, beside a bare HTTPS request on the same server ($SHARE_ROUNDS rounds of each, wrk $SHARE_WRK_OPTIONS)"
# The service as deployed: default log levels (every request's audit line), its output to a file.
SHARE_PORT=$(free_port)
start_bg "$WORK/naas-share.log" env RATE_LIMIT_PER_CALLER=1000000000 RATE_LIMIT_PER_DEVICE=1000000000 RATE_LIMIT_BASIC=1 \
  "$BIN/naas" serve --host 127.0.0.1 --port "$SHARE_PORT" --data-dir "$WORK/data-share" --workers 1 --hold-jobs
SHARE_PID=$LAST_PID
wait_until "$SHARE_PID" 60 healthy_https "$SHARE_PORT"
# Rounds alternate bare and audited, each $SHARE_WRK_OPTIONS: this shared machine's speed drifts by
# tens of percent within a minute, so one long run of each would compare two different machines.
: >"$RESULTS/bare.jsonl"
: >"$RESULTS/audited.jsonl"
for round in $(seq "$SHARE_ROUNDS"); do
  # shellcheck disable=SC2086
  wrk $SHARE_WRK_OPTIONS -s bench/wrk/bare.lua "https://127.0.0.1:$SHARE_PORT/bench-no-such-route" | tee "$WORK/wrk-bare-$round.txt"
  grep '^BENCH_JSON ' "$WORK/wrk-bare-$round.txt" | cut -d' ' -f2- >>"$RESULTS/bare.jsonl"
  # shellcheck disable=SC2086
  wrk $SHARE_WRK_OPTIONS -s bench/wrk/submit.lua "https://127.0.0.1:$SHARE_PORT/v1/send_command" | tee "$WORK/wrk-audited-$round.txt"
  grep '^BENCH_JSON ' "$WORK/wrk-audited-$round.txt" | cut -d' ' -f2- >>"$RESULTS/audited.jsonl"
done
audit_lines=$(grep -c '"event":"job.submitted"' "$WORK/naas-share.log" || true)
echo "{\"audit_lines\": $audit_lines}" >"$RESULTS/audited_log.json"
stop_pid "$SHARE_PID"

echo "bench: end-to-end latency ($ROUNDS sequential jobs, --workers 8, no session reuse)"
# Every job cold (a new connection and login), as the latency target is set for; reuse is measured below.
start_naas 8 e2e --sessions-per-device 0
"$PY" bench/e2e_latency.py --url "https://127.0.0.1:$NAAS_PORT" --device-port "$DEVICE_PORT" \
  --user "$DEVICE_USER" --password "$DEVICE_PASSWORD" --count "$ROUNDS" | tee "$RESULTS/e2e.json"

echo "bench: result reads (wrk $WRK_OPTIONS, one finished job, as polling clients do)"
finished_job=$(curl -ksf -u "$DEVICE_USER:$DEVICE_PASSWORD" "https://127.0.0.1:$NAAS_PORT/v1/jobs?per_page=1&status=finished" \
  | "$PY" -c 'import json, sys; print(json.load(sys.stdin)["jobs"][0]["job_id"])')
# shellcheck disable=SC2086
wrk $WRK_OPTIONS -s bench/wrk/read.lua "https://127.0.0.1:$NAAS_PORT/v1/send_command/$finished_job" | tee "$WORK/wrk-read.txt"
grep '^BENCH_JSON ' "$WORK/wrk-read.txt" | cut -d' ' -f2- >"$RESULTS/reads.json"

echo "bench: job listings (wrk $WRK_OPTIONS, the finished jobs of the latency run)"
# shellcheck disable=SC2086
wrk $WRK_OPTIONS -s bench/wrk/read.lua "https://127.0.0.1:$NAAS_PORT/v1/jobs?per_page=100" | tee "$WORK/wrk-list.txt"
grep '^BENCH_JSON ' "$WORK/wrk-list.txt" | cut -d' ' -f2- >"$RESULTS/listings.json"
stop_pid "$NAAS_PID"

echo "bench: end-to-end latency of structured jobs ($ROUNDS sequential jobs, v2 send-command-structured, --workers 8)"
# A fresh server, as for the plain run: its first job also compiles the template.
start_naas 8 e2e-structured --templates-dir "$TEMPLATES_DIR" --sessions-per-device 0
"$PY" bench/e2e_latency.py --structured --url "https://127.0.0.1:$NAAS_PORT" --device-port "$DEVICE_PORT" \
  --user "$DEVICE_USER" --password "$DEVICE_PASSWORD" --count "$ROUNDS" | tee "$RESULTS/e2e_structured.json"
stop_pid "$NAAS_PID"

echo "bench: warm jobs (a reused session) beside cold ones ($ROUNDS pairs, v2 2.14, --workers 8, one naas-sim device)"
# The simulator answers at once, where the fake switch takes milliseconds of Python per command:
# what is left of a warm job is then NAAS's own work.
cat >"$WORK/warm-sim.json" <<JSON
{"host": "127.0.0.1", "devices": [{"name": "warm", "platform": "cisco_ios", "port": 0,
 "username": "$DEVICE_USER", "password": "$DEVICE_PASSWORD", "enable_secret": "$ENABLE_SECRET"}]}
JSON
start_bg "$WORK/warm-sim.log" "$BIN/naas-sim" --config "$WORK/warm-sim.json"
WARM_SIM_PID=$LAST_PID
wait_until "$WARM_SIM_PID" 60 grep -q '^ready$' "$WORK/warm-sim.log"
WARM_DEVICE_PORT=$(sed -n 's/^device .*ssh=\([0-9]*\).*/\1/p' "$WORK/warm-sim.log")
start_naas 8 e2e-warm
"$PY" bench/e2e_latency.py --warm --url "https://127.0.0.1:$NAAS_PORT" --device-port "$WARM_DEVICE_PORT" \
  --user "$DEVICE_USER" --password "$DEVICE_PASSWORD" --count "$ROUNDS" | tee "$RESULTS/e2e_warm.json"
stop_pid "$NAAS_PID"
stop_pid "$WARM_SIM_PID"

echo "bench: sessions at scale ($SESSIONS_OPTIONS)"
# shellcheck disable=SC2086 # SESSIONS_OPTIONS is a list of words on purpose
"$PY" bench/sessions_bench.py --bin "$BIN" $SESSIONS_OPTIONS | tee "$RESULTS/sessions.json"

echo "bench: the store on PostgreSQL beside SQLite, and 1, 2 and 4 worker processes draining a queue ($FLEET_OPTIONS)"
# shellcheck disable=SC2086 # FLEET_OPTIONS is a list of words on purpose
"$PY" bench/fleet_bench.py --bin "$BIN" --device-port "$DEVICE_PORT" --user "$DEVICE_USER" --password "$DEVICE_PASSWORD" \
  --wrk-options "$WRK_OPTIONS" --rounds "$ROUNDS" $FLEET_OPTIONS | tee "$RESULTS/fleet.json"

echo "bench: Netmiko"
"$PY" bench/netmiko_baseline.py "${DEVICE[@]}" --count "$ROUNDS" --secret "$ENABLE_SECRET" | tee "$RESULTS/netmiko.json"

echo "bench: libssh floor and NAAS device layer"
"$BIN/naas-bench" floor "${DEVICE[@]}" --count "$ROUNDS" | tee "$RESULTS/floor.json"
"$BIN/naas-bench" device "${DEVICE[@]}" --count "$ROUNDS" | tee "$RESULTS/device.json"

echo "bench: every platform on the simulator, beside Netmiko ($PLATFORM_OPTIONS)"
# shellcheck disable=SC2086 # PLATFORM_OPTIONS is a list of words on purpose
"$PY" bench/platform_latency.py --bin "$BIN" $PLATFORM_OPTIONS | tee "$RESULTS/platforms.jsonl"

echo "bench: TextFSM over ntc-templates' conformance corpus, beside Python textfsm ($TEXTFSM_OPTIONS)"
if [ -d "$CORPUS" ]; then
  # shellcheck disable=SC2086 # TEXTFSM_OPTIONS is a list of words on purpose
  "$BIN/naas-bench" textfsm --corpus "$CORPUS" --templates-dir "$TEMPLATES_DIR" $TEXTFSM_OPTIONS | tee "$RESULTS/textfsm.json"
  # shellcheck disable=SC2086
  "$PY" bench/textfsm_baseline.py --corpus "$CORPUS" --templates-dir "$TEMPLATES_DIR" $TEXTFSM_OPTIONS \
    | tee "$RESULTS/textfsm_python.json"
else
  echo "bench: NOTICE: the conformance corpus is not at $CORPUS (set NTC_TEMPLATES_TESTS); the corpus benchmark is skipped"
  for side in textfsm textfsm_python; do
    printf '{"skipped": "the conformance corpus was not at %s"}\n' "$CORPUS" >"$RESULTS/$side.json"
  done
fi

"$PY" bench/report.py --results "$RESULTS" --wrk-options "$WRK_OPTIONS" --rounds "$ROUNDS" \
  --out "$REPORT"
echo "bench: wrote $REPORT"
