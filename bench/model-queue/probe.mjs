// Loaded into the server process by bench/model-queue.ts (node --import): measures from inside the
// server, so the clients and the scripted model in the bench's own process do not count.
import { monitorEventLoopDelay } from 'node:perf_hooks';

const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
let peakRss = process.memoryUsage.rss();
setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 20).unref();

process.on('message', (message) => {
  if (message === 'reset') {
    delay.reset();
    peakRss = process.memoryUsage.rss();
    process.send({ rssMB: peakRss / 2 ** 20 });
  } else if (message === 'report') {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    process.send({ peakRssMB: peakRss / 2 ** 20, p99Ms: delay.percentile(99) / 1e6, maxMs: delay.max / 1e6 });
  }
});
