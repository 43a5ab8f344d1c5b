// CLI: draft a brief and export the .docx without the server.
//   npm run draft -- <brief.json> -o <out.docx> [--json <report.json>] [--pdf]
// `--pdf` also prints the document to PDF beside the .docx; `-o <out.pdf>` writes the PDF alone.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DraftStore } from '../server/store/draft-store.js';
import { TemplateRegistry } from '../server/template/load.js';
import { DraftingService } from '../server/draft/service.js';
import { renderDocx } from '../server/export/docx/render.js';
import { PdfConverter } from '../server/pdf/converter.js';
import { loadConfig } from '../server/config.js';
import { providerFromConfig } from '../server/provider/from-config.js';
import { DraftError, describe } from '../server/errors.js';
import type { Finding } from '../server/checks/finding.js';

const USAGE = 'Cách dùng: npm run draft -- <ý-liệu.json> -o <văn-bản.docx|văn-bản.pdf> [--json <báo-cáo.json>] [--pdf]';

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

function formatFinding(f: Finding): string {
  const where = [f.where.section, f.where.paragraph !== undefined ? `đoạn ${f.where.paragraph + 1}` : undefined, f.where.field]
    .filter(Boolean)
    .join(', ');
  return `  ${f.severity === 'error' ? 'LỖI ' : 'LƯU Ý'}  [${f.rule}] ${where ? `(${where}) ` : ''}${f.message}`;
}

async function main() {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: { out: { type: 'string', short: 'o' }, json: { type: 'string' }, pdf: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`);
  }
  if (args.values.help) {
    console.log(USAGE);
    return;
  }
  const [briefPath] = args.positionals;
  if (!briefPath || !args.values.out) fail(USAGE);

  let text: string;
  try {
    text = readFileSync(briefPath, 'utf8');
  } catch {
    fail(`Không đọc được tệp ý liệu "${briefPath}".`);
  }

  const config = loadConfig();
  const store = new DraftStore(':memory:');
  const service = new DraftingService(store, TemplateRegistry.load(), providerFromConfig(config), config.concurrency);
  try {
    const created = service.create(text);
    const outcomes = await service.draftAll(created.id);
    const failed = outcomes.filter((o) => !o.ok);
    for (const o of failed) console.error(`Không soạn được mục "${o.section}": ${o.error?.message}`);
    if (failed.length > 0) {
      // A document with sections missing must not pass for a finished one.
      fail(`Chưa xuất tệp ${args.values.out}: còn ${failed.length} mục chưa soạn được.`, 1);
    }
    const findings = service.check(created.id);
    const detail = service.detail(created.id);
    const docx = await renderDocx(detail.document);
    const out = args.values.out;
    const pdfOnly = /\.pdf$/i.test(out);
    if (!pdfOnly) writeFileSync(out, docx);
    if (pdfOnly || args.values.pdf) {
      const pdfPath = pdfOnly ? out : out.replace(/(\.docx)?$/i, '.pdf');
      writeFileSync(pdfPath, await PdfConverter.fromEnv().toPdf(docx));
      if (!pdfOnly) console.log(`PDF -> ${pdfPath}`);
    }
    console.log(`Đã soạn ${detail.template.name.toLocaleLowerCase('vi')} "${detail.brief.header.subject}" -> ${out}`);
    if (findings.length === 0) console.log('Kiểm tra: không phát hiện lỗi.');
    else console.log(`Kiểm tra: ${findings.length} phát hiện\n${findings.map(formatFinding).join('\n')}`);
    if (args.values.json) {
      writeFileSync(args.values.json, `${JSON.stringify({ draft: detail, findings }, null, 2)}\n`);
      console.log(`Báo cáo JSON -> ${args.values.json}`);
    }
  } catch (e) {
    // A PDF that could not be printed is not a bad brief.
    if (e instanceof DraftError) fail(describe(e), e.code.startsWith('pdf_') ? 1 : 2);
    throw e;
  } finally {
    store.close();
  }
}

main().catch((e) => fail(`Lỗi không mong đợi: ${(e as Error).stack ?? e}`, 1));
