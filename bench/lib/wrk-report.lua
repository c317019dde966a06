-- Prints one machine-readable summary line when wrk finishes (read by bench-stats.mjs).
-- Only done() is defined: a response() hook would make wrk parse every answer in Lua
-- and cost the load generator CPU that the server under test needs.
done = function(summary, latency, requests)
  io.write(string.format(
    'KEYWARD_BENCH_JSON {"requests":%d,"durationUs":%d,"p50Us":%.1f,"p99Us":%.1f,"maxUs":%.1f,"meanUs":%.1f,' ..
    '"status":%d,"connect":%d,"read":%d,"write":%d,"timeout":%d}\n',
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99), latency.max, latency.mean,
    summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
