import { describe, expect, it } from 'vitest';
import { chrf } from '../../eval/text/chrf.js';
import { words, wordCount } from '../../eval/text/words.js';
import { evalCase } from './context.js';

const seed = evalCase('bao-cao-nghi-xuan-2021').references!;
const text = Object.values(seed).join('\n\n');

describe('chrF++', () => {
  it('scores identical text 1', () => {
    expect(chrf(text, text).f).toBe(1);
  });

  it('scores the same text composed and decomposed 1 (NFC first)', () => {
    expect(chrf(text.normalize('NFD'), text).f).toBe(1);
  });

  it('scores unrelated text low', () => {
    const other = 'The quick brown fox jumps over the lazy dog while it rains in London.';
    expect(chrf(other, text).f).toBeLessThan(0.15);
  });

  it('scores a paraphrase between the two', () => {
    const f = chrf(seed['phuong-huong']!.replace('Tăng cường', 'Đẩy mạnh'), seed['phuong-huong']!).f;
    expect(f).toBeGreaterThan(0.8);
    expect(f).toBeLessThan(1);
  });

  it('sees a difference in Vietnamese letters only ("Ủy ban" against "Uy ban")', () => {
    const reference = 'Ủy ban nhân dân huyện báo cáo Ủy ban nhân dân tỉnh.';
    const stripped = 'Uy ban nhân dân huyện báo cáo Uy ban nhân dân tỉnh.';
    expect(chrf(stripped, reference).f).toBeLessThan(1);
    expect(chrf(stripped, reference).f).toBeLessThan(chrf(reference, reference).f - 0.05);
    // The word-level part too: ASCII \w would read both "Ụy" and "Ủy" as "y", call the words equal
    // and raise the score; Unicode tokens see two different words and lower it.
    const charsOnly = chrf('Ụy ban', 'Ủy ban', { wordOrder: 0 }).f;
    expect(chrf('Ụy ban', 'Ủy ban').f).toBeLessThan(charsOnly);
  });
});

describe('Unicode words', () => {
  it('keeps Vietnamese letters inside words', () => {
    expect(words('Ủy ban nhân dân huyện Nghi Xuân, tiếp 866 lượt')).toEqual(['Ủy', 'ban', 'nhân', 'dân', 'huyện', 'Nghi', 'Xuân', 'tiếp', 'lượt']);
    expect(words('Ủy ban'.normalize('NFD'))).toEqual(['Ủy', 'ban']);
  });

  it('counts words and numbers as a reader does', () => {
    expect(wordCount('Tiếp 1.012 lượt/1.091 lượt người.')).toBe(6);
  });
});
