import type { Brief } from '../brief/schema.js';
import { parseBrief } from '../brief/load.js';
import { validateBriefForTemplate } from '../brief/validate.js';
import type { Template, TemplateSection } from '../template/schema.js';
import type { TemplateRegistry } from '../template/load.js';
import type { Provider } from '../provider/types.js';
import type { DraftStore } from '../store/draft-store.js';
import type { Finding } from '../checks/finding.js';
import { checkDraft, checkSection } from '../checks/index.js';
import { DraftError } from '../errors.js';
import type { Draft, DraftSummary, Paragraph, Revision, RevisionMeta } from './model.js';
import { visibleParagraphs } from './model.js';
import { toDocument, type DocumentView } from './document.js';
import type { RunOptions } from './events.js';
import { settleWithLimit } from './limit.js';

export interface SectionView {
  key: string;
  /** Numbered heading as printed (`I. KẾT QUẢ THỰC HIỆN`); null for the opening, the closing and unnumbered sections. */
  heading: string | null;
  /** What staff call the section, numbered or not: "Phần mở đầu", "NỘI DUNG", "KẾT QUẢ THỰC HIỆN". */
  label: string;
  role: TemplateSection['role'];
  required: boolean;
  /** Sub-section titles of the brief, by part index. */
  parts: string[];
  facts: string[];
  paragraphs: Paragraph[];
  /** Findings that belong to the section as a whole (a fact's figure missing from the text). */
  findings: Finding[];
}

export interface DraftDetail extends DraftSummary {
  brief: Brief;
  template: { id: string; name: string };
  sections: SectionView[];
  document: DocumentView;
}

export interface SectionOutcome {
  section: string;
  ok: boolean;
  findings: Finding[];
  error?: { code: string; message: string };
}

const STAFF_META: RevisionMeta = { author: 'staff', provider: 'staff', model: null, promptVersion: null, instruction: null, usage: null };

/** The drafting walk: brief -> provider -> checks -> store, one section or paragraph at a time. */
export class DraftingService {
  constructor(
    private readonly store: DraftStore,
    private readonly templates: TemplateRegistry,
    private readonly provider: Provider,
    private readonly concurrency = 4,
  ) {}

  get providerInfo(): { name: string; model: string | null } {
    return { name: this.provider.name, model: this.provider.model };
  }

  /** Validates a brief (JSON text or value) against its template. */
  parse(input: unknown): { brief: Brief; template: Template } {
    const brief = parseBrief(input);
    const template = this.templates.get(brief.template);
    validateBriefForTemplate(brief, template);
    return { brief, template };
  }

  create(input: unknown, title?: string): DraftDetail {
    const { brief, template } = this.parse(input);
    const summary = this.store.createDraft(title?.trim() || `${template.name}: ${brief.header.subject}`.slice(0, 200), brief);
    return this.detail(summary.id);
  }

  list(): DraftSummary[] {
    return this.store.listDrafts();
  }

  detail(id: string): DraftDetail {
    const draft = this.store.getDraft(id);
    const template = this.templates.get(draft.templateId);
    const document = toDocument(draft, template);
    const sectionFindings = this.store.sectionFindings(id);
    const headings = new Map(document.body.flatMap((b) => (b.kind === 'heading' ? [[b.section, b.text] as const] : [])));
    return {
      id: draft.id,
      title: draft.title,
      templateId: draft.templateId,
      createdAt: draft.createdAt,
      updatedAt: draft.updatedAt,
      brief: draft.brief,
      template: { id: template.id, name: template.name },
      sections: template.sections.map((s) => {
        const b = draft.brief.sections.find((x) => x.key === s.key);
        return {
          key: s.key,
          heading: headings.get(s.key) ?? (s.role === 'body' && s.numbered ? (b?.title ?? s.heading ?? null) : null),
          label: s.role === 'opening' ? 'Phần mở đầu' : s.role === 'closing' ? 'Phần kết thúc' : (b?.title ?? s.heading ?? s.key).toLocaleUpperCase('vi'),
          role: s.role,
          required: s.required,
          parts: b?.parts?.map((p) => p.title) ?? [],
          facts: b?.parts ? b.parts.flatMap((p) => p.facts) : (b?.facts ?? []),
          paragraphs: draft.paragraphs[s.key] ?? [],
          findings: sectionFindings[s.key] ?? [],
        };
      }),
      document,
    };
  }

  private bodySectionsWithout(brief: Brief, template: Template): TemplateSection[] {
    return template.sections.filter((s) => s.role === 'body' && !brief.sections.some((b) => b.key === s.key));
  }

  /** The sections a draft writes: formula sections always, body sections where the brief has facts. */
  private draftableSections(brief: Brief, template: Template): TemplateSection[] {
    return template.sections.filter((s) => s.role !== 'body' || brief.sections.some((b) => b.key === s.key));
  }

  async draftAll(id: string, options: RunOptions = {}): Promise<SectionOutcome[]> {
    const draft = this.store.getDraft(id);
    const template = this.templates.get(draft.templateId);
    const sections = this.draftableSections(draft.brief, template);
    const results = await settleWithLimit(
      sections.map((s) => () => this.draftOne(draft, template, s, options)),
      this.concurrency,
    );
    return results.map((r, i) => (r.status === 'fulfilled' ? r.value : this.failure(id, sections[i]!.key, r.reason, options)));
  }

  async draftSection(id: string, key: string, options: RunOptions = {}): Promise<SectionOutcome> {
    const draft = this.store.getDraft(id);
    const template = this.templates.get(draft.templateId);
    const section = template.sections.find((s) => s.key === key);
    if (!section) {
      throw new DraftError('unknown_section', `${template.name} không có mục "${key}"`, [{ field: 'section', message: `Mục "${key}" không có trong mẫu` }]);
    }
    if (!this.draftableSections(draft.brief, template).includes(section)) {
      throw new DraftError('bad_input', `Mục "${section.heading ?? key}" chưa có ý liệu để soạn`, [{ field: 'section', message: 'Chưa có ý liệu' }]);
    }
    try {
      return await this.draftOne(draft, template, section, options);
    } catch (e) {
      return this.failure(id, key, e, options);
    }
  }

  /**
   * A section that could not be drafted keeps its previous revision. An unusable answer from the
   * model is also left as a finding on the section, so it shows where the text is.
   */
  private failure(draftId: string, section: string, reason: unknown, options: RunOptions): SectionOutcome {
    const error = reason instanceof DraftError ? reason : new DraftError('internal', 'Lỗi không mong đợi khi soạn mục này', [], { cause: reason });
    if (error.code === 'internal') console.error(reason);
    const findings: Finding[] = [];
    if (error.code === 'provider_bad_output') {
      findings.push({ rule: 'provider.bad-output', severity: 'error', where: { section }, message: error.message });
      const kept = (this.store.sectionFindings(draftId)[section] ?? []).filter((f) => !f.rule.startsWith('provider.'));
      try {
        this.store.setSectionFindings(draftId, section, [...kept, ...findings]);
      } catch (e) {
        // A draft deleted meanwhile has nowhere to keep the finding.
        if (!(e instanceof DraftError && e.code === 'not_found')) throw e;
      }
    }
    options.onEvent?.({ type: 'error', section, code: error.code, message: error.message });
    return { section, ok: false, findings, error: { code: error.code, message: error.message } };
  }

  private neighbours(draft: Draft, template: Template, key: string): { before: string; after: string } {
    const i = template.sections.findIndex((s) => s.key === key);
    const text = (k: string | undefined) => (k ? visibleParagraphs(draft, k).map((p) => p.current.text).join('\n\n') : '');
    return { before: text(template.sections[i - 1]?.key), after: text(template.sections[i + 1]?.key) };
  }

  private async draftOne(draft: Draft, template: Template, section: TemplateSection, options: RunOptions): Promise<SectionOutcome> {
    options.onEvent?.({ type: 'section-start', section: section.key });
    const drafted = await this.provider.draftSection({
      template,
      brief: draft.brief,
      section,
      briefSection: draft.brief.sections.find((s) => s.key === section.key),
      neighbours: this.neighbours(draft, template, section.key),
      signal: options.signal,
      onText: (delta) => options.onEvent?.({ type: 'text', section: section.key, delta }),
      onRetry: (reason) => options.onEvent?.({ type: 'retry', section: section.key, reason }),
    });
    if (options.signal?.aborted) throw new DraftError('cancelled', 'Đã dừng soạn mục này; văn bản trước đó được giữ nguyên.');
    const checked = checkSection(draft.brief, template, section.key, drafted.paragraphs.map((p) => p.text));
    this.store.writeSection(
      draft.id,
      section.key,
      drafted.paragraphs.map((p, i) => ({ ...p, findings: checked.byParagraph[i]! })),
      drafted.meta,
      checked.section,
    );
    const findings = [...checked.section, ...checked.byParagraph.flat()];
    options.onEvent?.({ type: 'section-done', section: section.key, findings });
    return { section: section.key, ok: true, findings };
  }

  /** Findings of a paragraph's text as it would stand in its section. */
  private checkParagraphText(draft: Draft, template: Template, paragraph: Paragraph, text: string): Finding[] {
    const paragraphs = visibleParagraphs(draft, paragraph.sectionKey);
    const texts = paragraphs.map((p) => (p.id === paragraph.id ? text : p.current.text));
    if (!paragraphs.some((p) => p.id === paragraph.id)) texts.push(text);
    const index = paragraphs.findIndex((p) => p.id === paragraph.id);
    const checked = checkSection(draft.brief, template, paragraph.sectionKey, texts);
    this.store.setSectionFindings(draft.id, paragraph.sectionKey, checked.section);
    const own = checked.byParagraph[index < 0 ? texts.length - 1 : index] ?? [];
    return own.map((f) => ({ ...f, where: { ...f.where, paragraph: paragraph.position } }));
  }

  editParagraph(id: string, paragraphId: number, text: string): Revision {
    const clean = text.normalize('NFC').trim();
    if (clean === '') {
      throw new DraftError('bad_input', 'Đoạn văn không được để trống', [{ field: 'text', message: 'Cần nội dung đoạn văn' }]);
    }
    const draft = this.store.getDraft(id);
    const template = this.templates.get(draft.templateId);
    const paragraph = this.store.paragraph(id, paragraphId);
    const findings = this.checkParagraphText(draft, template, paragraph, clean);
    return this.store.appendRevision(id, paragraphId, { text: clean, meta: STAFF_META, findings });
  }

  async redraftParagraph(id: string, paragraphId: number, instruction: string | null, options: RunOptions = {}): Promise<Revision> {
    const draft = this.store.getDraft(id);
    const template = this.templates.get(draft.templateId);
    const paragraph = this.store.paragraph(id, paragraphId);
    const section = template.sections.find((s) => s.key === paragraph.sectionKey)!;
    const redrafted = await this.provider.redraftParagraph({
      template,
      brief: draft.brief,
      section,
      briefSection: draft.brief.sections.find((s) => s.key === section.key),
      paragraph: { part: paragraph.part, text: paragraph.current.text, position: paragraph.position },
      sectionParagraphs: visibleParagraphs(draft, section.key).map((p) => p.current.text),
      instruction: instruction?.normalize('NFC').trim() || null,
      signal: options.signal,
      onText: (delta) => options.onEvent?.({ type: 'text', section: section.key, delta, paragraphId }),
      onRetry: (reason) => options.onEvent?.({ type: 'retry', section: section.key, reason, paragraphId }),
    });
    if (options.signal?.aborted) throw new DraftError('cancelled', 'Đã dừng soạn lại đoạn này; đoạn cũ được giữ nguyên.');
    // Staff may have edited other paragraphs while the model wrote: check against the draft as it is now.
    const now = this.store.getDraft(id);
    const findings = this.checkParagraphText(now, template, this.store.paragraph(id, paragraphId), redrafted.text);
    const revision = this.store.appendRevision(id, paragraphId, { text: redrafted.text, meta: redrafted.meta, findings });
    options.onEvent?.({ type: 'paragraph-done', section: section.key, paragraphId, revisionId: revision.id, findings });
    return revision;
  }

  revisions(id: string, paragraphId: number): Revision[] {
    return this.store.listRevisions(id, paragraphId);
  }

  makeCurrent(id: string, paragraphId: number, revisionId: number): Revision {
    return this.store.setCurrent(id, paragraphId, revisionId);
  }

  /** Runs every check on the draft as it stands, and refreshes the stored findings. */
  check(id: string): Finding[] {
    const draft = this.store.getDraft(id);
    const template = this.templates.get(draft.templateId);
    const findings = checkDraft(draft, template);
    // Marks an import left on a revision (figures to update) stay until staff write a new revision.
    const imported = (p: Paragraph) => p.current.findings.filter((f) => f.rule.startsWith('import.'));
    for (const s of template.sections) {
      const paragraphs = draft.paragraphs[s.key] ?? [];
      const ofSection = findings.filter((f) => f.where.section === s.key);
      this.store.setSectionFindings(id, s.key, ofSection.filter((f) => f.where.paragraph === undefined));
      for (const p of paragraphs) this.store.setRevisionFindings(p.current.id, [...imported(p), ...ofSection.filter((f) => f.where.paragraph === p.position)]);
    }
    return [...findings, ...template.sections.flatMap((s) => visibleParagraphs(draft, s.key).flatMap(imported))];
  }

  document(id: string): DocumentView {
    const draft = this.store.getDraft(id);
    return toDocument(draft, this.templates.get(draft.templateId));
  }

  /** New facts or header values for a draft; its paragraphs stay until a section is drafted again. */
  updateBrief(id: string, input: unknown): DraftDetail {
    const current = this.store.getDraft(id);
    const brief = parseBrief(input);
    if (brief.template !== current.templateId) {
      throw new DraftError('bad_input', 'Không đổi được loại văn bản của bản thảo đã có: hãy tạo bản thảo mới.', [
        { field: 'template', message: `Bản thảo này là ${this.templates.get(current.templateId).name.toLocaleLowerCase('vi')}` },
      ]);
    }
    const template = this.templates.get(brief.template);
    validateBriefForTemplate(brief, template);
    this.store.updateBrief(id, brief);
    // A body section the brief no longer has is withdrawn, not left printing (and numbering) forever.
    for (const section of this.bodySectionsWithout(brief, template)) {
      if (visibleParagraphs(current, section.key).length > 0) this.store.writeSection(id, section.key, [], STAFF_META, []);
    }
    return this.detail(id);
  }

  duplicate(id: string, title?: string): DraftDetail {
    const source = this.store.getDraft(id);
    const copy = this.store.duplicateDraft(id, (title?.normalize('NFC').trim() || `${source.title} (bản sao)`).slice(0, 200));
    return this.detail(copy.id);
  }

  rename(id: string, title: string): DraftSummary {
    const clean = title.normalize('NFC').trim();
    if (!clean) throw new DraftError('bad_input', 'Tên bản thảo không được để trống', [{ field: 'title', message: 'Cần tên' }]);
    return this.store.renameDraft(id, clean.slice(0, 200));
  }

  delete(id: string): void {
    this.store.deleteDraft(id);
  }
}
