/** Kính gửi, the end of the body, Nơi nhận and the signer's authority (PL I §II.7, §II.9). */
import type { Finding } from '../../checks/finding.js';
import { LOOSE_PREFIX } from '../layout.js';
import { fold, norm, runsOf, sizesText, type Segment } from '../text.js';
import { styleFindings } from './header.js';
import { at, finding, quote, type Rule } from './rule.js';

export const kinhGui: Rule = {
  id: 'nd30.kinh-gui',
  source: 'PL I §II.9',
  severity: 'error',
  title: 'Kính gửi',
  check({ type, typeFromCode, kinhGui: seg }) {
    if (!type || typeFromCode) return [];
    const field = 'kinhGui';
    if (type.kinhGui === 'required' && !seg) {
      return [
        finding(this, {
          where: { field },
          message: `${type.name} phải có dòng “Kính gửi: …” ghi cơ quan, người nhận, đặt dưới ${type.typeName ? 'tên loại và trích yếu' : 'khối tiêu đề'}, trước phần nội dung`,
        }),
      ];
    }
    if (type.kinhGui === 'forbidden' && seg) {
      return [
        finding(this, {
          where: at(seg, field),
          message: `${type.name} không có dòng “Kính gửi”; nơi nhận chỉ ghi ở phần “Nơi nhận” cuối văn bản. Hãy xóa dòng ${quote(seg.text, 40)}`,
        }),
      ];
    }
    return [];
  },
};

const ENTRY_DASH = /^[-–—‒−•+*·]/;

function entryText(s: Segment): string {
  const label = s.para.listLabel;
  return norm(label && s.start === firstStart(s) ? `${label} ${s.text}` : s.text);
}

function firstStart(s: Segment): number {
  return s.para.text.length - s.para.text.trimStart().length;
}

export const noiNhan: Rule = {
  id: 'nd30.noi-nhan',
  source: 'PL I §II.9.d',
  severity: 'error',
  title: 'Nơi nhận',
  check({ noiNhan: label, noiNhanEntries: entries, type, typeFromCode, kinhGui: kg }) {
    const field = 'closing.noiNhan';
    if (!label) {
      return [
        finding(this, {
          where: { field },
          message: 'Thiếu phần “Nơi nhận:” ở cuối văn bản (bên trái, ngang dòng chức vụ người ký): chữ thường, đậm, nghiêng, cỡ chữ 12; mỗi nơi nhận một dòng bắt đầu bằng “-”',
        }),
      ];
    }
    const out: Finding[] = [];
    const labelText = norm(label.text);
    if (!/^Nơi nhận:/u.test(labelText)) {
      out.push(finding(this, { where: at(label, field), message: `Ghi ${quote(labelText, 20)}; phải ghi đúng “Nơi nhận:” (chữ thường, có dấu hai chấm)` }));
    }
    const runs = runsOf({ ...label, end: Math.min(label.end, label.start + 'Nơi nhận:'.length) });
    if (runs.length && !runs.every((r) => r.bold && r.italic)) {
      out.push(finding(this, { where: at(label, field), message: '“Nơi nhận:” phải in đậm và in nghiêng' }));
    }
    const badSize = runs.filter((r) => r.sizePt !== 12);
    if (badSize.length) {
      out.push(finding(this, { where: at(label, field), message: `“Nơi nhận:” có cỡ chữ ${sizesText(badSize)}; phải cỡ chữ 12` }));
    }
    if (entries.length === 0) {
      out.push(finding(this, { where: at(label, field), message: 'Dưới “Nơi nhận:” chưa có nơi nhận nào. Mỗi nơi nhận ghi một dòng, bắt đầu bằng “-”, dòng cuối là “- Lưu: VT, …”' }));
      return out;
    }
    for (const e of entries) {
      const text = entryText(e);
      if (text.startsWith('-')) continue;
      const m = ENTRY_DASH.exec(text);
      out.push(
        finding(this, {
          where: at(e, `${field}.entry`, [e.start, e.start + 1]),
          message: m
            ? `Dòng nơi nhận ${quote(text, 40)} bắt đầu bằng “${m[0]}”; mỗi dòng phải bắt đầu bằng gạch đầu dòng “-”`
            : `Dòng nơi nhận ${quote(text, 40)} phải bắt đầu bằng gạch đầu dòng “-”`,
        }),
      );
    }
    const wantsNhuTren = type && !typeFromCode && type.nhuTren && kg;
    const nhuTren = entries.find((e) => /^-\s*Như trên\b/iu.test(entryText(e)));
    if (nhuTren && !kg) {
      out.push(
        finding(this, {
          where: at(nhuTren, `${field}.entry`),
          source: 'PL I §II.9.b',
          message: '“- Như trên;” chỉ những nơi đã ghi ở dòng “Kính gửi”, nhưng văn bản không có dòng “Kính gửi”. Hãy ghi rõ tên từng nơi nhận thay cho “Như trên”',
        }),
      );
    }
    if (wantsNhuTren) {
      const first = entries[0]!;
      // Some tờ trình write "Như Kính gửi", which says the same.
      if (!/^-\s*Như (trên|Kính gửi)\b/iu.test(entryText(first))) {
        out.push(
          finding(this, {
            where: at(first, `${field}.entry`),
            source: 'PL I §II.9.b',
            message: `Văn bản có “Kính gửi” nên dòng đầu của Nơi nhận phải là “- Như trên;”, không phải ${quote(entryText(first), 40)}`,
          }),
        );
      }
    }
    const small = entries.filter((e) => runsOf(e).some((r) => r.sizePt !== 11));
    if (small.length) {
      const runs = small.flatMap((e) => runsOf(e).filter((r) => r.sizePt !== 11));
      out.push(
        finding(this, {
          where: at(small[0]!, `${field}.entry`),
          message: `Các dòng nơi nhận có cỡ chữ ${sizesText(runs)}; tên các nơi nhận trình bày cỡ chữ 11`,
        }),
      );
    }
    const ends = entries.filter((e, i) => {
      const t = entryText(e);
      return i < entries.length - 1 ? !/;$/.test(t) && !/^-\s*Lưu\b/iu.test(t) : !/\.$/.test(t);
    });
    if (ends.length) {
      out.push(
        finding(this, {
          where: at(ends[0]!, `${field}.entry`),
          message: `Dòng nơi nhận ${quote(entryText(ends[0]!), 40)} kết thúc chưa đúng: mỗi dòng kết thúc bằng dấu chấm phẩy “;”, dòng cuối cùng (“- Lưu: …”) kết thúc bằng dấu chấm “.”`,
        }),
      );
    }
    return out;
  },
};

export const luuVt: Rule = {
  id: 'nd30.luu-vt',
  source: 'PL I §II.9.d',
  severity: 'error',
  title: 'Lưu: VT',
  check({ noiNhan: label, noiNhanEntries: entries, model, signatureStart }) {
    const field = 'closing.noiNhan.luu';
    const isLuu = (e: Segment) => fold(entryText(e)).replace(/^[-–—•+*]\s*/, '').startsWith('luu');
    const luu = entries.findIndex(isLuu);
    let seg: Segment | null = luu === -1 ? null : entries[luu]!;
    if (!label) {
      // Without a Nơi nhận label, still look for a Lưu line in the closing part.
      for (let i = signatureStart; i < model.paragraphs.length && !seg; i++) {
        const p = model.paragraphs[i]!;
        if (/^[-–]?\s*lưu\s*:/iu.test(norm(p.text))) seg = { para: p, start: 0, end: p.text.length, text: p.text };
      }
    }
    if (!seg) {
      return [
        finding(this, {
          where: label ? at(label, field) : { field },
          message: 'Thiếu dòng lưu văn bản “- Lưu: VT, …” ở cuối phần Nơi nhận (VT là Văn thư; sau đó ghi đơn vị soạn thảo và số bản lưu nếu cần), ví dụ “- Lưu: VT, TCCB (02).”',
        }),
      ];
    }
    const out: Finding[] = [];
    const text = entryText(seg);
    if (!/^-\s*Lưu:\s*VT\b/u.test(text)) {
      out.push(
        finding(this, {
          where: at(seg, field),
          message: `Dòng ${quote(text, 40)} phải ghi đúng “- Lưu: VT, …” (chữ “Lưu” có dấu hai chấm, “VT” là Văn thư đứng đầu)`,
        }),
      );
    }
    if (label && luu !== entries.length - 1) {
      out.push(finding(this, { where: at(seg, field), message: 'Dòng “- Lưu: VT, …” phải là dòng cuối cùng của phần Nơi nhận' }));
    }
    return out;
  },
};

const VALID_PREFIX = /^(TM|KT|Q|TL|TUQ)\.$/;

export const signerPrefix: Rule = {
  id: 'nd30.signer-prefix',
  source: 'PL I §II.7.b',
  severity: 'error',
  title: 'Quyền hạn của người ký',
  check({ signerLines }) {
    const out: Finding[] = [];
    for (const seg of signerLines) {
      const m = LOOSE_PREFIX.exec(seg.text);
      if (!m) continue;
      const token = m[1]! + m[2]!;
      const span: [number, number] = [seg.start, seg.start + token.length];
      const canonical = m[1]!.replace(/[./]/g, '').toUpperCase();
      if (!VALID_PREFIX.test(token)) {
        out.push(
          finding(this, {
            where: at(seg, 'closing.signer', span),
            message: `Quyền hạn người ký ghi ${quote(token)}; chỉ dùng đúng các chữ viết tắt “TM.”, “KT.”, “Q.”, “TL.”, “TUQ.” (chữ in hoa, có dấu chấm), ví dụ “${canonical}. ${seg.text.slice(m[0].length, m[0].length + 24).trim()}”`,
          }),
        );
      } else if (m[3] === '') {
        out.push(
          finding(this, {
            where: at(seg, 'closing.signer', span),
            severity: 'warning',
            message: `Sau “${token}” nên có một dấu cách trước chức vụ, ví dụ “${token} ${seg.text.slice(m[0].length, m[0].length + 24).trim()}”`,
          }),
        );
      }
    }
    return out;
  },
};

export const endMark: Rule = {
  id: 'nd30.end-mark',
  source: 'PL III (Mẫu 1.1–3.2)',
  severity: 'error',
  title: 'Dấu kết thúc ./.',
  check({ bodyEnd }) {
    if (!bodyEnd) return [];
    const text = bodyEnd.text.trimEnd();
    if (text.endsWith('./.')) return [];
    const end = bodyEnd.start + text.length;
    return [
      finding(this, {
        where: at(bodyEnd, 'body.endMark', [Math.max(bodyEnd.start, end - 1), end]),
        message: `Đoạn cuối phần nội dung ${text.length > 50 ? `“…${text.slice(-48).trimStart()}”` : quote(text)} chưa kết thúc bằng dấu “./.”. Hãy thêm “./.” ngay sau câu cuối cùng, trước phần chữ ký`,
      }),
    ];
  },
};


const isAuthority = (s: Segment) => /\p{L}/u.test(s.text) && norm(s.text) === norm(s.text).toLocaleUpperCase('vi');

export const signer: Rule = {
  id: 'nd30.signer',
  source: 'PL I §II.7',
  severity: 'error',
  title: 'Quyền hạn, chức vụ và họ tên người ký',
  check({ signerLines, signerName, noiNhan: label, signatureTable }) {
    if (!label && !signatureTable && signerLines.length === 0) return [];
    const field = 'closing.signer';
    const out: Finding[] = [];
    const authority = signerLines.filter(isAuthority);
    if (authority.length === 0) {
      out.push(finding(this, { where: { field }, message: 'Chưa có quyền hạn và chức vụ của người ký (ví dụ “TM. ỦY BAN NHÂN DÂN” / “CHỦ TỊCH”), chữ in hoa, đứng, đậm, cỡ chữ 13–14, bên phải, ngang dòng “Nơi nhận:”' }));
    }
    if (!signerName) {
      out.push(finding(this, { where: { field }, message: 'Chưa có họ và tên người ký (chữ thường, đứng, đậm, cỡ chữ 13–14) dưới chữ ký' }));
    }
    for (const s of authority) out.push(...styleFindings(this, s, field, `Chức vụ người ký ${quote(s.text, 30)}`, { bold: true, sizes: [13, 14] }));
    if (signerName) out.push(...styleFindings(this, signerName, `${field}.name`, `Họ tên người ký ${quote(signerName.text, 30)}`, { bold: true, sizes: [13, 14] }));
    return out;
  },
};
