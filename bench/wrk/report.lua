-- Shared by the wrk scripts of bench/run.sh.
-- One JSON line after wrk's own report, so run.sh reads exact figures rather
-- than wrk's rounded human output. Latencies are in microseconds.
-- status_errors is wrk's "Non-2xx or 3xx responses" count (status >= 400).
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests":%d,"duration_us":%d,"req_per_s":%.1f,'
      .. '"p50_us":%d,"p99_us":%d,"max_us":%d,"status_errors":%d,'
      .. '"connect_errors":%d,"read_errors":%d,"write_errors":%d,"timeouts":%d}\n',
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), latency.max, e.status,
    e.connect, e.read, e.write, e.timeout))
end
