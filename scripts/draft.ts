// CLI: draft a brief and export the .docx, with no server and no database.
//   npm run draft -- <brief.json> -o <out.docx> [--json <report.json>] [--allow-findings] [--pdf] [--profile <profile.json>]
// `--profile` drafts with the office's glossary (the profile as saved, or as GET /api/profile returns it).
// `--pdf` also prints the document to PDF beside the .docx; `-o <out.pdf>` writes the PDF alone.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { TemplateRegistry } from '../server/template/load.js';
import { parseBrief } from '../server/brief/load.js';
import { validateBriefForTemplate } from '../server/brief/validate.js';
import { writeDocument } from '../server/pipeline/write-document.js';
import { toDocument, type DocumentView } from '../server/draft/document.js';
import type { Draft } from '../server/types/draft.js';
import type { Template } from '../server/template/schema.js';
import { checkDocument } from '../server/pipeline/check-document.js';
import { renderDocx } from '../server/export/docx/render.js';
import { PdfConverter } from '../server/pdf/converter.js';
import { loadConfig } from '../server/config.js';
import { providerFromConfig } from '../server/provider/from-config.js';
import { DraftError, describe, issuesOf } from '../server/errors.js';
import { GlossarySchema, type Glossary } from '../server/lexicon/index.js';
import type { Finding } from '../server/types/finding.js';

const USAGE = 'Cách dùng: npm run draft -- <ý-liệu.json> -o <văn-bản.docx|văn-bản.pdf> [--json <báo-cáo.json>] [--allow-findings] [--pdf] [--profile <hồ-sơ-cơ-quan.json>]';

/** The glossary of an office profile file: the profile as saved, or wrapped as GET /api/profile returns it. */
function glossaryOf(path: string): Glossary {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    fail(`Không đọc được tệp hồ sơ cơ quan "${path}": ${(e as Error).message}`);
  }
  const profile = raw && typeof raw === 'object' && 'profile' in raw ? (raw as { profile: unknown }).profile : raw;
  const glossary = profile && typeof profile === 'object' ? (profile as { glossary?: unknown }).glossary : undefined;
  const parsed = GlossarySchema.optional().safeParse(glossary);
  if (!parsed.success) fail(`Bảng chữ viết tắt trong "${path}" không hợp lệ:\n${issuesOf(parsed.error).map((i) => `  - ${i.field}: ${i.message}`).join('\n')}`);
  return parsed.data ?? {};
}

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

/** The draft as the JSON report shows it: what the server's detail shows, without a database. */
function reportOf(draft: Draft, template: Template, document: DocumentView) {
  const sections = template.sections.map((s) => ({ key: s.key, paragraphs: draft.paragraphs[s.key] ?? [] }));
  return { template: { id: template.id, name: template.name }, brief: draft.brief, sections, document };
}

async function main() {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        json: { type: 'string' },
        'allow-findings': { type: 'boolean' },
        pdf: { type: 'boolean' },
        profile: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`);
  }
  if (args.values.help) {
    console.log(USAGE);
    return;
  }
  const [briefPath] = args.positionals;
  const out = args.values.out;
  if (!briefPath || !out) fail(USAGE);

  let text: string;
  try {
    text = readFileSync(briefPath, 'utf8');
  } catch {
    fail(`Không đọc được tệp ý liệu "${briefPath}".`);
  }

  const glossary = args.values.profile ? glossaryOf(args.values.profile) : {};
  const config = loadConfig();
  try {
    const brief = parseBrief(text);
    const template = TemplateRegistry.load().get(brief.template);
    validateBriefForTemplate(brief, template);
    const { draft, outcomes } = await writeDocument(brief, template, providerFromConfig(config), { concurrency: config.concurrency, glossary });
    const failed = outcomes.filter((o) => o.error);
    for (const o of failed) console.error(`Không soạn được mục "${o.section}": ${o.error!.message}`);
    if (failed.length > 0) {
      // A document with sections missing must not pass for a finished one.
      fail(`Chưa xuất tệp ${out}: còn ${failed.length} mục chưa soạn được.`, 1);
    }
    const findings = await checkDocument(draft, template, {}, glossary);
    const errors = findings.filter((f) => f.severity === 'error');
    const document = toDocument(draft, template);
    if (findings.length === 0) console.log('Kiểm tra: không phát hiện lỗi.');
    else console.log(`Kiểm tra: ${findings.length} phát hiện\n${findings.map(formatFinding).join('\n')}`);
    if (args.values.json) {
      writeFileSync(args.values.json, `${JSON.stringify({ draft: reportOf(draft, template, document), findings }, null, 2)}\n`);
      console.log(`Báo cáo JSON -> ${args.values.json}`);
    }
    // A flagged draft never becomes a file by accident: staff say they have read the errors.
    if (errors.length > 0 && !args.values['allow-findings']) {
      fail(`Chưa xuất tệp ${out}: còn ${errors.length} lỗi cần xem (ở trên). Sửa ý liệu rồi soạn lại, hoặc chạy lại với --allow-findings để vẫn xuất.`, 1);
    }
    const docx = await renderDocx(document);
    const pdfOnly = /\.pdf$/i.test(out);
    if (!pdfOnly) writeFileSync(out, docx);
    if (pdfOnly || args.values.pdf) {
      const pdfPath = pdfOnly ? out : out.replace(/(\.docx)?$/i, '.pdf');
      writeFileSync(pdfPath, await PdfConverter.fromEnv().toPdf(docx));
      if (!pdfOnly) console.log(`PDF -> ${pdfPath}`);
    }
    console.log(`Đã soạn ${template.name.toLocaleLowerCase('vi')} "${brief.header.subject}" -> ${out}`);
  } catch (e) {
    // A PDF that could not be printed is not a bad brief.
    if (e instanceof DraftError) fail(describe(e), e.code.startsWith('pdf_') ? 1 : 2);
    throw e;
  }
}

main().catch((e) => fail(`Lỗi không mong đợi: ${(e as Error).stack ?? e}`, 1));
