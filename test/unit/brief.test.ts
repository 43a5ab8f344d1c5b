import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBrief } from '../../server/brief/load.js';
import { briefJsonSchema } from '../../server/brief/json-schema.js';
import { DraftError } from '../../server/errors.js';
import { BRIEFS_DIR, briefFiles, rawBrief } from '../helpers/fixtures.js';

function issuesOf(input: unknown) {
  try {
    parseBrief(input);
  } catch (e) {
    expect(e).toBeInstanceOf(DraftError);
    return (e as DraftError).issues;
  }
  throw new Error('expected the brief to be rejected');
}

describe('brief version 1', () => {
  it.each(briefFiles())('loads the example brief %s', (file) => {
    const brief = parseBrief(readFileSync(join(BRIEFS_DIR, file), 'utf8'));
    expect(brief.header.org.length).toBeGreaterThan(0);
    expect(brief.sections.length).toBeGreaterThan(0);
  });

  it('keeps every fact as typed, in NFC', () => {
    const raw = rawBrief();
    raw.sections[0].facts[0] = 'Ủy ban'.normalize('NFD');
    const brief = parseBrief(raw);
    expect(brief.sections[0]!.facts![0]).toBe('Ủy ban'.normalize('NFC'));
  });

  it('rejects broken JSON with a Vietnamese message', () => {
    expect(() => parseBrief('{"template": ')).toThrow(/JSON hợp lệ/);
  });

  it('names the field of an impossible date', () => {
    const raw = rawBrief();
    raw.header.date = '2021-13-40';
    expect(issuesOf(raw)).toEqual([expect.objectContaining({ field: 'header.date', message: expect.stringMatching(/Ngày ban hành không hợp lệ/) })]);
  });

  it('accepts a month without a day, and rejects 30 February', () => {
    const raw = rawBrief();
    raw.header.date = '2021-12';
    expect(parseBrief(raw).header.date).toBe('2021-12');
    raw.header.date = '2024-02-30';
    expect(issuesOf(raw)[0]!.field).toBe('header.date');
  });

  it('rejects a ký hiệu with spaces', () => {
    const raw = rawBrief();
    raw.header.symbol = 'BC - UBND';
    expect(issuesOf(raw)).toEqual([expect.objectContaining({ field: 'header.symbol', message: expect.stringMatching(/không dấu cách/) })]);
  });

  it('rejects an empty fact and a fact of 1 MB, naming each', () => {
    const raw = rawBrief();
    raw.sections[0].facts[1] = '   ';
    raw.sections[2].facts[0] = 'x'.repeat(1024 * 1024);
    const issues = issuesOf(raw);
    expect(issues.map((i) => i.field).sort()).toEqual(['sections.0.facts.1', 'sections.2.facts.0']);
    expect(issues.every((i) => /[À-ỹ]/u.test(i.message))).toBe(true);
  });

  it('tells which required field is missing', () => {
    const raw = rawBrief();
    delete raw.header.org;
    expect(issuesOf(raw)).toEqual([{ field: 'header.org', message: 'Thiếu trường bắt buộc: cơ quan ban hành' }]);
  });

  it('rejects a section with both facts and parts, and a repeated section', () => {
    const raw = rawBrief();
    raw.sections[1].facts = ['x'];
    raw.sections.push({ key: 'mo-dau', facts: ['y'] });
    const fields = issuesOf(raw).map((i) => i.field);
    expect(fields).toContain('sections.1');
    expect(fields).toContain('sections.4.key');
  });

  it('has a JSON Schema generated from the zod schema, kept in step with the committed file', () => {
    const file = JSON.parse(readFileSync(new URL('../../server/brief/brief-v1.schema.json', import.meta.url), 'utf8'));
    expect(file).toEqual(briefJsonSchema());
    expect(file.required).toEqual(expect.arrayContaining(['template', 'header', 'sections']));
    expect(file.properties.header.required).toEqual(expect.arrayContaining(['org', 'symbol', 'place', 'date', 'subject']));
  });
});
