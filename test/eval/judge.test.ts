import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeOpenAI, promptText, type FakeOpenAI } from '../helpers/fake-openai.js';
import { runTsx } from '../helpers/run-script.js';
import { evalCase } from './context.js';

let fake: FakeOpenAI | undefined;
let dir: string;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** Two real documents scored with --outputs and --judge, against the scripted model server. */
async function judged(env: NodeJS.ProcessEnv) {
  dir = mkdtempSync(join(tmpdir(), 'eval-judge-'));
  const cases = join(dir, 'cases');
  mkdirSync(cases);
  const ids = ['bao-cao-nghi-xuan-2021', 'cv-haugiang-454-2011'];
  for (const id of ids) copyFileSync(join('eval/cases', `${id}.json`), join(cases, `${id}.json`));
  const outputs = join(dir, 'outputs.json');
  writeFileSync(outputs, JSON.stringify(Object.fromEntries(ids.map((id) => [id, evalCase(id).references]))));
  const json = join(dir, 'report.json');
  const run = await runTsx('eval/run.ts', ['--outputs', outputs, '--cases', cases, '--json', json, '--judge'], { ...process.env, SOANTHAO_RETRIES: '0', ...env });
  return { run, report: run.status === 0 ? JSON.parse(readFileSync(json, 'utf8')) : null };
}

describe('npm run eval -- --judge', () => {
  it('asks the model with the written rubric and reports its verdict beside the scores', async () => {
    fake = await startFakeOpenAI((request) =>
      promptText(request).includes('Vịnh Hạ Long')
        ? { kind: 'json', content: '{"register": 4, "fluency": 3, "notes": "Câu đầu còn dài."}' }
        : { kind: 'json', content: '{"register": 5, "fluency": 5, "notes": ""}' },
    );
    const { run, report } = await judged({ OPENAI_BASE_URL: fake.baseURL, SOANTHAO_MODEL: 'fake-judge' });
    expect(run.status, run.stderr).toBe(0);
    expect(fake.requests).toHaveLength(2);
    const prompt = promptText(fake.requests[0]!);
    expect(prompt).toContain('văn phong hành chính - công vụ');
    expect(fake.requests[0]!.body.model).toBe('fake-judge');
    const byId = new Map(report.cases.map((c: any) => [c.id, c]));
    expect((byId.get('cv-haugiang-454-2011') as any).judge).toEqual({ register: 4, fluency: 3, notes: 'Câu đầu còn dài.' });
    expect((byId.get('bao-cao-nghi-xuan-2021') as any).judge).toMatchObject({ register: 5, fluency: 5 });
    expect(run.stdout).toContain('cv-haugiang-454-2011: văn phong 4/5, trôi chảy 3/5 — Câu đầu còn dài.');
  });

  it('never gates: a judge that answers badly or fails leaves the scores and the exit status as they are', async () => {
    fake = await startFakeOpenAI([{ kind: 'json', content: 'tuyệt vời' }, { kind: 'error', status: 500, message: 'down' }]);
    const { run, report } = await judged({ OPENAI_BASE_URL: fake.baseURL, SOANTHAO_MODEL: 'fake-judge' });
    expect(run.status, run.stderr).toBe(0);
    for (const c of report.cases) {
      expect(c.judge.error).toMatch(/Giám khảo trả lời không đúng dạng|Không hỏi được giám khảo/);
      expect(c.results.recall.pass).toBe(true);
    }
  });

  it('refuses --judge in Vietnamese when no model is configured', async () => {
    const { run } = await judged({ OPENAI_BASE_URL: '', SOANTHAO_MODEL: '', OPENAI_MODEL: '', OPENAI_API_KEY: '' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--judge cần một mô hình');
  });
});
