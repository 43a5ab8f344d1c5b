import { describe, expect, it } from 'vitest';
import { checkSection } from '../../server/checks/index.js';
import { parseBrief } from '../../server/brief/load.js';
import { TemplateRegistry } from '../../server/template/load.js';
import { isNamingContext, padCounts } from '../../server/text/counts.js';
import { extractFigures } from '../../server/text/figures.js';
import { TextMemo } from '../../server/text/memo.js';
import { rawBrief } from '../helpers/fixtures.js';

const templates = TemplateRegistry.load();
const brief = parseBrief(rawBrief());
const template = templates.get(brief.template);

/** Prose long enough that a number's context lies far from the paragraph's start. */
const filler = 'Ủy ban nhân dân huyện đã chỉ đạo các phòng, ban chuyên môn tổ chức thực hiện nhiệm vụ đúng tiến độ đề ra. '.repeat(12);

describe('a number far into a long paragraph', () => {
  it('is still read by the words just before it', () => {
    expect(isNamingContext(`${filler}theo khoản `)).toBe(true);
    expect(isNamingContext(`${filler}đã ban hành `)).toBe(false);
    expect(padCounts(`${filler}Đã ban hành 6 văn bản theo khoản 2 Điều 5.`)).toContain('Đã ban hành 06 văn bản theo khoản 2 Điều 5.');
  });

  it('names every number of a list that runs back past any short window to its citation word', () => {
    const list = Array.from({ length: 40 }, (_, i) => i + 1).join(', ');
    expect(isNamingContext(`${filler}theo khoản ${list}, `)).toBe(true);
    expect(isNamingContext(`${filler}đã thực hiện ${list}, `)).toBe(false);
    expect(padCounts(`${filler}Theo khoản ${list}, 3 Điều 5.`)).toContain(`khoản ${list}, 3 Điều 5.`);
  });

  it('finds the same figures wherever the paragraph starts', () => {
    const short = extractFigures('Tổ chức 6 hội nghị, khoản 3 Điều 2.').map((f) => ({ value: f.value, counts: f.counts }));
    const long = extractFigures(`${filler}Tổ chức 6 hội nghị, khoản 3 Điều 2.`).map((f) => ({ value: f.value, counts: f.counts }));
    expect(long).toEqual(short);
    expect(short.find((f) => f.value === '6')?.counts).toBe('hội');
    expect(short.find((f) => f.value === '3')?.counts).toBeUndefined();
  });
});

describe('checks kept per text', () => {
  it('places each finding at the paragraph where the text stands, whichever place it was first checked at', () => {
    const invented = 'Tổ chức 987 hội nghị với Nguyễn Văn Bịa tham dự, ok.';
    const plain = 'Ủy ban nhân dân huyện đã tổ chức triển khai thực hiện.';
    const first = checkSection(brief, template, 'ket-qua', [invented, plain, plain]);
    const moved = checkSection(brief, template, 'ket-qua', [plain, plain, invented]);
    const rules = (fs: { rule: string }[]) => fs.map((f) => f.rule).sort();
    expect(rules(first.byParagraph[0]!)).toEqual(expect.arrayContaining(['grounding.invented-figure', 'grounding.invented-name', 'register.colloquial']));
    expect(moved.byParagraph[2]).toEqual(first.byParagraph[0]!.map((f) => ({ ...f, where: { ...f.where, paragraph: 2 } })));
    expect(moved.byParagraph[0]).toEqual([]);
    expect(moved.byParagraph[0]).toEqual(first.byParagraph[1]);
  });

  it('reports a fact left out, and no longer once a paragraph shares its words', () => {
    const facts = brief.sections.find((s) => s.key === 'phuong-huong')!;
    const fact = (facts.facts ?? facts.parts!.flatMap((p) => p.facts))[0]!;
    const without = checkSection(brief, template, 'phuong-huong', ['Ủy ban nhân dân huyện tiếp tục chỉ đạo thực hiện.']);
    expect(without.section.some((f) => f.rule === 'grounding.dropped-fact' && f.message.includes(fact.slice(0, 30)))).toBe(true);
    const withIt = checkSection(brief, template, 'phuong-huong', ['Ủy ban nhân dân huyện tiếp tục chỉ đạo thực hiện.', fact]);
    expect(withIt.section.some((f) => f.rule === 'grounding.dropped-fact' && f.message.includes(fact.slice(0, 30)))).toBe(false);
  });

  it('keeps recent texts within its bound and forgets the least recently used first', () => {
    let made = 0;
    const memo = new TextMemo((t: string) => ({ length: t.length, made: ++made }), 640);
    const a = memo.get('a'.repeat(10));
    memo.get('b'.repeat(10));
    expect(memo.get('a'.repeat(10))).toBe(a);
    for (let i = 0; i < 70; i++) memo.get(`${i}`.padStart(10, 'c'));
    expect(memo.get('a'.repeat(10))).not.toBe(a);
    expect(memo.get('x'.repeat(100)).length).toBe(100);
    expect(made).toBe(74);
  });
});
