import { describe, expect, it } from 'vitest';
import { ModelQueue } from '../../server/queue/model-queue.js';
import { DraftError } from '../../server/errors.js';

/** A call that runs until the test ends it. */
function heldCall(started: string[], name: string) {
  let end!: () => void;
  const ended = new Promise<void>((resolve) => (end = resolve));
  return {
    call: async () => {
      started.push(name);
      await ended;
      return name;
    },
    end: () => end(),
  };
}

/** Lets an ended call's slot pass on and the queue's news be told (its timer is set behind ours). */
const settle = async () => {
  await new Promise((r) => setTimeout(r, 0));
  await new Promise((r) => setTimeout(r, 0));
};

describe('ModelQueue', () => {
  it('tells each waiting call the place it is then served in: one call per caller in turn, newcomers first but never twice in a row', async () => {
    const queue = new ModelQueue({ limit: 1, tellEveryMs: 0 });
    const started: string[] = [];
    const told = new Map<string, number[]>();
    const calls = new Map<string, ReturnType<typeof heldCall>>();
    const runs: Promise<string>[] = [];
    const enqueue = (key: string, name: string) => {
      const held = heldCall(started, name);
      calls.set(name, held);
      told.set(name, []);
      runs.push(queue.run(key, held.call, { onPosition: (p) => told.get(name)!.push(p) }));
    };
    enqueue('a', 'a0');
    for (const [key, name] of [['a', 'a1'], ['a', 'a2'], ['a', 'a3'], ['b', 'b1'], ['c', 'c1'], ['c', 'c2']] as const) enqueue(key, name);
    await settle();
    const firstPlaces = Object.fromEntries([...told].filter(([, p]) => p.length > 0).map(([name, p]) => [name, p[0]]));
    expect(firstPlaces).toEqual({ b1: 1, a1: 2, c1: 3, a2: 4, c2: 5, a3: 6 });
    // Served in exactly the order told, each one after the running call ends.
    for (let i = 0; i < 7; i++) {
      calls.get(started.at(-1)!)!.end();
      await settle();
    }
    await Promise.all(runs);
    expect(started).toEqual(['a0', 'b1', 'a1', 'c1', 'a2', 'c2', 'a3']);
    expect(told.get('a3')).toEqual([6, 5, 4, 3, 2, 1, 0]);
    expect(queue.stats).toEqual({ running: 0, peakRunning: 1, waiting: 0 });
  });

  it('a crowd of newcomers cannot starve a caller already being served', async () => {
    const queue = new ModelQueue({ limit: 1, tellEveryMs: 0 });
    const started: string[] = [];
    const held = new Map<string, ReturnType<typeof heldCall>>();
    const runs = [['long', 'long-1'], ['long', 'long-2'], ...Array.from({ length: 5 }, (_, i) => [`clerk-${i}`, `clerk-${i}`])].map(([key, name]) => {
      const call = heldCall(started, name!);
      held.set(name!, call);
      return queue.run(key!, call.call);
    });
    await settle();
    for (let i = 0; i < 7; i++) {
      held.get(started.at(-1)!)!.end();
      await settle();
    }
    await Promise.all(runs);
    expect(started).toEqual(['long-1', 'clerk-0', 'long-2', 'clerk-1', 'clerk-2', 'clerk-3', 'clerk-4']);
  });

  it('tells the back of a long line only when it has moved a tenth, and every step near the front', async () => {
    const queue = new ModelQueue({ limit: 1, tellEveryMs: 0 });
    const started: string[] = [];
    const held = new Map<string, ReturnType<typeof heldCall>>();
    const told: number[] = [];
    const runs = Array.from({ length: 41 }, (_, i) => {
      const call = heldCall(started, `call-${i}`);
      held.set(`call-${i}`, call);
      return queue.run(`clerk-${i}`, call.call, { onPosition: i === 40 ? (p) => told.push(p) : undefined });
    });
    await settle();
    for (let i = 0; i < 41; i++) {
      held.get(started.at(-1)!)!.end();
      await settle();
    }
    await Promise.all(runs);
    expect(told[0]).toBe(40);
    expect(told.slice(-11)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(told.length).toBeLessThan(25);
  });

  it('tells a place that does not change again, so a waiting stream never falls silent', async () => {
    const queue = new ModelQueue({ limit: 1, tellEveryMs: 0, repeatAfterMs: 2 });
    const started: string[] = [];
    const first = heldCall(started, 'first');
    const running = queue.run('a', first.call);
    const told: number[] = [];
    const waiting = queue.run('b', async () => 'b', { onPosition: (p) => told.push(p) });
    while (told.length < 3) await settle();
    expect(told.slice(0, 3)).toEqual([1, 1, 1]);
    first.end();
    await Promise.all([running, waiting]);
    expect(told.at(-1)).toBe(0);
  });

  it('lets a cancelled call leave without a slot, and refuses one already cancelled', async () => {
    const queue = new ModelQueue({ limit: 1, tellEveryMs: 0 });
    const started: string[] = [];
    const first = heldCall(started, 'first');
    const running = queue.run('a', first.call);
    const stop = new AbortController();
    const stopped = queue.run('b', heldCall(started, 'stopped').call, { signal: stop.signal });
    const next = heldCall(started, 'next');
    const waiting = queue.run('c', next.call);
    stop.abort();
    await expect(stopped).rejects.toMatchObject({ code: 'cancelled' });
    expect(queue.stats.waiting).toBe(1);
    await expect(queue.run('d', async () => 'never', { signal: stop.signal })).rejects.toBeInstanceOf(DraftError);
    first.end();
    await running;
    await settle();
    next.end();
    await waiting;
    expect(started).toEqual(['first', 'next']);
  });
});
