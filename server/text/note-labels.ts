/**
 * Labels staff put in notes ("tg:", "nơi đến:", "lý do:", "NN:"): the composer writes each as part of a
 * sentence, and the checks and the eval find any left in prose.
 */
export interface Label {
  /** The label as staff write it, lower case, without its colon. */
  names: string[];
  /** Written when the fact opens with the label. */
  lead: string;
  /** Written when the label follows another clause. */
  inline: string;
  /** The value already opens with words that do the label's work ("từ 15/01", "tại Hà Nội"): written bare. */
  bareWhen?: RegExp;
}

const LABELS: Label[] = [
  { names: ['tg', 'thời gian'], lead: 'Thời gian thực hiện', inline: 'thời gian', bareWhen: /^(từ|trong|vào|ngày|trước|sau|đến|dự kiến|bắt đầu|hết)(?![\p{L}\p{M}])/iu },
  { names: ['nơi đến'], lead: 'Nơi đến là', inline: 'đến' },
  { names: ['địa điểm', 'đđ'], lead: 'Địa điểm tại', inline: 'tại', bareWhen: /^(tại|ở)(?![\p{L}\p{M}])/iu },
  { names: ['nn', 'nguyên nhân'], lead: 'Nguyên nhân là do', inline: 'do', bareWhen: /^(do|vì|bởi)(?![\p{L}\p{M}])/iu },
  { names: ['lý do'], lead: 'Lý do là', inline: 'do', bareWhen: /^(do|vì|bởi)(?![\p{L}\p{M}])/iu },
  { names: ['mục đích', 'mđ'], lead: 'Mục đích nhằm', inline: 'nhằm', bareWhen: /^(nhằm|để)(?![\p{L}\p{M}])/iu },
  { names: ['thành phần'], lead: 'Thành phần gồm', inline: 'với thành phần gồm', bareWhen: /^gồm(?![\p{L}\p{M}])/iu },
  { names: ['kết quả', 'kq'], lead: 'Kết quả là', inline: 'kết quả là' },
  { names: ['kinh phí', 'kp'], lead: 'Kinh phí thực hiện là', inline: 'với kinh phí' },
  { names: ['nguồn', 'nguồn kinh phí', 'nguồn vốn'], lead: 'Nguồn kinh phí từ', inline: 'từ nguồn', bareWhen: /^(từ|do)(?![\p{L}\p{M}])/iu },
  { names: ['đối tượng'], lead: 'Đối tượng là', inline: 'đối với' },
  { names: ['chủ trì'], lead: 'Chủ trì là', inline: 'chủ trì là' },
  { names: ['phối hợp'], lead: 'Phối hợp với', inline: 'phối hợp với', bareWhen: /^với(?![\p{L}\p{M}])/iu },
  { names: ['hạng mục'], lead: 'Các hạng mục gồm', inline: 'gồm các hạng mục' },
  { names: ['số lượng', 'sl'], lead: 'Số lượng là', inline: 'số lượng' },
  { names: ['tồn tại'], lead: 'Tồn tại là', inline: 'tuy nhiên còn' },
  { names: ['hạn chế'], lead: 'Hạn chế là', inline: 'tuy nhiên còn' },
  { names: ['khó khăn'], lead: 'Khó khăn là', inline: 'tuy nhiên còn' },
  { names: ['giải pháp', 'gp'], lead: 'Giải pháp là', inline: 'giải pháp là' },
  { names: ['đề xuất', 'kiến nghị'], lead: 'Đề xuất', inline: 'đề xuất' },
  { names: ['nội dung', 'nd'], lead: 'Nội dung là', inline: 'với nội dung' },
];

const byName: Map<string, Label> = new Map(LABELS.flatMap((l) => l.names.map((n) => [n, l] as const)));
const names = [...byName.keys()].sort((a, b) => b.length - a.length).join('|');
/** A label opening a fact or a clause: "tg: …", "; nơi đến: …", "NN: …". */
export const LABEL = new RegExp(`(^|[;,.(]\\s*|\\s-\\s)(${names})\\s*:\\s*`, 'giu');

export const labelNamed = (name: string): Label | undefined => byName.get(name.toLocaleLowerCase('vi'));

/**
 * Labels only notes use: a signed document may well say "Thời gian:" or "Nguyên nhân:", but never
 * "tg:", "NN:" or "nơi đến:".
 */
const NOTES_ONLY = new Set(['tg', 'nn', 'đđ', 'mđ', 'kq', 'kp', 'sl', 'gp', 'nơi đến']);

/** The labels of notes a text still holds ("tg:", "NN:"): prose has none. */
export function noteLabels(text: string): { label: string; start: number; end: number }[] {
  return [...text.matchAll(LABEL)].filter((m) => NOTES_ONLY.has(m[2]!.toLocaleLowerCase('vi'))).map((m) => {
    const start = m.index! + m[1]!.length;
    return { label: m[2]!, start, end: m.index! + m[0].length };
  });
}

