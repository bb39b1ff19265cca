-- Public reads for drills/leak-soak, in turn on every connection: an article (with and without
-- If-None-Match), a search, centers near a point, crisis resources, the Spanish listing and an
-- article that does not exist (404). Counts the answers by status code and prints them at the end
-- as "status CODE COUNT" lines, which the drill adds up.
local slug = os.getenv("SOAK_SLUG")
local etag = os.getenv("SOAK_ETAG")
local threads = {}

function setup(thread)
	table.insert(threads, thread)
end

function init(args)
	counts = {}
	paths = {
		wrk.format("GET", "/api/content/articles/" .. slug .. "?locale=en"),
		wrk.format("GET", "/api/content/articles/" .. slug .. "?locale=en", { ["If-None-Match"] = etag }),
		wrk.format("GET", "/api/content/articles?locale=en&q=withdraw"),
		wrk.format("GET", "/api/content/centers?near=39.29,-76.61&radiusKm=250"),
		wrk.format("GET", "/api/content/crisis-resources?locale=en"),
		wrk.format("GET", "/api/content/articles?locale=es"),
		wrk.format("GET", "/api/content/articles/no-such-article?locale=en"),
	}
	next_path = 0
end

function request()
	next_path = next_path % #paths + 1
	return paths[next_path]
end

function response(status, headers, body)
	counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
	local total = {}
	for _, thread in ipairs(threads) do
		for status, count in pairs(thread:get("counts")) do
			total[status] = (total[status] or 0) + count
		end
	end
	for status, count in pairs(total) do
		io.write(string.format("status %d %d\n", status, count))
	end
end
