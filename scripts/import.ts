// CLI: read last period's .docx into a brief, optionally moved on to the next period.
//   npm run import -- <last.docx> [--next-period] [--json <brief.json>] [-o <draft.docx>]
// `--json` writes the brief (for `npm run draft` or the page); `-o` the imported draft as a new .docx,
// its paragraphs as they were.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { TemplateRegistry } from '../server/template/load.js';
import { importDocx, readImport } from '../server/import/importer.js';
import { DraftStore } from '../server/store/draft-store.js';
import { DraftingService } from '../server/draft/service.js';
import { LOCAL_SCOPE } from '../server/auth/scope.js';
import { OfflineProvider } from '../server/provider/offline.js';
import { renderDocx } from '../server/export/docx/render.js';
import { figuresToUpdate } from '../server/import/marks.js';
import { DraftError, describe } from '../server/errors.js';

const USAGE = 'Cách dùng: npm run import -- <văn-bản-kỳ-trước.docx> [--next-period] [--json <ý-liệu.json>] [-o <bản-thảo.docx>]';

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

async function main() {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: { 'next-period': { type: 'boolean' }, json: { type: 'string' }, out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`);
  }
  if (args.values.help) {
    console.log(USAGE);
    return;
  }
  const [path] = args.positionals;
  if (!path) fail(USAGE);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    fail(`Không đọc được tệp "${path}".`);
  }

  try {
    const { draft, nextPeriod } = await readImport(bytes, TemplateRegistry.load(), { nextPeriod: args.values['next-period'] });
    const h = draft.brief.header;
    console.log(`${draft.template.name}: ${h.subject}`);
    console.log(`  Cơ quan: ${[h.parentOrg, h.org].filter(Boolean).join(' / ')}`);
    console.log(`  Số, ký hiệu: ${h.number || '(để trống)'}/${h.symbol}   ${h.place}, ${h.date}`);
    if (nextPeriod) {
      for (const c of nextPeriod.changes) console.log(`  Kỳ sau: "${c.from}" -> "${c.to}"`);
      console.log(`  Ngày ban hành đề xuất: ${nextPeriod.date} (để trống ngày); số để trống cho văn thư`);
    }
    for (const [key, paragraphs] of Object.entries(draft.paragraphs)) {
      console.log(`  Mục ${key}: ${paragraphs.length} đoạn`);
      paragraphs.forEach((p, i) => {
        const marks = figuresToUpdate(p.text, key, i).map((f) => p.text.slice(f.where.span![0], f.where.span![1]));
        if (marks.length > 0) console.log(`    đoạn ${i + 1}, cần cập nhật: ${marks.join('; ')}`);
      });
    }
    for (const note of draft.notes) console.log(`  Lưu ý: ${note}`);
    if (args.values.json) {
      writeFileSync(args.values.json, `${JSON.stringify(draft.brief, null, 2)}\n`);
      console.log(`Ý liệu -> ${args.values.json}`);
    }
    if (args.values.out) {
      // Nothing is drafted: the store only holds the imported paragraphs long enough to print them.
      const templates = TemplateRegistry.load();
      const store = await DraftStore.open({ file: ':memory:' });
      try {
        const service = new DraftingService(store, templates, new OfflineProvider());
        const { detail } = await importDocx(LOCAL_SCOPE, bytes, { service, store, templates }, { nextPeriod: args.values['next-period'] });
        writeFileSync(args.values.out, await renderDocx(detail.document));
        console.log(`Bản thảo -> ${args.values.out}`);
      } finally {
        await store.close();
      }
    }
  } catch (e) {
    if (e instanceof DraftError) fail(describe(e));
    throw e;
  }
}

main().catch((e) => fail(`Lỗi không mong đợi: ${(e as Error).stack ?? e}`, 1));
