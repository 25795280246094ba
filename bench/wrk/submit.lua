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

dofile("bench/wrk/report.lua")  -- run.sh runs wrk from the repository root
