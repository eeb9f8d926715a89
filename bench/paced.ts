// An open-model load at a fixed rate: one request every 1000/rate ms, each timed from the moment
// it was due (so a stall counts against every request it delays). autocannon's rate limit sends
// each second's quota back to back and then waits, which measures bursts, not a steady rate.
import http from "node:http";

export interface PacedResult {
  sent: number;
  ok: number;
  p50: number;
  p99: number;
  max: number;
}

export async function pacedLoad(options: {
  url: string;
  headers?: Record<string, string>;
  rate: number;
  seconds: number;
}): Promise<PacedResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  // Warm up first (JIT, connection pools, plan caches); only the steady state is measured.
  await run(agent, options.url, options.headers, options.rate, 2);
  const result = await run(agent, options.url, options.headers, options.rate, options.seconds);
  agent.destroy();
  return result;
}

async function run(
  agent: http.Agent,
  url: string,
  headers: Record<string, string> | undefined,
  rate: number,
  seconds: number,
): Promise<PacedResult> {
  const options = { url, headers, rate, seconds };
  const total = options.rate * options.seconds;
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  let ok = 0;
  const start = performance.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i += 1) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      new Promise<void>((resolve) => {
        const request = http.get(options.url, { agent, headers: options.headers }, (response) => {
          response.resume();
          response.on("end", () => {
            latencies.push(performance.now() - due);
            if (response.statusCode === 200) ok += 1;
            resolve();
          });
        });
        request.on("error", () => resolve());
      }),
    );
  }
  await Promise.all(pending);
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0) * 10) / 10;
  return { sent: total, ok, p50: at(0.5), p99: at(0.99), max: at(1) };
}
