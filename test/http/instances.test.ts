import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rawBrief } from '../helpers/fixtures.js';
import { testDialect, testLocation } from '../helpers/store.js';
import { startServer, type ServerProcess } from '../helpers/server-process.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function json(res: Response): Promise<any> {
  const body = await res.text();
  if (!res.ok) throw new Error(`${res.status} ${body}`);
  return body ? JSON.parse(body) : null;
}

describe(`two server processes on one ${testDialect === 'postgres' ? 'PostgreSQL' : 'SQLite file'}`, () => {
  it('serve the same drafts, and edits sent to both at once all become revisions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'soanthao-instances-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const place = await testLocation(dir);
    cleanups.push(() => place.drop());
    // Started together: they also take turns creating the tables.
    const starting = [startServer(place.env), startServer(place.env)];
    // Stop each one that started, even when the other did not.
    for (const s of starting) cleanups.push(() => s.then((server) => server.stop(), () => undefined));
    const [a, b] = (await Promise.all(starting)) as [ServerProcess, ServerProcess];

    const created = await json(await fetch(`${a.url}/api/drafts`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(rawBrief()) }));
    await json(await fetch(`${a.url}/api/drafts/${created.id}/draft`, { method: 'POST' }));
    const seen = await json(await fetch(`${b.url}/api/drafts/${created.id}`));
    const paragraph = seen.sections.find((s: any) => s.key === 'ket-qua').paragraphs[0];
    expect(paragraph.current.text).not.toBe('');

    const texts = Array.from({ length: 24 }, (_, i) => `Ủy ban nhân dân huyện ban hành văn bản, bản sửa số ${i + 1}.`);
    const answers = await Promise.all(
      texts.map((text, i) =>
        fetch(`${(i % 2 ? b : a).url}/api/drafts/${created.id}/paragraphs/${paragraph.id}`, {
          method: 'PUT',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ text }),
        }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(texts.map(() => 200));

    const { revisions } = await json(await fetch(`${a.url}/api/drafts/${created.id}/paragraphs/${paragraph.id}/revisions`));
    expect(revisions.map((r: any) => r.seq)).toEqual(Array.from({ length: texts.length + 1 }, (_, i) => i + 1));
    expect(revisions.slice(1).map((r: any) => r.text).sort()).toEqual([...texts].sort());
    // Each instance keeps what it read of the draft; a write on the other one shows once it is heard:
    // at once on SQLite (data_version), as soon as its notification arrives on PostgreSQL.
    const current = revisions.at(-1).text;
    const textOf = (d: any) => d.sections.find((s: any) => s.key === 'ket-qua').paragraphs[0].current.text;
    const readBoth = async () => {
      const readings = await Promise.all([a, b].map((s) => fetch(`${s.url}/api/drafts/${created.id}`)));
      return { etags: readings.map((r) => r.headers.get('ETag')), drafts: await Promise.all(readings.map(json)) };
    };
    let both = await readBoth();
    for (let tries = 0; testDialect === 'postgres' && tries < 500 && !both.drafts.every((d) => textOf(d) === current); tries++) {
      await new Promise((r) => setTimeout(r, 10));
      both = await readBoth();
    }
    for (const d of both.drafts) expect(textOf(d)).toBe(current);
    expect(both.etags[0]).toBe(both.etags[1]);
    const list = await json(await fetch(`${b.url}/api/drafts`));
    expect(list.drafts.map((d: any) => d.id)).toEqual([created.id]);
  });
});
