-- wrk script: a GET of a route that does not exist, without credentials:
-- the server's cheapest HTTPS answer (a 404), the floor a submission is
-- compared with on the same server in the same run. Every answer is that
-- 404, so wrk's non-2xx count is every request here, by design.

dofile("bench/wrk/report.lua")  -- run.sh runs wrk from the repository root
