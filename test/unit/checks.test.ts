import { describe, expect, it } from 'vitest';
import { checkGrounding } from '../../server/checks/grounding.js';
import { checkText } from '../../server/checks/text.js';
import { checkHeader } from '../../server/checks/header.js';
import { checkSection } from '../../server/checks/index.js';
import { checkRegister } from '../../server/checks/register.js';
import { checkNames } from '../../server/checks/names.js';
import { composeSection } from '../../server/composer/compose.js';
import { parseBrief } from '../../server/brief/load.js';
import { TemplateRegistry } from '../../server/template/load.js';
import { rawBrief } from '../helpers/fixtures.js';

const template = TemplateRegistry.load().get('bao-cao');
const rules = (findings: { rule: string }[]) => findings.map((f) => f.rule);

describe('grounding', () => {
  const base = { section: 'ket-qua', headerTexts: ['Kết quả năm 2021'] };

  it('passes a text that restates every figure, in another form', () => {
    const findings = checkGrounding({
      ...base,
      facts: ['ban hành 6 văn bản ngày 15/11/2021 theo CV 7664/UBND-KT₂, kinh phí 2,5 tỷ'],
      paragraphs: ['Ban hành 06 văn bản ngày 15 tháng 11 năm 2021 theo Công văn số 7664/UBND-KT₂, kinh phí 2.500.000.000 đồng.'],
    });
    expect(findings).toEqual([]);
  });

  it('finds an invented number, with its place in the paragraph', () => {
    const text = 'Ban hành 06 văn bản, tổ chức 12 hội nghị.';
    const findings = checkGrounding({ ...base, facts: ['ban hành 6 văn bản'], paragraphs: [text] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'grounding.invented-figure', severity: 'error', where: { section: 'ket-qua', paragraph: 0 } });
    const [start, end] = findings[0]!.where.span!;
    expect(text.slice(start, end)).toBe('12');
    expect(findings[0]!.message).toMatch(/"12" không có trong ý liệu/);
  });

  it('finds a dropped date and a changed document number', () => {
    const findings = checkGrounding({
      ...base,
      facts: ['thực hiện CV 7664/UBND-KT₂ ngày 15/11/2021'],
      paragraphs: ['Thực hiện Công văn số 7665/UBND-KT₂.'],
    });
    expect(rules(findings).sort()).toEqual(['grounding.invented-figure', 'grounding.missing-figure', 'grounding.missing-figure']);
    expect(findings.find((f) => f.rule === 'grounding.invented-figure')!.message).toContain('7665/UBND-KT₂');
  });

  it('lets the text restate the document\'s own date', async () => {
    const { headerTexts } = await import('../../server/checks/index.js');
    const brief = parseBrief({ ...rawBrief(), header: { ...rawBrief().header, date: '2021-12-05' } });
    expect(checkGrounding({ section: 'ket-thuc', facts: [], headerTexts: headerTexts(brief), paragraphs: ['Báo cáo lập ngày 05/12/2021.'] })).toEqual([]);
  });

  it('lets the text restate what the header says', () => {
    expect(checkGrounding({ ...base, facts: [], paragraphs: ['Báo cáo kết quả năm 2021.'] })).toEqual([]);
  });
});

describe('text checks', () => {
  it('finds text not in NFC', () => {
    expect(rules(checkText('ket-qua', 0, 'Ủy ban'.normalize('NFD')))).toEqual(['text.nfc']);
  });

  it('finds markdown bold, headings and bullets', () => {
    expect(rules(checkText('ket-qua', 0, 'Đã **hoàn thành** kế hoạch.'))).toEqual(['text.markdown']);
    expect(rules(checkText('ket-qua', 0, '## Kết quả'))).toEqual(['text.markdown']);
    expect(rules(checkText('ket-qua', 0, '* Tăng cường kiểm tra.'))).toEqual(['text.markdown']);
    expect(checkText('ket-qua', 0, '- Tăng cường kiểm tra, kiểm soát thị trường.')).toEqual([]);
  });

  it('finds Chinese characters with their span', () => {
    const text = 'Tăng cường 管理 thị trường.';
    const [finding] = checkText('ket-qua', 1, text);
    expect(finding!.rule).toBe('text.chinese');
    expect(text.slice(...finding!.where.span!)).toBe('管理');
  });
});

describe('header checks', () => {
  it('passes the seed header, noting only the blanks left for văn thư', () => {
    expect(rules(checkHeader(parseBrief(rawBrief()), template))).toEqual(['header.blank']);
  });

  it('finds a ký hiệu without the type code, a place in lower case, a bad signer prefix', () => {
    const raw = rawBrief();
    raw.header.symbol = 'UBND-KT';
    raw.header.place = 'nghi Xuân';
    raw.signer.lines = ['TM ỦY BAN NHÂN DÂN', 'K.T. CHỦ TỊCH'];
    const found = checkHeader(parseBrief(raw), template);
    expect(found.filter((f) => f.severity === 'error').map((f) => f.where.field)).toEqual([
      'header.symbol',
      'header.place',
      'signer.lines.0',
      'signer.lines.1',
    ]);
  });
});

describe('checkSection', () => {
  const brief = parseBrief(rawBrief());
  const section = template.sections.find((s) => s.key === 'phuong-huong')!;
  const composed = composeSection(template, brief, section, brief.sections.find((s) => s.key === 'phuong-huong')).map((p) => p.text);

  it('passes what the composer wrote from the facts', () => {
    const result = checkSection(brief, template, 'phuong-huong', composed);
    expect([...result.section, ...result.byParagraph.flat()]).toEqual([]);
  });

  it('assigns an invented figure to its paragraph', () => {
    const texts = [...composed];
    texts[0] = texts[0]!.replace('phối hợp', 'phối hợp 05');
    const result = checkSection(brief, template, 'phuong-huong', texts);
    expect(rules(result.byParagraph[0]!)).toEqual(['grounding.invented-figure']);
    expect(result.byParagraph.slice(1).flat()).toEqual([]);
    expect(result.section).toEqual([]);
  });

  it('finds a fact left out whole, an invented name, first person and a model-written formula', () => {
    const texts = [composed[0]!, composed[1]!, `${composed[2]} Ông Nguyễn Văn Bình phụ trách.`, 'Chúng tôi cam kết thực hiện. Trên đây là báo cáo.'];
    const result = checkSection(brief, template, 'phuong-huong', texts);
    expect(rules(result.section)).toEqual(['grounding.dropped-fact']);
    expect(result.section[0]!.message).toContain('tiếp tục cho hộ SXKD ký cam kết');
    expect(rules(result.byParagraph[2]!)).toEqual(['grounding.invented-name']);
    expect(rules(result.byParagraph[3]!)).toEqual(['register.first-person', 'structure.model-formula']);
  });
});

describe('register', () => {
  it('uses whole Vietnamese words: "trẻ em", "coi trọng", "siêu thị" pass; "mình", "nhé", "deadline" do not', () => {
    expect(checkRegister('ket-qua', 0, 'Chăm lo cho trẻ em, coi trọng siêu thị và nha khoa.', 'body')).toEqual([]);
    expect(rules(checkRegister('ket-qua', 0, 'Bên mình sẽ làm xong trước deadline nhé.', 'body'))).toEqual([
      'register.first-person',
      'register.colloquial',
      'register.colloquial',
      'register.english',
    ]);
  });

  it('finds a heading or signature the model wrote into the body', () => {
    expect(rules(checkRegister('ket-qua', 0, 'II. PHƯƠNG HƯỚNG NHIỆM VỤ', 'body'))).toEqual(['structure.model-heading']);
    expect(rules(checkRegister('ket-qua', 0, 'Nơi nhận: - Như trên;', 'body'))).toEqual(['structure.model-signature']);
  });
});

describe('names in human prose', () => {
  it('reads "V/v" after a name as a code, and known names written one after another as known', () => {
    const sources = ['Công văn của UBND tỉnh Quảng Ninh', 'gửi Sở Công Thương, Sở Tài chính'];
    expect(checkNames('mo-dau', ['Ủy ban nhân dân tỉnh nhận được Công văn của Quảng Ninh V/v tiếp tục phối hợp.'], sources)).toEqual([]);
    expect(checkNames('mo-dau', ['Gửi Sở Công Thương Sở Tài chính tổng hợp.'], sources)).toEqual([]);
    // A name the notes never mention is still found, alone or beside a known one.
    const invented = checkNames('mo-dau', ['Gửi Sở Công Thương Sở Xây Dựng tổng hợp.'], sources);
    expect(invented.map((f) => f.rule)).toEqual(['grounding.invented-name']);
  });
});
