import { describe, expect, it } from 'vitest';
import { factRecall } from '../../eval/scorers/fact-recall.js';
import { factPrecision } from '../../eval/scorers/fact-precision.js';
import { structure } from '../../eval/scorers/structure.js';
import { formulas } from '../../eval/scorers/formulas.js';
import { register } from '../../eval/scorers/register.js';
import { chinese } from '../../eval/scorers/chinese.js';
import { markdown } from '../../eval/scorers/markdown.js';
import { length } from '../../eval/scorers/length.js';
import { assertions } from '../../eval/scorers/assertions.js';
import { SCORERS } from '../../eval/scorers/index.js';
import { seedWith } from './context.js';

const clean = seedWith(() => {});

describe('the seed reference, untouched', () => {
  it('passes every scorer that applies, but for the doubled name the real document has', () => {
    for (const s of SCORERS.filter((s) => s.id !== 'repetition')) {
      const r = s.run(clean);
      if (r === null && s.id === 'citations') continue; // it cites no điều or khoản
      expect(r?.pass, `${s.id}: ${r?.reason}`).toBe(true);
      expect(r?.score).toBe(1);
    }
    // The signed document really writes "phối hợp Sở Công Thương Sở Công Thương".
    expect(SCORERS.find((s) => s.id === 'repetition')!.run(clean)).toMatchObject({ pass: false, reason: expect.stringContaining('Sở Công Thương Sở Công Thương') });
  });
});

describe('fact recall', () => {
  it('catches a dropped date', () => {
    const r = factRecall(seedWith((s) => (s['mo-dau'] = s['mo-dau']!.replace(' ngày 15/11/2021', ''))));
    expect(r.pass).toBe(false);
    expect(r.score).toBeLessThan(1);
    expect(r.reason).toContain('15/11/2021');
    expect(r.problems).toContainEqual({ section: 'mo-dau', text: 'thiếu "15/11/2021"' });
  });

  it('catches a changed document number, which also shows as invented', () => {
    const ctx = seedWith((s) => (s['mo-dau'] = s['mo-dau']!.replace('7664', '7665')));
    expect(factRecall(ctx).reason).toContain('7664/UBND-KT₂');
    const precision = factPrecision(ctx);
    expect(precision.pass).toBe(false);
    expect(precision.reason).toContain('7665/UBND-KT₂');
  });

  it('catches a dropped proper name', () => {
    const r = factRecall(seedWith((s) => (s['ket-qua'] = s['ket-qua']!.replaceAll('Hà Tĩnh', 'tỉnh'))));
    expect(r.pass).toBe(false);
    expect(r.reason).toContain('"Hà Tĩnh"');
  });

  it('finds a date written the long way', () => {
    const r = factRecall(seedWith((s) => (s['mo-dau'] = s['mo-dau']!.replace('ngày 15/11/2021', 'ngày 15 tháng 11 năm 2021'))));
    expect(r.pass).toBe(true);
  });
});

describe('fact precision', () => {
  it('catches an invented number', () => {
    const r = factPrecision(seedWith((s) => (s['ket-qua'] += '\n\nNgoài ra, huyện tổ chức 37 hội nghị chuyên đề.')));
    expect(r.pass).toBe(false);
    expect(r.score).toBeLessThan(1);
    expect(r.reason).toContain('"37"');
    expect(r.problems?.[0]?.section).toBe('ket-qua');
  });

  it('does not count the numbering of sub-headings as figures', () => {
    expect(factPrecision(clean).reason).not.toContain('"1"');
  });
});

describe('structure', () => {
  it('catches a missing required section', () => {
    const r = structure(seedWith((s) => delete s['ket-thuc']))!;
    expect(r.pass).toBe(false);
    expect(r.reason).toContain('thiếu mục bắt buộc ket-thuc');
  });

  it('catches a section of the brief left out, though the template makes it optional', () => {
    const r = structure(seedWith((s) => delete s['phuong-huong']))!;
    expect(r.pass).toBe(false);
    expect(r.reason).toContain('phuong-huong');
  });

  it('catches a sub-heading of a part left out, and a section the template lacks', () => {
    const r = structure(
      seedWith((s) => {
        s['ket-qua'] = s['ket-qua']!.replace('2. Về công tác tuyên truyền\n\n', '');
        s['ghi-chu'] = 'Ghi chú thêm.';
      }),
    )!;
    expect(r.reason).toContain('"2. Về công tác tuyên truyền"');
    expect(r.reason).toContain('ghi-chu');
  });

  it('checks printed headings against the template', () => {
    const ctx = seedWith(() => {});
    ctx.output.headings = { 'ket-qua': 'I. KẾT QUẢ THỰC HIỆN', 'phuong-huong': 'II. PHƯƠNG HƯỚNG' };
    const r = structure(ctx)!;
    expect(r.pass).toBe(false);
    expect(r.reason).toContain('II. KẾ HOẠCH THỰC HIỆN NHIỆM VỤ TRONG THỜI GIAN TỚI');
  });
});

describe('formulas', () => {
  it('catches a closing without "./."', () => {
    const r = formulas(seedWith((s) => (s['ket-thuc'] = s['ket-thuc']!.replace(/\.\/\.$/, '.'))))!;
    expect(r.pass).toBe(false);
    expect(r.reason).toContain('./.');
  });

  it('catches a missing opening, and a closing that is not the template\'s', () => {
    const r = formulas(
      seedWith((s) => {
        delete s['mo-dau'];
        s['ket-thuc'] = 'Kính mong cấp trên quan tâm./.';
      }),
    )!;
    expect(r.reason).toContain('thiếu phần mở đầu');
    expect(r.reason).toContain('Trên đây là báo cáo');
  });
});

describe('register', () => {
  it('catches "tôi" and "chúng tôi", once each', () => {
    const r = register(seedWith((s) => (s['ket-qua'] += '\n\nChúng tôi đã hoàn thành. Tôi xin báo cáo.')));
    expect(r.pass).toBe(false);
    expect(r.problems).toEqual([
      { section: 'ket-qua', text: 'ngôi thứ nhất "Chúng tôi"' },
      { section: 'ket-qua', text: 'ngôi thứ nhất "Tôi"' },
    ]);
  });

  it('catches a colloquial word and an English word', () => {
    const r = register(seedWith((s) => (s['phuong-huong'] += '\n\n- Làm xong trước deadline nhé.')));
    expect(r.problems?.map((p) => p.text)).toEqual(['khẩu ngữ "Làm xong"', 'tiếng Anh "deadline"', 'khẩu ngữ "nhé"']);
    expect(r.score).toBeLessThan(1);
  });

  it('sees words on Vietnamese letters: not "tôi" in "tối", not "em" in "trẻ em" or "them", not "nha" in "Nha Trang"', () => {
    const r = register(seedWith((s) => (s['ket-qua'] += '\n\nHọp buổi tối tại Nha Trang về chăm sóc trẻ em, them vào kế hoạch.')));
    expect(r.pass, r.reason).toBe(true);
  });
});

describe('characters', () => {
  it('catches a Chinese character', () => {
    const r = chinese(seedWith((s) => (s['ket-qua'] = s['ket-qua']!.replace('tuyên truyền', 'tuyên truyền 工作'))));
    expect(r.pass).toBe(false);
    expect(r.reason).toContain('工作');
  });

  it('catches markdown bold', () => {
    const r = markdown(seedWith((s) => (s['ket-qua'] = s['ket-qua']!.replace('Về công tác tuyên truyền', '**Về công tác tuyên truyền**'))));
    expect(r.pass).toBe(false);
    expect(r.reason).toContain('chữ đậm');
  });
});

describe('length and assertions', () => {
  it('catches a section over the template\'s bound and a word bound', () => {
    const r = length(seedWith((s) => (s['ket-thuc'] = `${'Trên đây là báo cáo dài. '.repeat(60)}./.`)))!;
    expect(r.pass).toBe(false);
    expect(r.reason).toContain('quá 800');
    const short = length(seedWith((s) => (s['ket-qua'] = 'Đã thực hiện.')))!;
    expect(short.reason).toMatch(/mục ket-qua có 3 từ, ít hơn 120/);
  });

  it('checks contains, not-contains and regex assertions', () => {
    const ctx = seedWith((s) => (s['ket-thuc'] = 'Kính báo cáo./.'));
    const r = assertions(ctx)!;
    expect(r.pass).toBe(false);
    expect(r.reason).toContain('^Trên đây là báo cáo');
  });
});
