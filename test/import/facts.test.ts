import { describe, expect, it } from 'vitest';
import { factsOf, fitFacts } from '../../server/import/to-brief.js';
import { BRIEF_LIMITS } from '../../server/brief/schema.js';

describe('facts derived from imported paragraphs', () => {
  it('are the paragraph without its dash, its list mark or its end mark', () => {
    expect(factsOf('- Tiếp tục theo dõi thị trường;')).toEqual(['Tiếp tục theo dõi thị trường']);
    expect(factsOf('Trên đây là báo cáo của xã./.')).toEqual(['Trên đây là báo cáo của xã.']);
  });

  it('cut a paragraph longer than a fact at its sentences, losing no word', () => {
    const sentence = 'Xã đã hoàn thành 12 công trình giao thông nông thôn với tổng kinh phí 3.500 triệu đồng. ';
    const text = sentence.repeat(40).trim();
    const facts = factsOf(text);
    expect(facts.length).toBeGreaterThan(1);
    expect(facts.every((f) => f.length <= BRIEF_LIMITS.factChars && f.endsWith('đồng.'))).toBe(true);
    expect(facts.join(' ')).toBe(text);
  });

  it('pack neighbouring paragraphs past the limit on their number, so every paragraph keeps its fact', () => {
    const notes: string[] = [];
    const facts = Array.from({ length: 90 }, (_, i) => `Xã số ${i + 1} hoàn thành ${i + 2} công trình.`);
    const fitted = fitFacts(facts, notes, 'Mục "KẾT QUẢ"');
    expect(fitted.length).toBeLessThanOrEqual(BRIEF_LIMITS.factsPerSection);
    expect(fitted.join(' ')).toBe(facts.join(' '));
    expect(notes).toEqual([]);
  });
});
