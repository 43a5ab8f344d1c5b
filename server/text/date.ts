/** Date forms of Nghị định 30: the day below 10 and the months 1 and 2 take a leading zero. */

export function dayText(day: number): string {
  return String(day).padStart(2, '0');
}

export function monthText(month: number): string {
  return month <= 2 ? String(month).padStart(2, '0') : String(month);
}

/** Blank left for văn thư to write the day or number by hand. */
export const BLANK = '\u00A0'.repeat(6);

/**
 * `Nghi Xuân, ngày 05 tháng 12 năm 2021`; with a brief date of `YYYY-MM` the day stays blank:
 * `Nghi Xuân, ngày      tháng 12 năm 2021`.
 */
export function dateLine(place: string, date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const day = d === undefined || Number.isNaN(d) ? BLANK : dayText(d);
  return `${place}, ngày ${day} tháng ${monthText(m!)} năm ${y}`;
}

/** `ngày 15 tháng 11 năm 2021` from a date the brief or a fact gave. */
export function longDate(day: number, month: number, year: number): string {
  return `ngày ${dayText(day)} tháng ${monthText(month)} năm ${year}`;
}
