import { afterEach, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeOpenAI, promptText, type FakeOpenAI } from '../helpers/fake-openai.js';
import { answerByHeading } from '../helpers/model-answers.js';
import { rawBrief } from '../helpers/fixtures.js';
import { runTsx } from '../helpers/run-script.js';

let fake: FakeOpenAI;
let dir: string;
afterEach(async () => {
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The runner as a person starts it, against the scripted server. */
function runner(args: string[], baseURL: string) {
  return runTsx('eval/run.ts', args, { ...process.env, OPENAI_BASE_URL: baseURL, SOANTHAO_MODEL: 'fake-eval-model', SOANTHAO_RETRIES: '0' });
}

describe('npm run eval -- --provider openai', () => {
  it('drafts each case through the model server, scores it, and answers a rerun from the cache', async () => {
    const seed = answerByHeading(rawBrief());
    const ninhThuan = answerByHeading(rawBrief('bc-thanhtra-ninhthuan-84-2020.json'));
    // Each case's sections are answered from its own brief, told apart by the trích yếu in the prompt.
    fake = await startFakeOpenAI((request) => (promptText(request).includes('tiếp công dân') ? ninhThuan(request) : seed(request)));
    dir = mkdtempSync(join(tmpdir(), 'eval-openai-'));
    const cases = join(dir, 'cases');
    mkdirSync(cases);
    for (const id of ['bao-cao-nghi-xuan-2021', 'bc-thanhtra-ninhthuan-84-2020']) copyFileSync(join('eval/cases', `${id}.json`), join(cases, `${id}.json`));
    const cache = join(dir, 'cache');
    const args = ['--provider', 'openai', '--cases', cases, '--cache-dir', cache, '--json', join(dir, 'report.json')];

    const first = await runner(args, fake.baseURL);
    expect(first.status, first.stderr).toBe(0);
    const calls = fake.requests.length;
    // Two body sections of the seed, one of Ninh Thuận, and each case's opening and closing.
    expect(calls).toBe(7);
    expect(fake.requests.every((r) => r.body.model === 'fake-eval-model')).toBe(true);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    for (const c of report.cases) {
      expect(c.status).toBe('scored');
      expect(c.results.recall.pass).toBe(true);
      expect(c.results.precision.pass).toBe(true);
    }

    const again = await runner(args, fake.baseURL);
    expect(again.status, again.stderr).toBe(0);
    expect(fake.requests).toHaveLength(calls);
  });
});
