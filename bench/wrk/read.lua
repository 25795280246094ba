-- wrk script: every request is the same GET with the job owner's Basic
-- login (NAAS_BENCH_AUTH, base64 of user:password): a finished job's result,
-- as a polling client reads it, or a listing; run.sh passes the URL.

local auth = os.getenv("NAAS_BENCH_AUTH")
if not auth then
  error("set NAAS_BENCH_AUTH (base64 of user:password)")
end
wrk.headers["Authorization"] = "Basic " .. auth

dofile("bench/wrk/report.lua")  -- run.sh runs wrk from the repository root
