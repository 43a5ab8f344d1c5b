import { describe, expect, it } from 'vitest';
import { parseBrief } from '../../server/brief/load.js';
import { unexplained, wrongExpansions } from '../../eval/scorers/abbreviations.js';
import { citations } from '../../eval/scorers/citations.js';
import { labels, repetition } from '../../eval/scorers/prose.js';
import { structure } from '../../eval/scorers/structure.js';
import { findTemplate, loadTemplates } from '../../eval/runner/templates.js';
import type { ScoreContext } from '../../eval/scorers/types.js';
import { rawBrief } from '../helpers/fixtures.js';
import { contextOf, evalCase } from './context.js';

const template = findTemplate(loadTemplates(), 'bao-cao');

/** A xã's notes for the phương hướng section of a báo cáo, and a text written from them. */
function xa(text: string, glossary?: Record<string, string>): ScoreContext {
  const raw = rawBrief();
  raw.sections[2].facts = ['LĐ UBND xã kiểm tra 3 hộ vi phạm khoản 2, 3 Điều 162 Luật Đất đai', 'phát triển nền KT', 'NN: mưa lớn kéo dài'];
  return {
    brief: parseBrief(raw),
    template: typeof template === 'string' ? null : template,
    output: { sections: { 'phuong-huong': text } },
    assertions: [],
    glossary,
  };
}

const good =
  'Lãnh đạo Ủy ban nhân dân xã kiểm tra 03 hộ vi phạm khoản 2, 3 Điều 162 Luật Đất đai. Tiếp tục phát triển nền kinh tế. Nguyên nhân do mưa lớn kéo dài.';
const bad =
  'Lao động Ủy ban nhân dân xã kiểm tra 03 hộ vi phạm khoản 2, 03 Điều 162 Luật Đất đai. Phát triển nền kiểm tra. NN: mưa lớn kéo dài, báo cáo báo cáo.';

describe('scorers of prose from notes', () => {
  it('pass a text a person would sign', () => {
    for (const scorer of [wrongExpansions, unexplained, citations, labels, repetition]) expect(scorer(xa(good))?.pass, scorer.name).toBe(true);
  });

  it('catch a wrong meaning of an abbreviation, against the lexicon and the office glossary', () => {
    const r = wrongExpansions(xa(bad))!;
    expect(r.pass).toBe(false);
    expect(r.reason).toContain('"lao động" thay vì "lãnh đạo"');
    expect(r.reason).toContain('"kiểm tra" thay vì "kinh tế"');
    // The office meant "lao động" by LĐ: then "lãnh đạo" is the wrong one.
    expect(wrongExpansions(xa(good, { LĐ: 'lao động' }))!.reason).toContain('"lãnh đạo" thay vì "lao động"');
  });

  it('catch an abbreviation left unexplained, unless the text spells it out once', () => {
    expect(unexplained(xa('LĐ tham gia kiểm tra 03 hộ.')).reason).toContain('LĐ');
    expect(unexplained(xa('Lãnh đạo xã (LĐ) kiểm tra 03 hộ. LĐ xã báo cáo.')).pass).toBe(true);
  });

  it('catch a citation changed by padding, a note label and a doubled phrase', () => {
    expect(citations(xa(bad))!.reason).toContain('khoản 2, 3 Điều 162');
    expect(labels(xa(bad)).reason).toContain('NN:');
    expect(repetition(xa(bad)).reason).toContain('báo cáo báo cáo');
  });

  it('score structure against the sections the brief has: required sections the brief left out are not the draft’s fault', () => {
    // The brief of this real kế hoạch gives neither nội dung nor tổ chức thực hiện; its reference excerpt has no closing.
    const r = structure(contextOf(evalCase('kh-caobang-2276-2022')))!;
    expect(r.problems?.map((p) => p.section)).toEqual(['ket-thuc']);
  });
});
