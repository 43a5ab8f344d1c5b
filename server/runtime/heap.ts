import v8 from 'node:v8';

/** A full collection once the heap is half again what was live after the last one. */
export const HEAP_GROWTH_PERCENT = 50;

/**
 * How far the JavaScript heap may grow past what the last full collection left live. V8 chooses up
 * to four times when collecting looks cheap beside the work, and a server streaming 200 documents
 * at once, with some 50 MB live, grew to 140 MB of heap and 240 MB in all. Half again keeps it near
 * 180 MB for some 5 % more processor time while streaming (`npm run bench:load`).
 * `SOANTHAO_HEAP_GROWTH_PERCENT` sets another bound; 0 leaves V8 its own choice.
 */
export function boundHeapGrowth(env: NodeJS.ProcessEnv = process.env): void {
  const asked = env.SOANTHAO_HEAP_GROWTH_PERCENT?.trim();
  let percent = asked ? Number(asked) : HEAP_GROWTH_PERCENT;
  if (!Number.isInteger(percent) || percent < 0) {
    console.error(`soanthao: SOANTHAO_HEAP_GROWTH_PERCENT=${asked} không hợp lệ (cần một số nguyên ≥ 0); dùng ${HEAP_GROWTH_PERCENT}.`);
    percent = HEAP_GROWTH_PERCENT;
  }
  // V8 reads it at every full collection, so setting it while the process runs takes effect.
  if (percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
