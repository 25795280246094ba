-- wrk script: every request reads the same finished job's result, as a
-- polling client does. NAAS_BENCH_AUTH (base64 of user:password) is the
-- job owner's Basic login; the job id is in the URL run.sh passes.

local auth = os.getenv("NAAS_BENCH_AUTH")
if not auth then
  error("set NAAS_BENCH_AUTH (base64 of user:password)")
end
wrk.headers["Authorization"] = "Basic " .. auth

dofile("bench/wrk/report.lua")  -- run.sh runs wrk from the repository root
