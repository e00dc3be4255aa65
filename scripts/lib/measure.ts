import autocannon from 'autocannon';

/** Helpers shared by the benchmarks (npm run bench and its parts). */

/** The p-th percentile (nearest rank) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const value = sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  if (value === undefined) throw new RangeError('percentile of an empty list');
  return value;
}

export type Throughput = {
  requestsPerSecond: number;
  p99Ms: number;
  p50Ms: number;
  errors: number;
  non2xx: number;
  /** Size of the response body. */
  bytes: number;
};

/**
 * Requests per second and latency of one URL under `connections` concurrent clients for
 * `durationSeconds`, after 20 warm-up requests that fill the caches (the steady state is measured).
 */
export async function measureThroughput(
  url: string,
  durationSeconds: number,
  connections: number,
): Promise<Throughput> {
  let bytes = 0;
  for (let i = 0; i < 20; i++) bytes = (await (await fetch(url)).arrayBuffer()).byteLength;
  const result = await autocannon({ url, connections, duration: durationSeconds });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p99Ms: result.latency.p99,
    p50Ms: result.latency.p50,
    errors: result.errors,
    non2xx: result.non2xx,
    bytes,
  };
}
