import { afterEach, describe, expect, it, vi } from 'vitest';
import { boundHeapGrowth } from '../../server/runtime/heap.js';

afterEach(() => vi.restoreAllMocks());

describe('the bound on heap growth', () => {
  it('tells the operator, in Vietnamese, that a mistyped SOANTHAO_HEAP_GROWTH_PERCENT is not used, and starts anyway', () => {
    const said = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const wrong of ['năm mươi', '-5', '1.5']) {
      expect(() => boundHeapGrowth({ SOANTHAO_HEAP_GROWTH_PERCENT: wrong })).not.toThrow();
    }
    expect(said).toHaveBeenCalledTimes(3);
    expect(String(said.mock.calls[0]![0])).toMatch(/SOANTHAO_HEAP_GROWTH_PERCENT=năm mươi không hợp lệ.*dùng 50/);
  });

  it('takes a whole number, 0 included, and the default without a word', () => {
    const said = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const right of [undefined, '', '0', '30', ' 75 ']) boundHeapGrowth({ SOANTHAO_HEAP_GROWTH_PERCENT: right });
    expect(said).not.toHaveBeenCalled();
  });
});
