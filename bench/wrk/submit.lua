-- wrk script: every request submits the same one-command job.
-- The device port and the credentials come from the environment (run.sh
-- sets them), because LuaJIT in wrk has no base64 of its own.
-- NAAS_BENCH_TOKEN set: a v2 submission with that API key and the device
-- login in the body; else a v1 submission with Basic NAAS_BENCH_AUTH.

local auth = os.getenv("NAAS_BENCH_AUTH")
local token = os.getenv("NAAS_BENCH_TOKEN")
local device_port = os.getenv("NAAS_BENCH_DEVICE_PORT")
if not (auth or token) or not device_port then
  error("set NAAS_BENCH_AUTH (base64 of user:password) or NAAS_BENCH_TOKEN, and NAAS_BENCH_DEVICE_PORT")
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local job = '"host":"127.0.0.1","port":' .. device_port .. ',"platform":"cisco_ios","commands":["show version"]'
if token then
  wrk.headers["X-API-Key"] = token
  wrk.headers["NAAS-API-Version"] = "2.2"
  wrk.body = '{' .. job .. ',"username":"' .. os.getenv("NAAS_BENCH_USER") .. '","password":"'
    .. os.getenv("NAAS_BENCH_PASSWORD") .. '"}'
else
  wrk.headers["Authorization"] = "Basic " .. auth
  wrk.body = '{' .. job .. '}'
end

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
