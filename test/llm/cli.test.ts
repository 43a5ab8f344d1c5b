import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/fake-openai.js';
import { answerByHeading, goodSectionJson } from '../helpers/model-answers.js';
import { SEED_BRIEF_PATH, rawBrief } from '../helpers/fixtures.js';
import { docxParagraphs } from '../helpers/docx.js';
import { runTsx } from '../helpers/run-script.js';

let fake: FakeOpenAI;
afterEach(async () => fake?.close());

/** The CLI as staff run it, pointed at the scripted server. */
function draftCli(baseURL: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, OPENAI_BASE_URL: baseURL, SOANTHAO_MODEL: 'fake-model', SOANTHAO_RETRIES: '0' };
  delete env.OPENAI_API_KEY;
  return runTsx('scripts/draft.ts', args, env);
}

describe('npm run draft with OPENAI_BASE_URL set', () => {
  it('drafts the seed brief through the model and exports it', async () => {
    fake = await startFakeOpenAI(answerByHeading(rawBrief()));
    const dir = mkdtempSync(join(tmpdir(), 'cli-llm-'));
    const run = await draftCli(fake.baseURL, SEED_BRIEF_PATH, '-o', join(dir, 'seed.docx'), '--json', join(dir, 'seed.json'));
    expect(run.status, run.stderr).toBe(0);
    expect(fake.requests.map((r) => r.body.model)).toEqual(['fake-model', 'fake-model', 'fake-model', 'fake-model']);
    const report = JSON.parse(readFileSync(join(dir, 'seed.json'), 'utf8'));
    const ketQua = report.draft.sections.find((s: any) => s.key === 'ket-qua');
    expect(ketQua.paragraphs[0].current).toMatchObject({ author: 'model', provider: 'openai', model: 'fake-model' });
    const text = (await docxParagraphs(readFileSync(join(dir, 'seed.docx')))).join('\n');
    expect(text).toContain('phát 29 đĩa tuyên truyền');
  });

  it('catches a number the model invented, retries, and prints the finding on that paragraph when it stays', async () => {
    const brief = rawBrief();
    fake = await startFakeOpenAI(
      answerByHeading(brief, (key) =>
        key === 'phuong-huong'
          ? { kind: 'stream', content: goodSectionJson(brief, 'phuong-huong', (p) => (p[0]![0] = `${p[0]![0]!.replace(/\.$/, '')} tại 17 xã.`)) }
          : undefined,
      ),
    );
    const dir = mkdtempSync(join(tmpdir(), 'cli-llm-'));
    const refused = await draftCli(fake.baseURL, SEED_BRIEF_PATH, '-o', join(dir, 'seed.docx'));
    expect(refused.status).toBe(1);
    expect(existsSync(join(dir, 'seed.docx'))).toBe(false);
    fake.requests.length = 0;
    const run = await draftCli(fake.baseURL, SEED_BRIEF_PATH, '-o', join(dir, 'seed.docx'), '--allow-findings');
    expect(run.status, run.stderr).toBe(0);
    expect(fake.requests.filter((r) => JSON.stringify(r.body.messages).includes('KẾ HOẠCH THỰC HIỆN NHIỆM VỤ'))).toHaveLength(2);
    expect(run.stdout).toMatch(/LỖI +\[grounding\.invented-figure\] \(phuong-huong, đoạn 1\) Số liệu "17" không có trong ý liệu/);
  });

  it('exits non-zero with the model server\'s error in Vietnamese, writing nothing half-done', async () => {
    fake = await startFakeOpenAI([{ kind: 'error', status: 401, message: 'bad key' }]);
    const dir = mkdtempSync(join(tmpdir(), 'cli-llm-'));
    const run = await draftCli(fake.baseURL, SEED_BRIEF_PATH, '-o', join(dir, 'seed.docx'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Không soạn được mục "ket-qua": Máy chủ mô hình từ chối khóa truy cập (401). Kiểm tra OPENAI_API_KEY.');
    expect(run.stderr).toContain('Chưa xuất tệp');
    expect(existsSync(join(dir, 'seed.docx'))).toBe(false);
  });
});
