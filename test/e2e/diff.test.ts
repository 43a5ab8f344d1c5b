import { describe, expect, it } from 'vitest';
import { diffWords, tokenize } from '../../server/page/assets/diff.js';

const after = (parts: ReturnType<typeof diffWords>) => parts.filter((p) => p.op !== 'del').map((p) => p.text).join('');
const before = (parts: ReturnType<typeof diffWords>) => parts.filter((p) => p.op !== 'ins').map((p) => p.text).join('');

describe('the page’s word diff (server/page/assets/diff.js)', () => {
  it('keeps Vietnamese words whole, whether typed precomposed or with combining marks', () => {
    expect(tokenize('Tăng cường kiểm tra, 29 đĩa.')).toEqual(['Tăng', ' ', 'cường', ' ', 'kiểm', ' ', 'tra', ',', ' ', '29', ' ', 'đĩa', '.']);
    expect(tokenize('kiểm tra'.normalize('NFD'))).toEqual(['kiểm', ' ', 'tra']);
    expect(tokenize('7664/UBND-KT₂')).toEqual(['7664', '/', 'UBND', '-', 'KT₂']);
  });

  it('marks only the words that changed, and rebuilds both texts exactly', () => {
    const a = 'Tăng cường kiểm tra, kiểm soát thị trường, xử lý vi phạm trong sản xuất, kinh doanh.';
    const b = 'Tăng cường kiểm tra, kiểm soát thị trường và xử lý nghiêm vi phạm trong sản xuất, kinh doanh.';
    const parts = diffWords(a, b);
    expect(before(parts)).toBe(a);
    expect(after(parts)).toBe(b);
    expect(parts.filter((p) => p.op === 'ins').map((p) => p.text.trim())).toEqual(['và', 'nghiêm']);
    expect(parts.filter((p) => p.op === 'del').map((p) => p.text.trim())).toEqual([',']);
  });

  it('does not see a change where only the Unicode form differs', () => {
    const text = 'Ủy ban nhân dân huyện Nghi Xuân báo cáo';
    expect(diffWords(text, text.normalize('NFD'))).toEqual([{ op: 'eq', text }]);
  });

  it('shows a replaced phrase as one deletion then one insertion', () => {
    const parts = diffWords('phát 29 đĩa tuyên truyền', 'phát nhiều đĩa hình tuyên truyền');
    expect(parts.map((p) => [p.op, p.text.trim()])).toEqual([
      ['eq', 'phát'],
      ['del', '29'],
      ['ins', 'nhiều'],
      ['eq', 'đĩa'],
      ['ins', 'hình'],
      ['eq', 'tuyên truyền'],
    ]);
  });

  it('stays fast and correct on a long paragraph changed throughout', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `từ${i}`);
    const a = words.join(' ');
    const b = words.map((w, i) => (i % 7 === 0 ? `mới${i}` : w)).join(' ');
    const started = performance.now();
    const parts = diffWords(a, b);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(before(parts)).toBe(a);
    expect(after(parts)).toBe(b);
  });
});
