-- wrk script of 'pando bench serve': For You's first page, each request as a viewer drawn at random from
-- the synthetic instance's API tokens; the tokens file is the script's argument. Prints a JSON line at the end.
local tokens = {}

function init(args)
  for line in io.lines(args[1]) do
    local token = line:match("^%S+%s+(%S+)$")
    if token then tokens[#tokens + 1] = token end
  end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  local token = tokens[math.random(#tokens)]
  return wrk.format("GET", "/api/v1/feed?surface=for-you&limit=20", { ["Authorization"] = "Bearer " .. token })
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
    + summary.errors.timeout
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"errors":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d}\n',
    summary.requests, summary.duration, errors, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max))
end
