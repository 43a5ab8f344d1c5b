/**
 * Starting from last period's document: a .docx (made by soanthao or by anyone in Word) becomes a
 * draft whose paragraphs are the document's own, kept as staff revisions, with every figure and
 * date marked for the clerk to update, and optionally the next period's trích yếu and date.
 */
import { readDocx } from '../nd30/read-docx.js';
import { locate } from '../nd30/layout.js';
import type { DraftingService, DraftDetail } from '../draft/service.js';
import type { DraftStore } from '../store/draft-store.js';
import type { TemplateRegistry } from '../template/load.js';
import type { RevisionMeta } from '../draft/model.js';
import type { RequestScope } from '../auth/scope.js';
import { readHeader, readClosing } from './header.js';
import { readBody } from './body.js';
import { toBrief, type ImportedDraft } from './to-brief.js';
import { figuresToUpdate } from './marks.js';
import { proposeNextPeriod, type NextPeriodProposal } from './next-period.js';

export interface ImportOptions {
  /** Move the trích yếu and the date on to the next period, and clear the số. */
  nextPeriod?: boolean;
  /** Today, for a document without a readable date. */
  now?: Date;
}

export interface ImportReport {
  templateId: string;
  sections: number;
  paragraphs: number;
  /** Figures, dates and periods marked for update. */
  marks: number;
  notes: string[];
  nextPeriod: NextPeriodProposal | null;
}

const IMPORT_META: RevisionMeta = { author: 'staff', provider: 'staff', model: null, promptVersion: null, instruction: 'Nhập từ tệp .docx', usage: null };

/** Reads a .docx into a brief and its paragraphs, without storing anything. */
export async function readImport(bytes: Uint8Array, templates: TemplateRegistry, options: ImportOptions = {}): Promise<{ draft: ImportedDraft; nextPeriod: NextPeriodProposal | null }> {
  const layout = locate(await readDocx(bytes));
  const now = options.now ?? new Date();
  const thisMonth = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  const draft = toBrief({ layout, header: readHeader(layout), closing: readClosing(layout), body: readBody(layout), thisMonth }, templates);
  let proposal: NextPeriodProposal | null = null;
  if (options.nextPeriod) {
    const header = draft.brief.header;
    proposal = proposeNextPeriod(header.subject, header.date);
    header.subject = proposal.subject;
    header.date = proposal.date;
    header.number = '';
    if (!proposal.period) draft.notes.push('Trích yếu không nêu kỳ báo cáo (tháng, quý, năm): giữ nguyên trích yếu, ngày ban hành lùi sang tháng sau.');
  }
  return { draft, nextPeriod: proposal };
}

/** Imports a .docx as a new draft of the scope's: one staff revision per paragraph, marks on its figures. */
export async function importDocx(
  scope: RequestScope,
  bytes: Uint8Array,
  deps: { service: DraftingService; store: DraftStore; templates: TemplateRegistry },
  options: ImportOptions = {},
): Promise<{ detail: DraftDetail; report: ImportReport }> {
  const { draft, nextPeriod } = await readImport(bytes, deps.templates, options);
  const created = await deps.service.create(scope, draft.brief);
  let marks = 0;
  let count = 0;
  for (const [key, paragraphs] of Object.entries(draft.paragraphs)) {
    const written = paragraphs.map((p, i) => {
      const findings = figuresToUpdate(p.text, key, i);
      marks += findings.length;
      return { part: p.part, text: p.text, findings };
    });
    count += written.length;
    await deps.store.writeSection(created.id, key, written, IMPORT_META, []);
  }
  const detail = await deps.service.detail(scope, created.id);
  return {
    detail,
    report: {
      templateId: draft.template.id,
      sections: Object.keys(draft.paragraphs).length,
      paragraphs: count,
      marks,
      notes: draft.notes,
      nextPeriod,
    },
  };
}
