// The server under load: the compiled app as `npm start` runs it (built first by bench/load/run.ts),
// with a probe the benchmark reads over IPC: resident memory sampled every 10 ms, and the event
// loop's delays. Plain JavaScript so that nothing is transpiled at run time here either.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { serve } from '@hono/node-server';

const { loadConfig } = await import('../../dist/config.js');
const { createApp, depsFromConfig } = await import('../../dist/app.js');
const { boundHeapGrowth } = await import('../../dist/runtime/heap.js');

boundHeapGrowth(); // as server/main.ts does

const config = loadConfig();
const deps = await depsFromConfig(config);
const { app } = createApp(deps);

const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
let peakRss = process.memoryUsage.rss();
let peakHeap = 0;
setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 10).unref();
// The JavaScript heap in use, less often (reading it walks the heap's spaces).
setInterval(() => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}, 100).unref();

const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => process.send({ type: 'ready', port: info.port }));

process.on('message', async (m) => {
  if (m.type === 'reset') {
    loop.reset();
    peakRss = process.memoryUsage.rss();
    peakHeap = 0;
    process.send({ type: 'reset' });
  } else if (m.type === 'stats') {
    const rss = process.memoryUsage.rss();
    process.send({ type: 'stats', rss, peakRss: Math.max(peakRss, rss), peakHeap, loopP99Ms: loop.percentile(99) / 1e6, loopMaxMs: loop.max / 1e6 });
  } else if (m.type === 'stop') {
    server.close();
    server.closeAllConnections?.();
    await deps.store.close();
    process.exit(0);
  }
});
