import type { BriefInput } from '../brief/schema.js';
import type { Template } from '../template/schema.js';
import { DraftError } from '../errors.js';
import type { OfficeProfile } from './schema.js';

export interface PrefillOptions {
  /** Index of the profile's signer to use; the first by default. */
  signer?: number;
  /** Drafting unit of a công văn's ký hiệu, instead of the profile's usual one. */
  unit?: string;
  /** Today, for the month of the date line. */
  now?: Date;
}

const NHU_TREN = 'Như trên';

/** `YYYY-MM` in Vietnam's time zone: the day stays blank for văn thư to write when the document is signed. */
function currentMonth(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}`;
}

/**
 * Ký hiệu per Phụ lục III: `<CODE>-<cơ quan>` for a type with a tên loại (`KH-UBND`), and for công văn,
 * which has no type code, `<cơ quan>-<đơn vị soạn thảo>` (`UBND-VP`). A part the profile lacks is left
 * for staff to write, the dash showing where.
 */
function symbol(template: Template, suffix: string, unit: string): string {
  if (template.code) return `${template.code}-${suffix}`;
  return unit ? `${suffix}-${unit}` : suffix;
}

/**
 * A new brief of the template, its header, signer and Nơi nhận taken from the office profile and every
 * section present with no facts yet. Not a valid brief until staff write the trích yếu and the facts.
 */
export function prefillBrief(template: Template, profile: OfficeProfile | null, options: PrefillOptions = {}): BriefInput {
  const signerIndex = options.signer ?? 0;
  const signers = profile?.signers ?? [];
  if (options.signer !== undefined && !signers[signerIndex]) {
    throw new DraftError('bad_input', `Hồ sơ cơ quan không có người ký thứ ${signerIndex + 1}`, [
      { field: 'signer', message: signers.length ? `Chọn từ 1 đến ${signers.length}` : 'Hồ sơ cơ quan chưa có người ký nào' },
    ]);
  }
  const signer = signers[signerIndex] ?? template.defaults.signer;
  const usual = (profile?.copies ?? []).filter((c) => c.replace(/^[-–]\s*/, '').replace(/[;.]\s*$/, '').trim().toLocaleLowerCase('vi') !== 'như trên');
  const copies = profile
    ? [...(template.kinhGui === 'none' ? [] : [NHU_TREN]), ...usual]
    : [...template.defaults.copies];
  return {
    version: 1,
    template: template.id,
    header: {
      parentOrg: profile?.parentOrg ?? '',
      org: profile?.org ?? '',
      ...(profile?.orgName ? { orgName: profile.orgName } : {}),
      number: '',
      symbol: symbol(template, profile?.symbolSuffix ?? '', options.unit ?? profile?.unit ?? ''),
      place: profile?.place ?? '',
      date: currentMonth(options.now ?? new Date()),
      subject: '',
      recipients: [],
    },
    sections: template.sections.map((s) => ({ key: s.key, facts: [], ...(s.taskTable ? { tasks: [] } : {}) })),
    signer: { lines: [...signer.lines], name: signer.name },
    copies,
    archive: profile?.archive || template.defaults.archive,
  };
}
