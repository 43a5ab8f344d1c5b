import { describe, expect, it } from 'vitest';
import { parseBrief } from '../../server/brief/load.js';
import { TemplateRegistry } from '../../server/template/load.js';
import { fixedWords, missingFixedWords } from '../../server/pipeline/formula.js';
import { writeSection } from '../../server/pipeline/write-section.js';
import { writeParagraph } from '../../server/pipeline/write-paragraph.js';
import type { Provider, SectionAsk, ParagraphAsk } from '../../server/provider/types.js';
import { rawBrief } from '../helpers/fixtures.js';

const templates = TemplateRegistry.load();
const brief = parseBrief(rawBrief());
const template = templates.get('bao-cao');
const section = (key: string) => template.sections.find((s) => s.key === key)!;
const META = { author: 'model', provider: 'scripted', model: 'm', promptVersion: 'p', instruction: null, usage: { promptTokens: 10, completionTokens: 5, latencyMs: 1 } } as const;

/** A provider that writes what it is told, round after round, and keeps what it was asked. */
function scripted(...rounds: string[][]): Provider & { asks: (SectionAsk | ParagraphAsk)[] } {
  const asks: (SectionAsk | ParagraphAsk)[] = [];
  return {
    name: 'scripted',
    model: 'm',
    asks,
    async writeSection(ask) {
      asks.push(ask);
      const texts = rounds[Math.min(asks.length - 1, rounds.length - 1)]!;
      return { parts: [texts], answer: JSON.stringify(texts), meta: { ...META } };
    },
    async rewriteParagraph(ask) {
      asks.push(ask);
      const texts = rounds[Math.min(asks.length - 1, rounds.length - 1)]!;
      return { texts, answer: JSON.stringify(texts), meta: { ...META } };
    },
  };
}

const facts = [
  'Tăng cường phối hợp phòng, ban, ngành, tổ chức và Ủy ban nhân dân xã, thị trấn thực hiện chương trình.',
  'Tiếp tục tuyên truyền, hướng dẫn, phổ biến chương trình cho tổ chức, doanh nghiệp, hộ kinh doanh; là nhiệm vụ thường xuyên.',
  'Tăng cường kiểm tra, kiểm soát thị trường, xử lý vi phạm trong sản xuất, kinh doanh.',
  'Tiếp tục cho hộ sản xuất, kinh doanh ký cam kết không vi phạm pháp luật.',
];
const neighbours = { kind: 'facts', before: '', after: '' } as const;

describe('the fixed words of a formula', () => {
  it('are the words every variant keeps, without slots or the end mark', () => {
    expect(fixedWords(template.opening, true)).toEqual(['báo cáo', 'như sau:']);
    expect(fixedWords(template.closing, true)).toEqual(['Trên đây là báo cáo']);
    expect(fixedWords(templates.get('cong-van').opening, true)).toEqual(['như sau:']);
    expect(fixedWords(templates.get('to-trinh').closing, false)).toEqual(['kính trình', 'xem xét, quyết định']);
  });

  it('are found in order, whatever the case and spacing', () => {
    expect(missingFixedWords('Ủy ban nhân dân huyện BÁO CÁO  kết quả như sau:', ['báo cáo', 'như sau:'])).toEqual([]);
    expect(missingFixedWords('như sau: Ủy ban nhân dân huyện báo cáo', ['báo cáo', 'như sau:'])).toEqual(['như sau:']);
  });
});

describe('writeSection, with no store', () => {
  it('asks once when the answer is clean, code adding the dashes', async () => {
    const provider = scripted(facts);
    const result = await writeSection({ template, brief, section: section('phuong-huong'), provider, neighbours });
    expect(result.rounds).toBe(1);
    expect(result.paragraphs.map((p) => p.text)).toEqual(facts.map((f) => `- ${f}`));
    expect(result.meta.usage).toEqual({ promptTokens: 10, completionTokens: 5, latencyMs: 1 });
  });

  it('sends back markdown, a certain fault, and adds up both rounds', async () => {
    const provider = scripted([facts[0]!.replace('phối hợp', '**phối hợp**'), ...facts.slice(1)], facts);
    const result = await writeSection({ template, brief, section: section('phuong-huong'), provider, neighbours });
    expect(result.rounds).toBe(2);
    expect(provider.asks[1]!.repair!.problems.join(' ')).toMatch(/markdown|định dạng/iu);
    expect(result.meta.usage).toEqual({ promptTokens: 20, completionTokens: 10, latencyMs: 2 });
  });

  it('keeps a colloquial word for staff to judge rather than asking again', async () => {
    const provider = scripted([`${facts[0]!.replace(/\.$/u, '')}, làm xong trong năm.`, ...facts.slice(1)]);
    const result = await writeSection({ template, brief, section: section('phuong-huong'), provider, neighbours });
    expect(result.rounds).toBe(1);
    expect(result.paragraphs[0]!.findings.map((f) => f.rule)).toContain('register.colloquial');
  });
});

describe('writeParagraph, with no store', () => {
  it('gives the neighbouring sentences, not whole paragraphs, and leaves the others alone', async () => {
    const paragraphs = [
      { part: null, text: 'Câu một của đoạn trước. Câu cuối của đoạn trước.' },
      { part: null, text: facts[2]! },
      { part: null, text: 'Câu đầu của đoạn sau. Câu hai của đoạn sau.' },
    ];
    const provider = scripted([facts[2]!]);
    const result = await writeParagraph({ template, brief, section: section('ket-qua'), provider, paragraphs, index: 1, instruction: null });
    const ask = provider.asks[0] as ParagraphAsk;
    expect([ask.before, ask.after]).toEqual(['Câu cuối của đoạn trước.', 'Câu đầu của đoạn sau.']);
    expect(result.texts).toEqual([facts[2]]);
  });
});
