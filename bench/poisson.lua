-- wrk script for latency at a moderate rate: requests arrive at random, as independent
-- visitors' would, not in lockstep. Each connection waits an exponentially distributed gap
-- (mean MEAN_GAP_MS, default 20) before its next request; with 4 connections that is about
-- 200 requests a second. wrk reports the rate it reached.
local mean = tonumber(os.getenv("MEAN_GAP_MS") or "20")

function init(args)
	math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function delay()
	return math.floor(-math.log(1 - math.random()) * mean)
end
