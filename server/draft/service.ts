import type { Brief } from '../brief/schema.js';
import { parseBrief } from '../brief/load.js';
import { validateBriefForTemplate } from '../brief/validate.js';
import type { Template, TemplateSection } from '../template/schema.js';
import type { TemplateRegistry } from '../template/load.js';
import type { Neighbours, Provider } from '../provider/types.js';
import { ADDED_PARAGRAPH, type DraftStore } from '../store/draft-store.js';
import type { Page, PageRequest } from '../store/page.js';
import type { Finding } from '../checks/finding.js';
import { checkSection } from '../checks/index.js';
import { checkDocument } from '../pipeline/check-document.js';
import { writeSection } from '../pipeline/write-section.js';
import { writeParagraph } from '../pipeline/write-paragraph.js';
import { presentSections } from '../present/sections.js';
import { draftableSections, factLines, neighbourFacts, neighbourKeys } from '../pipeline/write-document.js';
import { DraftError } from '../errors.js';
import type { Glossary, GlossarySource } from '../lexicon/index.js';
import type { Draft, DraftSummary, Paragraph, Revision, RevisionMeta } from './model.js';
import { visibleParagraphs } from './model.js';
import { toDocument, type DocumentView } from './document.js';
import type { RunOptions } from './events.js';
import { settleWithLimit } from './limit.js';
import { headerChanges, mentions, staleFinding, STALE_RULE, type HeaderChange } from './stale.js';
import { composeFormulaSection, formulaOf } from '../pipeline/formula.js';
import { OFFLINE_META } from '../provider/offline.js';
import { sectionFacts } from '../brief/schema.js';
import type { RequestScope } from '../auth/scope.js';

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
  /** Paragraphs that kept their text: staff wrote them (and no overwrite was asked), or changed them meanwhile. */
  kept: number[];
  error?: { code: string; message: string };
}

const STAFF_META: RevisionMeta = { author: 'staff', provider: 'staff', model: null, promptVersion: null, instruction: null, usage: null };

/** Zero-width and bidi marks: a text made only of them is empty to a reader. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;

/** Text as a reader sees it: NFC, without invisible marks, trimmed. */
function visibleText(text: string): string {
  return text.normalize('NFC').replace(INVISIBLE, '').trim();
}

function paragraphText(text: string): string {
  const clean = visibleText(text);
  if (clean === '') throw new DraftError('bad_input', 'Đoạn văn không được để trống', [{ field: 'text', message: 'Cần nội dung đoạn văn' }]);
  return clean;
}

/** The formula slots each header field fills. */
const SLOTS: Record<HeaderChange['field'], string[]> = { org: ['{org}'], subject: ['{subject}'], recipients: ['{recipient}', '{recipients}'], date: [] };

/** Marks that stay on a revision until staff write a new one: figures an import left, a header changed since. */
const lasting = (f: Finding) => f.rule.startsWith('import.') || f.rule === STALE_RULE;

/**
 * The drafting walk: brief -> provider -> checks -> store, one section or paragraph at a time. Its
 * methods take the scope they work for: a draft of another office is missing, a new one is the
 * scope's, and the audited service (audit/audited-service.ts) records each change as the scope's.
 */
export class DraftingService {
  constructor(
    private readonly store: DraftStore,
    private readonly templates: TemplateRegistry,
    private readonly provider: Provider,
    private readonly concurrency = 4,
    /** Each office's glossary: read at the start of each run, never by the pipeline itself. */
    private readonly glossaries: GlossarySource = { glossary: async () => ({}) },
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

  /** A draft of the scope's office; another office's is missing (not_found), like a deleted one. */
  private draft(scope: RequestScope, id: string): Promise<Draft> {
    return this.store.getDraft(scope.actor.officeId, id);
  }

  async create(scope: RequestScope, input: unknown, title?: string): Promise<DraftDetail> {
    const { brief, template } = this.parse(input);
    const summary = await this.store.createDraft(scope.actor, title?.trim() || `${template.name}: ${brief.header.subject}`.slice(0, 200), brief);
    return this.detail(scope, summary.id);
  }

  list(scope: RequestScope, page: PageRequest = {}): Promise<Page<DraftSummary>> {
    return this.store.listDrafts(scope.actor, page);
  }

  async detail(scope: RequestScope, id: string): Promise<DraftDetail> {
    const draft = await this.draft(scope, id);
    const template = this.templates.get(draft.templateId);
    const document = toDocument(draft, template);
    const sectionFindings = await this.store.sectionFindings(id);
    const printed = new Set(document.body.map((b) => b.section));
    const presented = new Map(presentSections(template, draft.brief, (key) => printed.has(key)).map((p) => [p.key, p]));
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
          heading: presented.get(s.key)!.heading ?? (s.role === 'body' && s.numbered ? (b?.title ?? s.heading ?? null) : null),
          label: presented.get(s.key)!.label,
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

  async draftAll(scope: RequestScope, id: string, options: RunOptions = {}): Promise<SectionOutcome[]> {
    const draft = await this.draft(scope, id);
    const template = this.templates.get(draft.templateId);
    const sections = draftableSections(draft.brief, template);
    const glossary = await this.glossaries.glossary(scope.actor.officeId);
    // Drafted side by side, no section has its neighbours' text yet: each is told their facts.
    const results = await settleWithLimit(
      sections.map((s) => () => this.draftOne(draft, template, s, neighbourFacts(draft.brief, template, s.key), glossary, options)),
      this.concurrency,
    );
    const outcomes: SectionOutcome[] = [];
    for (const [i, r] of results.entries()) {
      outcomes.push(r.status === 'fulfilled' ? r.value : await this.failure(id, sections[i]!.key, r.reason, options));
    }
    return outcomes;
  }

  async draftSection(scope: RequestScope, id: string, key: string, options: RunOptions = {}): Promise<SectionOutcome> {
    const draft = await this.draft(scope, id);
    const template = this.templates.get(draft.templateId);
    const section = template.sections.find((s) => s.key === key);
    if (!section) {
      throw new DraftError('unknown_section', `${template.name} không có mục "${key}"`, [{ field: 'section', message: `Mục "${key}" không có trong mẫu` }]);
    }
    if (!draftableSections(draft.brief, template).includes(section)) {
      throw new DraftError('bad_input', `Mục "${section.heading ?? key}" chưa có ý liệu để soạn`, [{ field: 'section', message: 'Chưa có ý liệu' }]);
    }
    try {
      return await this.draftOne(draft, template, section, this.neighbourTexts(draft, template, key), await this.glossaries.glossary(scope.actor.officeId), options);
    } catch (e) {
      return this.failure(id, key, e, options);
    }
  }

  /**
   * A section that could not be drafted keeps its previous revision. An unusable answer from the
   * model is also left as a finding on the section, so it shows where the text is.
   */
  private async failure(draftId: string, section: string, reason: unknown, options: RunOptions): Promise<SectionOutcome> {
    const error = reason instanceof DraftError ? reason : new DraftError('internal', 'Lỗi không mong đợi khi soạn mục này', [], { cause: reason });
    if (error.code === 'internal') console.error(reason);
    const findings: Finding[] = [];
    if (error.code === 'provider_bad_output' || error.code === 'provider_truncated') {
      const rule = error.code === 'provider_truncated' ? 'provider.truncated' : 'provider.bad-output';
      findings.push({ rule, severity: 'error', where: { section }, message: error.message });
      try {
        const kept = ((await this.store.sectionFindings(draftId))[section] ?? []).filter((f) => !f.rule.startsWith('provider.'));
        await this.store.setSectionFindings(draftId, section, [...kept, ...findings]);
      } catch (e) {
        // A draft deleted meanwhile has nowhere to keep the finding.
        if (!(e instanceof DraftError && e.code === 'not_found')) throw e;
      }
    }
    options.onEvent?.({ type: 'error', section, code: error.code, message: error.message });
    return { section, ok: false, findings, kept: [], error: { code: error.code, message: error.message } };
  }

  /**
   * When one section is redrafted its neighbours' text stands: the paragraph just before it and the
   * one just after, which is what continuity needs. A neighbour not yet drafted is told by its facts.
   */
  private neighbourTexts(draft: Draft, template: Template, key: string): Neighbours {
    const { before, after } = neighbourKeys(draft.brief, template, key);
    const edge = (k: string | undefined, at: 'first' | 'last') => {
      if (!k) return '';
      const paragraphs = visibleParagraphs(draft, k);
      const p = at === 'first' ? paragraphs[0] : paragraphs[paragraphs.length - 1];
      return p?.current.text ?? factLines(draft.brief, k);
    };
    return { kind: 'text', before: edge(before, 'last'), after: edge(after, 'first') };
  }

  private async draftOne(draft: Draft, template: Template, section: TemplateSection, neighbours: Neighbours, glossary: Glossary, options: RunOptions): Promise<SectionOutcome> {
    options.onEvent?.({ type: 'section-start', section: section.key });
    const written = await writeSection({
      template,
      brief: draft.brief,
      section,
      provider: this.provider,
      neighbours,
      glossary,
      signal: options.signal,
      onText: (delta) => options.onEvent?.({ type: 'text', section: section.key, delta }),
      onRetry: (reason) => options.onEvent?.({ type: 'retry', section: section.key, reason }),
    });
    if (options.signal?.aborted) throw new DraftError('cancelled', 'Đã dừng soạn mục này; văn bản trước đó được giữ nguyên.');
    const startedFrom = new Map((draft.paragraphs[section.key] ?? []).map((p) => [p.id, p.current.id]));
    const kept = await this.store.writeSection(draft.id, section.key, written.paragraphs, written.meta, written.sectionFindings, {
      keepStaff: !options.overwriteStaff,
      startedFrom,
    });
    const findings = [...written.sectionFindings, ...written.paragraphs.flatMap((p) => p.findings)];
    options.onEvent?.({ type: 'section-done', section: section.key, findings, kept });
    return { section: section.key, ok: true, findings, kept };
  }

  async editParagraph(scope: RequestScope, id: string, paragraphId: number, text: string): Promise<Revision> {
    const clean = paragraphText(text);
    const draft = await this.draft(scope, id);
    const template = this.templates.get(draft.templateId);
    const { paragraph, visible, index } = this.locate(draft, paragraphId);
    const texts = visible.map((p) => p.current.text);
    if (index < 0) texts.push(clean);
    else texts[index] = clean;
    const checked = checkSection(draft.brief, template, paragraph.sectionKey, texts, await this.glossaries.glossary(scope.actor.officeId));
    await this.store.setSectionFindings(id, paragraph.sectionKey, checked.section);
    const own = (checked.byParagraph[index < 0 ? texts.length - 1 : index] ?? []).map((f) => ({ ...f, where: { ...f.where, paragraph: paragraph.position } }));
    return await this.store.appendRevision(id, paragraphId, { text: clean, meta: STAFF_META, findings: own });
  }

  /** A paragraph of the loaded draft, its section's visible paragraphs, and its index among them (-1 when withdrawn). */
  private locate(draft: Draft, paragraphId: number): { paragraph: Paragraph; visible: Paragraph[]; index: number } {
    const paragraph = Object.values(draft.paragraphs)
      .flat()
      .find((p) => p.id === paragraphId);
    if (!paragraph) throw new DraftError('not_found', `Không tìm thấy đoạn văn ${paragraphId} trong bản thảo này`);
    const visible = visibleParagraphs(draft, paragraph.sectionKey);
    return { paragraph, visible, index: visible.findIndex((p) => p.id === paragraphId) };
  }

  /**
   * A new text for one paragraph. It becomes current only if the paragraph still has the revision the
   * redraft started from; an edit made meanwhile stays, and the new text waits among the revisions.
   */
  async redraftParagraph(scope: RequestScope, id: string, paragraphId: number, instruction: string | null, options: RunOptions = {}): Promise<Revision & { current: boolean }> {
    const draft = await this.draft(scope, id);
    const template = this.templates.get(draft.templateId);
    const { paragraph, visible, index: found } = this.locate(draft, paragraphId);
    const section = template.sections.find((s) => s.key === paragraph.sectionKey)!;
    // A withdrawn paragraph is rewritten as if it stood last in its section.
    const paragraphs = visible.map((p) => ({ part: p.part, text: p.current.text }));
    const index = found < 0 ? paragraphs.push({ part: paragraph.part, text: paragraph.current.text }) - 1 : found;
    const written = await writeParagraph({
      template,
      brief: draft.brief,
      section,
      provider: this.provider,
      paragraphs,
      index,
      instruction: instruction?.normalize('NFC').trim() || null,
      glossary: await this.glossaries.glossary(scope.actor.officeId),
      signal: options.signal,
      onText: (delta) => options.onEvent?.({ type: 'text', section: section.key, delta, paragraphId }),
      onRetry: (reason) => options.onEvent?.({ type: 'retry', section: section.key, reason, paragraphId }),
    });
    if (options.signal?.aborted) throw new DraftError('cancelled', 'Đã dừng soạn lại đoạn này; đoạn cũ được giữ nguyên.');
    const findings = written.findings.map((f) => ({ ...f, where: { ...f.where, paragraph: paragraph.position } }));
    // Two paragraphs stay two: one revision, separated by a blank line, printed as two.
    const { revision, current } = await this.store.appendRevisionFrom(id, paragraphId, { text: written.texts.join('\n\n'), meta: written.meta, findings }, paragraph.current.id);
    // Section findings were computed against the text the redraft read; a kept edit has its own.
    if (current) await this.store.setSectionFindings(id, section.key, written.sectionFindings);
    options.onEvent?.({ type: 'paragraph-done', section: section.key, paragraphId, revisionId: revision.id, findings, current });
    return { ...revision, current };
  }

  revisions(id: string, paragraphId: number, page: PageRequest = {}): Promise<Page<Revision>> {
    return this.store.listRevisions(id, paragraphId, page);
  }

  makeCurrent(scope: RequestScope, id: string, paragraphId: number, revisionId: number): Promise<Revision> {
    return this.store.setCurrent(id, paragraphId, revisionId);
  }

  /** Runs every check on the draft as it stands, and refreshes the stored findings. */
  async check(scope: RequestScope, id: string): Promise<Finding[]> {
    const draft = await this.draft(scope, id);
    const template = this.templates.get(draft.templateId);
    const findings = await checkDocument(draft, template, await this.store.sectionFindings(id), await this.glossaries.glossary(scope.actor.officeId));
    const kept = (p: Paragraph) => p.current.findings.filter(lasting);
    for (const s of template.sections) {
      const paragraphs = draft.paragraphs[s.key] ?? [];
      const ofSection = findings.filter((f) => f.where.section === s.key);
      await this.store.setSectionFindings(id, s.key, ofSection.filter((f) => f.where.paragraph === undefined));
      for (const p of paragraphs) await this.store.setRevisionFindings(p.current.id, [...kept(p), ...ofSection.filter((f) => f.where.paragraph === p.position)]);
    }
    return [...findings, ...template.sections.flatMap((s) => visibleParagraphs(draft, s.key).flatMap(kept)), ...this.undrafted(draft, template)];
  }

  /** A section with words to write and no paragraph yet: the .docx would print without it. */
  private undrafted(draft: Draft, template: Template): Finding[] {
    return draftableSections(draft.brief, template)
      .filter((s) => {
        const b = draft.brief.sections.find((x) => x.key === s.key);
        return (formulaOf(template, s) !== null || (b !== undefined && sectionFacts(b).length > 0)) && visibleParagraphs(draft, s.key).length === 0;
      })
      .map((s) => {
        const label = presentSections(template, draft.brief, () => false).find((p) => p.key === s.key)?.label ?? s.key;
        return {
          rule: 'draft.section-missing',
          severity: 'error' as const,
          where: { section: s.key },
          message: `Mục “${label}” chưa được soạn: văn bản tải về sẽ thiếu mục này. Hãy soạn mục này trước khi xuất.`,
        };
      });
  }

  async document(scope: RequestScope, id: string): Promise<DocumentView> {
    const draft = await this.draft(scope, id);
    return toDocument(draft, this.templates.get(draft.templateId));
  }

  /** New facts or header values for a draft; its paragraphs stay until a section is drafted again. */
  async updateBrief(scope: RequestScope, id: string, input: unknown): Promise<DraftDetail> {
    const current = await this.draft(scope, id);
    const brief = parseBrief(input);
    if (brief.template !== current.templateId) {
      throw new DraftError('bad_input', 'Không đổi được loại văn bản của bản thảo đã có: hãy tạo bản thảo mới.', [
        { field: 'template', message: `Bản thảo này là ${this.templates.get(current.templateId).name.toLocaleLowerCase('vi')}` },
      ]);
    }
    const template = this.templates.get(brief.template);
    validateBriefForTemplate(brief, template);
    await this.store.updateBrief(id, brief);
    // A body section the brief no longer has is withdrawn, not left printing (and numbering) forever.
    for (const section of this.bodySectionsWithout(brief, template)) {
      if (visibleParagraphs(current, section.key).length > 0) await this.store.writeSection(id, section.key, [], STAFF_META, []);
    }
    const changes = headerChanges(current.brief, brief);
    if (changes.length > 0) await this.followHeader(scope.actor.officeId, current, brief, template, changes);
    return this.detail(scope, id);
  }

  /**
   * After a header edit: the opening and closing formulas, which code writes from the header, are
   * written again at once; text staff wrote, and other sections that name an old value, keep their
   * words and are marked stale until a new revision is written.
   */
  private async followHeader(office: string, draft: Draft, brief: Brief, template: Template, changes: HeaderChange[]): Promise<void> {
    for (const section of template.sections) {
      const visible = visibleParagraphs(draft, section.key);
      if (visible.length === 0 || (section.role === 'body' && !brief.sections.some((b) => b.key === section.key))) continue;
      const formula = formulaOf(template, section);
      const fromFormula = (c: HeaderChange) => formula !== null && SLOTS[c.field].some((slot) => JSON.stringify(formula).includes(slot));
      const named = (p: Paragraph) => changes.filter((c) => fromFormula(c) || mentions(p.current.text, c));
      if (!visible.some((p) => named(p).length > 0)) continue;
      if (formula && visible.every((p) => p.current.author !== 'staff')) {
        const briefSection = brief.sections.find((b) => b.key === section.key);
        const glossary = await this.glossaries.glossary(office);
        const composed = composeFormulaSection(template, brief, section, briefSection, glossary);
        if (composed.map((p) => p.text).join('\n\n') === visible.map((p) => p.current.text).join('\n\n')) continue;
        const checked = checkSection(brief, template, section.key, composed.map((p) => p.text), glossary);
        const written = { paragraphs: composed.map((p, i) => ({ ...p, findings: checked.byParagraph[i] ?? [] })), sectionFindings: checked.section };
        const startedFrom = new Map((draft.paragraphs[section.key] ?? []).map((p) => [p.id, p.current.id]));
        const kept = await this.store.writeSection(draft.id, section.key, written.paragraphs, OFFLINE_META, written.sectionFindings, { keepStaff: true, startedFrom });
        if (kept.length === 0) continue;
      }
      for (const p of visible) {
        const stale = named(p);
        if (stale.length === 0) continue;
        const others = p.current.findings.filter((f) => f.rule !== STALE_RULE);
        await this.store.setRevisionFindings(p.current.id, [...others, staleFinding(section.key, p.position, stale)]);
      }
    }
  }

  /** A paragraph staff add right after another one of its section. */
  async addParagraph(scope: RequestScope, id: string, afterId: number, text: string): Promise<Revision> {
    const clean = paragraphText(text);
    const draft = await this.draft(scope, id);
    const template = this.templates.get(draft.templateId);
    const { paragraph, visible, index } = this.locate(draft, afterId);
    if (index < 0) throw new DraftError('bad_input', 'Đoạn này đã bị xóa: hãy thêm sau một đoạn đang có.', [{ field: 'after', message: 'Đoạn đã xóa' }]);
    const texts = visible.map((p) => p.current.text);
    texts.splice(index + 1, 0, clean);
    const checked = checkSection(draft.brief, template, paragraph.sectionKey, texts);
    const own = (checked.byParagraph[index + 1] ?? []).map((f) => ({ ...f, where: { ...f.where, paragraph: paragraph.position + 1 } }));
    return await this.store.insertParagraphAfter(id, afterId, { text: clean, meta: { ...STAFF_META, instruction: ADDED_PARAGRAPH }, findings: own });
  }

  /** Withdraws a paragraph as a revision of its own: its earlier revisions stay, and any of them brings it back. */
  async deleteParagraph(scope: RequestScope, id: string, paragraphId: number): Promise<Revision> {
    const draft = await this.draft(scope, id);
    const { index } = this.locate(draft, paragraphId);
    if (index < 0) throw new DraftError('bad_input', 'Đoạn này đã bị xóa rồi.', [{ field: 'paragraph', message: 'Đoạn đã xóa' }]);
    return await this.store.appendRevision(id, paragraphId, { text: '', meta: STAFF_META, findings: [] });
  }

  async moveParagraph(scope: RequestScope, id: string, paragraphId: number, direction: 'up' | 'down'): Promise<Revision> {
    const meta = { ...STAFF_META, instruction: direction === 'up' ? 'Chuyển đoạn lên trên' : 'Chuyển đoạn xuống dưới' };
    const moved = await this.store.moveParagraph(id, paragraphId, direction === 'up' ? -1 : 1, meta);
    if (!moved) {
      throw new DraftError('bad_input', direction === 'up' ? 'Đoạn này đã ở đầu mục.' : 'Đoạn này đã ở cuối mục.', [{ field: 'direction', message: 'Không chuyển được' }]);
    }
    return moved;
  }

  async duplicate(scope: RequestScope, id: string, title?: string): Promise<DraftDetail> {
    const source = await this.draft(scope, id);
    const copy = await this.store.duplicateDraft(scope.actor, id, (visibleText(title ?? '') || `${source.title} (bản sao)`).slice(0, 200));
    return this.detail(scope, copy.id);
  }

  async rename(scope: RequestScope, id: string, title: string): Promise<DraftSummary> {
    const clean = visibleText(title);
    if (!clean) throw new DraftError('bad_input', 'Tên bản thảo không được để trống', [{ field: 'title', message: 'Cần tên' }]);
    return await this.store.renameDraft(id, clean.slice(0, 200));
  }

  delete(scope: RequestScope, id: string): Promise<void> {
    return this.store.deleteDraft(scope.actor, id);
  }
}
