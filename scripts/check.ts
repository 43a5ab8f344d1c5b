/**
 * Checks a .docx against Nghị định 30 and prints the findings in Vietnamese.
 *
 *   npm run check -- <file.docx> [--json <out.json>]
 *
 * Exit code: 0 no error-level finding, 1 at least one error, 2 bad usage or a file that cannot be checked.
 */
import { stat, readFile, writeFile } from 'node:fs/promises';
import { hasErrors, type Finding } from '../server/checks/finding.js';
import { checkDocx, DocxCheckError, MAX_DOCX_BYTES } from '../server/nd30/check.js';
import { DOC_TYPES } from '../server/nd30/doc-types.js';

const USAGE = 'Cách dùng: npm run check -- <tệp.docx> [--json <kết-quả.json>]';

class UsageError extends Error {}

function parseArgs(argv: string[]): { file: string; json: string | null } {
  let file: string | null = null;
  let json: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') continue;
    if (a === '-h' || a === '--help') throw new UsageError(USAGE);
    if (a === '--json') {
      const out = argv[++i];
      if (!out || out.startsWith('--')) throw new UsageError(`Thiếu tên tệp sau --json.\n${USAGE}`);
      json = out;
    } else if (a.startsWith('--json=')) {
      json = a.slice('--json='.length);
      if (!json) throw new UsageError(`Thiếu tên tệp sau --json.\n${USAGE}`);
    } else if (a.startsWith('-')) {
      throw new UsageError(`Không hiểu tùy chọn “${a}”.\n${USAGE}`);
    } else if (file !== null) {
      throw new UsageError(`Chỉ kiểm tra một tệp mỗi lần.\n${USAGE}`);
    } else file = a;
  }
  if (file === null) throw new UsageError(`Chưa chỉ ra tệp cần kiểm tra.\n${USAGE}`);
  return { file, json };
}

function line(f: Finding): string {
  const severity = f.severity === 'error' ? 'LỖI     ' : 'CẢNH BÁO';
  const where = [f.where.field, f.where.paragraph !== undefined ? `đoạn ${f.where.paragraph + 1}` : null].filter(Boolean).join(', ');
  return `${severity}  ${f.rule.padEnd(19)} ${where ? `[${where}] ` : ''}${f.message}`;
}

async function main(): Promise<number> {
  let args: { file: string; json: string | null };
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(e.message);
      return 2;
    }
    throw e;
  }
  let buf: Buffer;
  try {
    const st = await stat(args.file);
    if (!st.isFile()) throw new UsageError(`“${args.file}” không phải là tệp.`);
    if (st.size > MAX_DOCX_BYTES) throw new UsageError(`Tệp quá lớn (${(st.size / 1024 / 1024).toFixed(1).replace('.', ',')} MB); chỉ kiểm tra được tệp đến 20 MB.`);
    buf = await readFile(args.file);
  } catch (e) {
    if (e instanceof UsageError) console.error(e.message);
    else if ((e as NodeJS.ErrnoException).code === 'ENOENT') console.error(`Không tìm thấy tệp “${args.file}”.`);
    else console.error(`Không đọc được tệp “${args.file}”: ${(e as Error).message}`);
    return 2;
  }

  let result: Awaited<ReturnType<typeof checkDocx>>;
  try {
    result = await checkDocx(buf);
  } catch (e) {
    if (e instanceof DocxCheckError) {
      console.error(`${args.file}: ${e.message}`);
      return 2;
    }
    console.error(`${args.file}: lỗi không mong đợi khi kiểm tra: ${(e as Error).message}`);
    return 2;
  }

  const { findings, documentType } = result;
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const typeName = DOC_TYPES.find((d) => d.id === documentType)?.name ?? 'không xác định';
  console.log(`Kiểm tra thể thức theo Nghị định 30/2020/NĐ-CP: ${args.file}`);
  console.log(`Loại văn bản: ${typeName}`);
  for (const f of findings) console.log(line(f));
  console.log(findings.length === 0 ? 'Không phát hiện sai sót về thể thức.' : `Tổng cộng: ${errors} lỗi, ${warnings} cảnh báo.`);

  if (args.json) {
    const out = { file: args.file, documentType, errors, warnings, findings };
    try {
      await writeFile(args.json, `${JSON.stringify(out, null, 2)}\n`, 'utf8');
    } catch (e) {
      console.error(`Không ghi được tệp JSON “${args.json}”: ${(e as Error).message}`);
      return 2;
    }
  }
  return hasErrors(findings) ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`Lỗi không mong đợi: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 2;
  },
);
