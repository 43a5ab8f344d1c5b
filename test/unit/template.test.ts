import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TemplateRegistry, TemplateFileError, TEMPLATES_DIR } from '../../server/template/load.js';
import { DraftError } from '../../server/errors.js';

describe('templates', () => {
  const registry = TemplateRegistry.load();

  it('holds bao-cao with the sections of the design, in order', () => {
    const t = registry.get('bao-cao');
    expect(t.sections.map((s) => s.key)).toEqual(['mo-dau', 'ket-qua', 'ton-tai', 'phuong-huong', 'kien-nghi', 'ket-thuc']);
    expect(t.sections.filter((s) => s.required).map((s) => s.key)).toEqual(['mo-dau', 'ket-qua', 'ket-thuc']);
    expect(t.typeName).toBe('BÁO CÁO');
    expect(t.code).toBe('BC');
    expect(t.opening.withFacts).toMatch(/báo cáo \{subject\} như sau:$/);
    expect(t.closing.withoutFacts).toMatch(/^Trên đây là báo cáo .*\.\/\.$/);
    expect(t.defaults.copies[0]).toBe('Như trên');
    expect(t.defaults.archive).toMatch(/^VT/);
  });

  it('refuses an unknown document type in Vietnamese', () => {
    expect(() => registry.get('quyet-dinh')).toThrow(DraftError);
    expect(() => registry.get('quyet-dinh')).toThrow(/chưa được hỗ trợ/);
  });

  it('reports a broken template by file, field and reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tpl-'));
    const good = JSON.parse(readFileSync(join(TEMPLATES_DIR, 'bao-cao.json'), 'utf8'));
    good.sections[1].shape = 'table-of-doom';
    delete good.sections[2].purpose;
    writeFileSync(join(dir, 'bao-cao.json'), JSON.stringify(good));
    let error: TemplateFileError | undefined;
    try {
      TemplateRegistry.load(dir);
    } catch (e) {
      error = e as TemplateFileError;
    }
    expect(error).toBeInstanceOf(TemplateFileError);
    expect(error!.file).toBe(join(dir, 'bao-cao.json'));
    expect(error!.problems.map((p) => p.field).sort()).toEqual(['sections.1.shape', 'sections.2.purpose']);
    expect(error!.message).toContain('sections.1.shape');
  });

  it('reports a template whose id differs from its file name, and broken JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tpl-'));
    writeFileSync(join(dir, 'bao-cao.json'), readFileSync(join(TEMPLATES_DIR, 'bao-cao.json'), 'utf8').replace('"id": "bao-cao"', '"id": "bc"'));
    expect(() => TemplateRegistry.load(dir)).toThrow(/id "bc" differs/);
    writeFileSync(join(dir, 'bao-cao.json'), '{ "id": ');
    expect(() => TemplateRegistry.load(dir)).toThrow(/not valid JSON/);
  });
});
