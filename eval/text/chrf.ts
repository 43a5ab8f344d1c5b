import { words } from './words.js';

/**
 * chrF++ (Popović 2015, 2017): character n-grams n = 1..6 and word n-grams n = 1..2, precision and
 * recall averaged over the orders, then F with β = 2 (recall weighs twice precision: a draft that
 * leaves out the reference's content is worse than one that adds words). Text is NFC first, so the
 * same letter typed composed or decomposed counts once; white space is dropped from character
 * n-grams as sacreBLEU does; words are Unicode tokens, never ASCII `\w`.
 */
export const CHRF = { charOrder: 6, wordOrder: 2, beta: 2 } as const;

type Counts = Map<string, number>;

function ngrams(units: readonly string[], n: number): Counts {
  const counts: Counts = new Map();
  for (let i = 0; i + n <= units.length; i++) {
    const g = units.slice(i, i + n).join('\u0001');
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return counts;
}

function total(c: Counts): number {
  let n = 0;
  for (const v of c.values()) n += v;
  return n;
}

function overlap(a: Counts, b: Counts): number {
  let n = 0;
  for (const [g, v] of a) n += Math.min(v, b.get(g) ?? 0);
  return n;
}

export interface ChrfScore {
  /** 0..1 */
  f: number;
  precision: number;
  recall: number;
}

export function chrf(hypothesis: string, reference: string, options: { wordOrder?: number } = {}): ChrfScore {
  const hyp = hypothesis.normalize('NFC');
  const ref = reference.normalize('NFC');
  const chars = (t: string) => [...t.replace(/\s+/gu, '')];
  const orders: [string[], string[], number][] = [];
  for (let n = 1; n <= CHRF.charOrder; n++) orders.push([chars(hyp), chars(ref), n]);
  const wordOrder = options.wordOrder ?? CHRF.wordOrder;
  for (let n = 1; n <= wordOrder; n++) orders.push([words(hyp), words(ref), n]);

  let p = 0;
  let r = 0;
  let effective = 0;
  for (const [h, rf, n] of orders) {
    const hg = ngrams(h, n);
    const rg = ngrams(rf, n);
    const ht = total(hg);
    const rt = total(rg);
    // An order with no n-gram on either side (a text shorter than n) says nothing; leave it out.
    if (ht === 0 || rt === 0) continue;
    const m = overlap(hg, rg);
    p += m / ht;
    r += m / rt;
    effective += 1;
  }
  if (effective === 0) {
    const same = hyp.trim() === ref.trim();
    return { f: same ? 1 : 0, precision: same ? 1 : 0, recall: same ? 1 : 0 };
  }
  p /= effective;
  r /= effective;
  const b2 = CHRF.beta * CHRF.beta;
  const f = p + r === 0 ? 0 : ((1 + b2) * p * r) / (b2 * p + r);
  return { f, precision: p, recall: r };
}
