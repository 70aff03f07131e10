// The part of autocannon's API the benchmarks use (the package ships no types; adding
// @types/autocannon for one call is not worth a dependency).
declare module "autocannon" {
  type Histogram = { average: number; p50: number; p99: number };
  export type Result = { requests: Histogram; latency: Histogram; throughput: Histogram; non2xx: number; errors: number; timeouts: number };
  export default function autocannon(options: { url: string; connections?: number; duration?: number; pipelining?: number }): Promise<Result>;
}
