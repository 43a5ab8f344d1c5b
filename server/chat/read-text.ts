import type { Template } from '../template/schema.js';
import type { FieldValues, Intake, Intent } from './model.js';
import { resolveSection } from './sections.js';
import { capitalizeFirst, foldAccents, readDate, readIssuer, readList, readOrg, readPlaceName, readRecipients, readSubject, readSymbol } from './values.js';
import { readSigner, type Signer } from './signer.js';

export interface ReadContext {
  asking: string | null;
  template: Template | undefined;
  templates: Template[];
  /** The brief so far, to tell "mục I" from the words that follow it. */
  intake: Intake;
  /** A proposal waits for staff's yes or no: "đúng", "giữ nguyên" answer it. */
  confirming?: boolean;
  /** The office profile's signers, which a name alone picks. */
  signers?: Signer[];
  now?: Date;
}

/** Type names, sought without accents so "thong bao" counts as "thông báo". */
const TYPE_WORDS: [RegExp, string][] = (
  [
    ['báo cáo', 'bao-cao'],
    ['công văn', 'cong-van'],
    ['tờ trình', 'to-trinh'],
    ['kế hoạch', 'ke-hoach'],
    ['thông báo', 'thong-bao'],
  ] as const
).map(([name, id]) => [new RegExp(`(?<![\\p{L}\\p{M}])${foldAccents(name)}(?![\\p{L}\\p{M}])`, 'u'), id]);

/** A section as staff name it, matched without accents: "mục I", "mục 2", "mục kết quả", "phần mở đầu", "phần kết". */
const SECTION_REF = String.raw`(?:muc\s+[^\s,:]+(?:\s+[^\s,:]+)?|phan\s+(?:mo dau|ket thuc|ket))`;

const LABELS: [RegExp, keyof FieldValues | 'numberSymbol'][] = [
  [/^cơ quan chủ quản$/iu, 'parentOrg'],
  [/^(cơ quan|cơ quan ban hành|đơn vị)$/iu, 'org'],
  [/^(ký hiệu|số|số, ký hiệu|số ký hiệu)$/iu, 'numberSymbol'],
  [/^(địa danh|nơi ban hành)$/iu, 'place'],
  [/^(ngày|ngày ban hành|ngày tháng)$/iu, 'date'],
  [/^(trích yếu|v\/v|về việc)$/iu, 'subject'],
  [/^kính gửi$/iu, 'recipients'],
  [/^người ký$/iu, 'signer'],
  [/^nơi nhận$/iu, 'copies'],
  [/^lưu$/iu, 'archive'],
];

/** Reads one field's value as staff typed it; an unreadable value is an `invalid` intent with the reason. */
function readField(field: keyof FieldValues | 'numberSymbol', value: string, ctx: ReadContext): FieldValues | string {
  switch (field) {
    case 'parentOrg':
      return { parentOrg: readOrg(value) };
    case 'org': {
      const r = readIssuer(value);
      return 'error' in r ? r.error : { org: r.value };
    }
    case 'subject': {
      const r = readSubject(value);
      return 'error' in r ? r.error : { subject: r.value };
    }
    case 'place': {
      const r = readPlaceName(value);
      return 'error' in r ? r.error : { place: r.value };
    }
    case 'recipients': {
      const r = readRecipients(value);
      return 'error' in r ? r.error : { recipients: r.value };
    }
    case 'archive':
      return { archive: value.trim().replace(/^lưu\s*:\s*/iu, '').replace(/[.;,]\s*$/u, '') };
    case 'copies': {
      // "- Lưu: VT, NCTH" pasted with the Nơi nhận is the archive line, which code writes last.
      const list = readList(value);
      const luu = list.find((e) => /^lưu\s*:/iu.test(e));
      return { copies: list.filter((e) => e !== luu), ...(luu ? { archive: luu.replace(/^lưu\s*:\s*/iu, '') } : {}) };
    }
    case 'date': {
      const r = readDate(value, ctx.now);
      return 'error' in r ? r.error : { date: r.value };
    }
    case 'numberSymbol':
    case 'symbol':
    case 'number': {
      const r = readSymbol(value, ctx.template);
      return 'error' in r ? r.error : { ...(r.value.symbol ? { symbol: r.value.symbol } : {}), ...(r.value.number ? { number: r.value.number } : {}) };
    }
    case 'signer': {
      const r = readSigner(value, { org: ctx.intake.header.org, known: ctx.signers });
      return 'error' in r ? r.error : { signer: r.value };
    }
  }
}

const TYPES: Record<string, string> = { 'bao cao': 'bao-cao', 'cong van': 'cong-van', 'to trinh': 'to-trinh', 'ke hoach': 'ke-hoach', 'thong bao': 'thong-bao' };
const TYPE = String.raw`(bao cao|cong van|to trinh|ke hoach|thong bao)(?![\p{L}\p{M}])`;
const WHO = String.raw`(?:(?:toi|minh|em|anh|chi)\s+)?(?:(?:can|muon|se|phai)\s+)?`;
/** "đổi sang tờ trình", "chuyển thành kế hoạch …", "à nhầm, tôi cần soạn tờ trình …" (unaccented, lower case). */
const CHANGE_TYPE = [
  new RegExp(String.raw`^(?:(?:a|o|ua|xin loi|nham|nham roi)[,.!]*\s+)*${WHO}(?:doi|chuyen)(?:\s+lai)?\s+(?:sang|thanh|qua)\s+(?:loai\s+|van ban\s+)?${TYPE}([\s\S]*)$`, 'du'),
  new RegExp(String.raw`^(?:(?:a|o|ua|xin loi)[,.!]*\s+)*(?:(?:toi|minh|em)\s+)?nham(?:\s+roi)?[,.!]*\s+${WHO}(?:soan|lam|viet)\s+(?:loai\s+|van ban\s+)?${TYPE}([\s\S]*)$`, 'du'),
];

/** Fields staff name in "sửa …", unaccented, and the question each is. */
const FIELD_NAMES: [RegExp, string][] = [
  [/^(?:loai van ban|loai)$/u, 'template'],
  [/^(?:co quan ban hanh|co quan|don vi)$/u, 'header.org'],
  [/^(?:trich yeu|v\/v|ve viec|tieu de|ten van ban)$/u, 'header.subject'],
  [/^(?:kinh gui|noi gui|nguoi nhan)$/u, 'header.recipients'],
  [/^(?:dia danh|noi ban hanh)$/u, 'header.place'],
  [/^(?:ky hieu|so ky hieu|so, ky hieu|so)$/u, 'header.symbol'],
  [/^(?:ngay|ngay ban hanh|ngay thang)$/u, 'header.date'],
  [/^(?:nguoi ky|chu ky)$/u, 'signer'],
  [/^(?:noi nhan)$/u, 'copies'],
];

/**
 * Commands staff may give at any step, typed with or without accents: trợ giúp, quay lại, hủy,
 * giữ nguyên, đúng (when something waits for a yes), đổi sang <loại>, sửa <trường>.
 */
function readCommand(plain: string, text: string, ctx: ReadContext): Intent | null {
  const bare = plain.replace(/[\s.!?]+$/u, '');
  if (/^(?:tro giup|giup|giup do|huong dan|help|lam sao|lam the nao|)$/u.test(bare)) return { kind: 'help' };
  if (/^(?:quay lai|tro lai|lui lai|quay ve|back)(?:\s+(?:buoc|cau)\s+truoc)?$/u.test(bare)) return { kind: 'back' };
  if (/^(?:huy|huy bo|huy van ban|huy het|huy di|bat dau lai|lam lai tu dau)$/u.test(bare)) return { kind: 'cancel' };
  if (/^(?:giu nguyen|giu nguyen nhu da go|giu nhu da go|giu nhu cu|de nguyen|khong dau cung duoc)$/u.test(bare)) return { kind: 'keep' };
  // A yes is never a value: "đúng" typed where nothing waits for one is not a địa danh.
  if (/^(?:dung|dung roi|dung vay|dung the|chinh xac|co|ok|oke|okay|dong y|vang|u|uh|phai|xac nhan|duoc|yes)$/u.test(bare)) {
    return { kind: 'yes' };
  }
  for (const re of CHANGE_TYPE) {
    const m = re.exec(plain);
    if (!m) continue;
    const at = m.indices?.[2];
    const rest = at && plain.length === text.length ? text.slice(at[0], at[1]).replace(/^\s*(về\s+việc|v\/v|về)?\s*[:,-]?\s*/iu, '').trim() : '';
    return { kind: 'change-template', template: TYPES[m[1]!]!, ...(rest.split(/\s+/u).length >= 2 ? { subject: capitalizeFirst(rest) } : {}) };
  }
  const edit = /^(?:sua|doi|chinh|thay)(?:\s+lai)?\s+(.+?)$/u.exec(bare);
  if (edit) {
    const name = edit[1]!.trim();
    const field = FIELD_NAMES.find(([re]) => re.test(name));
    if (field) return { kind: 'edit', ask: field[1] };
    const section = /^(?:(?:cac\s+)?y\s+(?:cua\s+|o\s+)?)?((?:muc|phan)\s+.+)$/u.exec(name);
    const s = section && ctx.template ? resolveSection(section[1]!, ctx.template, ctx.intake) : undefined;
    if (s) return { kind: 'edit', ask: `facts:${s.key}` };
    // "sửa ký hiệu: BC-UBND", "sửa ngày thành 05/12/2024": the field with its new value.
    const withValue = /^(.+?)\s*(?::|\s+thanh\s+|\s+la\s+)\s*(\S[\s\S]*)$/u.exec(name);
    const named = withValue && FIELD_NAMES.find(([re]) => re.test(withValue[1]!.trim()));
    if (withValue && named && named[1] !== 'template') {
      // The value sits at the end of the folded message: cut the typed one at the same offsets.
      const valueAt = bare.length - withValue[2]!.length;
      const value = plain.length === text.length ? text.slice(valueAt, bare.length) : withValue[2]!;
      const field = (named[1].startsWith('header.') ? named[1].slice(7) : named[1]) as keyof FieldValues;
      const read = readField(field === 'symbol' ? 'numberSymbol' : field, value, ctx);
      return typeof read === 'string' ? { kind: 'invalid', message: read } : { kind: 'set', fields: read };
    }
  }
  return null;
}

/**
 * "Nhãn: giá trị" lines. While facts are being collected, a fact may itself read "Đơn vị: …", so
 * the message counts as labelled fields only when every line of it is one.
 */
function labelled(text: string, ctx: ReadContext): Intent | null {
  const fields: FieldValues = {};
  let found = false;
  const lines = text.split('\n').filter((l) => l.trim());
  const labelOf = (line: string) => {
    const m = /^\s*([^:]{2,30}):\s*(.+)$/u.exec(line);
    const label = m && LABELS.find(([re]) => re.test(m[1]!.trim()));
    return m && label ? { value: m[2]!, field: label[1] } : null;
  };
  if (ctx.asking?.startsWith('facts:') && !lines.every((l) => labelOf(l))) return null;
  // Each readable field is kept; one that cannot be read is told, without losing the others.
  const problems: string[] = [];
  for (const line of lines) {
    const label = labelOf(line);
    if (!label) continue;
    found = true;
    const read = readField(label.field, label.value, ctx);
    if (typeof read === 'string') problems.push(read);
    else Object.assign(fields, read);
  }
  if (!found) return null;
  if (Object.keys(fields).length === 0) return { kind: 'invalid', message: problems.join('\n') };
  return { kind: 'set', fields, ...(problems.length ? { problems } : {}) };
}

/**
 * "mục I ngắn gọn hơn" is the section "mục I" and the instruction "ngắn gọn hơn": the longest run of
 * words after "mục" that names a section of this document wins.
 */
function splitSection(text: string, ctx: ReadContext): { section: string | null; rest: string } {
  const trimmed = text.trim();
  const m = /^(?:(?:cua|trong|o)\s+)?((?:muc|phan)\s+.*)$/su.exec(foldAccents(trimmed));
  if (!m || !ctx.template) return { section: null, rest: text };
  const words = trimmed.slice(trimmed.length - m[1]!.length).split(/\s+/u);
  for (let n = Math.min(words.length, 7); n >= 2; n--) {
    const ref = words.slice(0, n).join(' ').replace(/[,:.]$/u, '');
    if (resolveSection(ref, ctx.template, ctx.intake)) return { section: ref, rest: words.slice(n).join(' ') };
  }
  return { section: words.slice(0, 2).join(' ').replace(/[,:.]$/u, ''), rest: words.slice(2).join(' ') };
}

/**
 * The deterministic interview: commands first ("viết lại đoạn 2 mục I ngắn gọn hơn", "soạn lại mục II",
 * "thêm vào mục I: …", "bỏ qua", "xong"), then "Nhãn: giá trị" lines, then the answer to what is asked.
 */
export function readText(input: string, ctx: ReadContext): Intent {
  const text = input.normalize('NFC').trim();
  if (!text) return { kind: 'invalid', message: 'Tin nhắn đang trống: hãy gõ nội dung cần trả lời.' };
  let m: RegExpExecArray | null;

  // Commands are read without accents ("soan lai muc 1" is "soạn lại mục 1"); what they carry (an
  // instruction, facts) is taken from the message as typed, at the same place: folding keeps offsets.
  const plain = foldAccents(text);
  const same = plain.length === text.length;
  const typed = (match: RegExpExecArray, group: number) => {
    const at = match.indices?.[group];
    return at ? (same ? text : plain).slice(at[0], at[1]) : undefined;
  };
  const command = readCommand(plain, text, ctx);
  if (command) return command;
  if ((m = /^(?:viet|soan)\s+lai\s+doan\s+(?:thu\s+)?(\d+)\s*(.*)$/isd.exec(plain))) {
    const { section, rest } = splitSection(typed(m, 2)!, ctx);
    return { kind: 'redraft-paragraph', paragraph: Number(m[1]), section, instruction: rest.replace(/^[,:.-]\s*/u, '').trim() || null };
  }
  if ((m = new RegExp(String.raw`^(?:viet|soan)\s+lai\s+(${SECTION_REF})\s*$`, 'd').exec(plain))) {
    return { kind: 'redraft-section', section: typed(m, 1)! };
  }
  if (/^(?:soan|soan van ban|soan ngay|soan luon|soan lai toan bo|soan lai ca van ban|viet van ban)\s*[.!]?$/u.test(plain)) {
    return { kind: 'draft-all' };
  }
  if ((m = new RegExp(String.raw`^(?:them|bo sung)\s+(?:y\s+)?(?:vao\s+|cho\s+)?(${SECTION_REF})\s*:\s*([\s\S]+)$`, 'd').exec(plain))) {
    return { kind: 'facts', section: typed(m, 1)!, lines: typed(m, 2)!.split('\n') };
  }
  if ((m = new RegExp(String.raw`^xoa\s+(?:het\s+|cac\s+|moi\s+|toan bo\s+)?y(?:\s+lieu)?(?:\s+(?:cua|trong|o))?(?:\s+(${SECTION_REF}))?\s*[.!]?$`, 'd').exec(plain))) {
    return { kind: 'clear-facts', section: m[1] ? typed(m, 1)! : null };
  }
  if (/^(bo qua|khong co|khong|bo)\s*[.!]?$/u.test(plain)) return { kind: 'skip' };
  if (/^(xong|tiep|tiep theo|het|du roi|du)\s*[.!]?$/u.test(plain)) return { kind: 'next' };

  const byLabel = labelled(text, ctx);
  if (byLabel) return byLabel;

  if (!ctx.template) {
    // The type named first is the one meant: "thông báo về việc triển khai kế hoạch …" is a thông báo.
    // Accents may be missing ("thong bao"): the words are sought in the folded text.
    const folded = foldAccents(text);
    const found = TYPE_WORDS.filter(([re]) => re.test(folded));
    const type = found.sort(([a], [b]) => a.exec(folded)!.index - b.exec(folded)!.index)[0];
    if (!type || !ctx.templates.some((t) => t.id === type[1])) {
      return { kind: 'invalid', message: 'Chưa rõ loại văn bản: hãy chọn báo cáo, công văn, tờ trình, kế hoạch hoặc thông báo.' };
    }
    // "báo cáo kết quả thực hiện …": what follows the type is the trích yếu (folding keeps offsets).
    const at = type[0].exec(folded)!;
    const rest = text.slice(at.index + at[0].length).replace(/^\s*(về\s+việc|v\/v|về)?\s*[:,-]?\s*/iu, '');
    const subject = rest.length >= 8 ? { subject: capitalizeFirst(rest) } : {};
    return { kind: 'set', template: type[1], fields: subject };
  }

  const asking = ctx.asking;
  if (asking?.startsWith('facts:')) return { kind: 'facts', section: null, lines: text.split('\n') };
  if (asking?.startsWith('header.') || asking === 'signer' || asking === 'copies') {
    const field = (asking.startsWith('header.') ? asking.slice(7) : asking) as keyof FieldValues;
    const read = readField(field, field === 'recipients' || field === 'copies' || field === 'signer' ? text : text.replace(/\n/g, ' '), ctx);
    return typeof read === 'string' ? { kind: 'invalid', message: read } : { kind: 'set', fields: read };
  }
  return { kind: 'unknown' };
}
