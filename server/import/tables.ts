/**
 * Tables in the body of a read .docx. A task table (nhiệm vụ, đơn vị chủ trì, phối hợp, thời hạn)
 * becomes the section's tasks; any other table is only reported, since a brief has no place for it.
 */
import type { Layout } from '../nd30/layout.js';
import type { TableInfo } from '../nd30/model.js';
import type { BriefTask } from '../brief/schema.js';
import { fold, norm } from '../nd30/text.js';

export interface BodyTable {
  /** Paragraph index the table ends at, to place it among the body paragraphs. */
  lastParagraph: number;
  /** Rows of a task table; null for any other table. */
  tasks: BriefTask[] | null;
  /** Task rows left out because a required cell (việc, chủ trì, thời hạn) was empty. */
  skipped: number;
}

/** Cell texts by row, paragraphs of a cell joined by a space. */
function cells(layout: Layout, table: TableInfo): string[][] {
  const rows: string[][] = [];
  for (const p of layout.model.paragraphs.slice(table.firstParagraph, table.lastParagraph + 1)) {
    if (!p.cell || p.cell.table !== table.index) continue;
    const row = (rows[p.cell.row] ??= []);
    const text = norm(p.text);
    row[p.cell.cell] = row[p.cell.cell] ? `${row[p.cell.cell]} ${text}`.trim() : text;
  }
  return rows.filter(Boolean).map((r) => Array.from(r, (c) => c ?? ''));
}

const COLUMNS: { key: keyof BriefTask; words: RegExp }[] = [
  { key: 'task', words: /nhiem vu|noi dung|cong viec/ },
  { key: 'lead', words: /chu tri/ },
  { key: 'support', words: /phoi hop/ },
  { key: 'deadline', words: /thoi han|thoi gian/ },
];

function tasksOf(rows: string[][]): { tasks: BriefTask[]; skipped: number } | null {
  const head = rows[0]?.map(fold) ?? [];
  const at = new Map(COLUMNS.map((c) => [c.key, head.findIndex((h) => c.words.test(h))]));
  if (at.get('task')! < 0 || at.get('lead')! < 0 || at.get('deadline')! < 0) return null;
  const tasks: BriefTask[] = [];
  let skipped = 0;
  for (const row of rows.slice(1)) {
    const get = (key: keyof BriefTask) => (at.get(key)! >= 0 ? (row[at.get(key)!] ?? '').trim() : '');
    const task = { task: get('task'), lead: get('lead'), support: get('support'), deadline: get('deadline') };
    if (!task.task && !task.lead && !task.deadline) continue;
    if (!task.task || !task.lead || !task.deadline) {
      skipped++;
      continue;
    }
    tasks.push(task.support ? task : { task: task.task, lead: task.lead, deadline: task.deadline });
  }
  return { tasks, skipped };
}

/** The top-level tables between the body's first paragraph and the closing block. */
export function bodyTables(layout: Layout): BodyTable[] {
  return layout.model.tables
    .filter((t) => t.parent === null && t.firstParagraph >= layout.bodyStart && t.firstParagraph < layout.signatureStart && t !== layout.signatureTable)
    .map((t) => {
      const read = tasksOf(cells(layout, t));
      return { lastParagraph: t.lastParagraph, tasks: read?.tasks ?? null, skipped: read?.skipped ?? 0 };
    });
}
