import { DraftingService, type DraftDetail, type SectionOutcome } from '../draft/service.js';
import type { DraftSummary, Revision } from '../draft/model.js';
import type { RunOptions } from '../draft/events.js';
import type { AuditLog } from './audit-log.js';
import type { DraftStore } from '../store/draft-store.js';
import type { TemplateRegistry } from '../template/load.js';
import { presentSections } from '../present/sections.js';
import { DraftError } from '../errors.js';

/**
 * The drafting service with every change written to the audit trail once it is stored. Every
 * caller (the routes, the chat) goes through it, so no path changes a draft unrecorded. A change
 * that failed is not recorded: nothing changed.
 */
export class AuditedDraftingService extends DraftingService {
  private readonly drafts: DraftStore;
  private readonly registry: TemplateRegistry;

  constructor(
    private readonly audit: AuditLog,
    ...args: ConstructorParameters<typeof DraftingService>
  ) {
    super(...args);
    [this.drafts, this.registry] = args;
  }

  override async create(input: unknown, title?: string): Promise<DraftDetail> {
    const detail = await super.create(input, title);
    await this.audit.record({ action: 'create', draftId: detail.id, detail: detail.title });
    return detail;
  }

  override async draftAll(id: string, options: RunOptions = {}): Promise<SectionOutcome[]> {
    const outcomes = await super.draftAll(id, options);
    await this.recordDrafted(id, outcomes);
    return outcomes;
  }

  override async draftSection(id: string, key: string, options: RunOptions = {}): Promise<SectionOutcome> {
    const outcome = await super.draftSection(id, key, options);
    await this.recordDrafted(id, [outcome]);
    return outcome;
  }

  private async recordDrafted(id: string, outcomes: SectionOutcome[]): Promise<void> {
    const drafted = outcomes.filter((o) => o.ok).map((o) => o.section);
    if (drafted.length > 0) await this.audit.record({ action: 'draft', draftId: id, detail: `Mục: ${(await this.sectionLabels(id, drafted)).join('; ')}` });
  }

  /** The sections as staff call them ("Phần mở đầu", "KẾT QUẢ THỰC HIỆN"); their keys if the draft is gone meanwhile. */
  private async sectionLabels(id: string, keys: string[]): Promise<string[]> {
    try {
      const draft = await this.drafts.getDraft(id);
      const labels = new Map(presentSections(this.registry.get(draft.templateId), draft.brief, () => true).map((p) => [p.key, p.label]));
      return keys.map((k) => labels.get(k) ?? k);
    } catch (e) {
      if (e instanceof DraftError && e.code === 'not_found') return keys;
      throw e;
    }
  }

  override async editParagraph(id: string, paragraphId: number, text: string): Promise<Revision> {
    const revision = await super.editParagraph(id, paragraphId, text);
    await this.audit.record({ action: 'edit', draftId: id, paragraphId, revisionId: revision.id });
    return revision;
  }

  override async redraftParagraph(id: string, paragraphId: number, instruction: string | null, options: RunOptions = {}): Promise<Revision & { current: boolean }> {
    const revision = await super.redraftParagraph(id, paragraphId, instruction, options);
    await this.audit.record({ action: 'redraft', draftId: id, paragraphId, revisionId: revision.id, detail: instruction ?? '' });
    return revision;
  }

  override async addParagraph(id: string, afterId: number, text: string): Promise<Revision> {
    const revision = await super.addParagraph(id, afterId, text);
    await this.audit.record({ action: 'add-paragraph', draftId: id, paragraphId: revision.paragraphId, revisionId: revision.id });
    return revision;
  }

  override async deleteParagraph(id: string, paragraphId: number): Promise<Revision> {
    const revision = await super.deleteParagraph(id, paragraphId);
    await this.audit.record({ action: 'delete-paragraph', draftId: id, paragraphId, revisionId: revision.id });
    return revision;
  }

  override async moveParagraph(id: string, paragraphId: number, direction: 'up' | 'down'): Promise<Revision> {
    const revision = await super.moveParagraph(id, paragraphId, direction);
    await this.audit.record({ action: 'move-paragraph', draftId: id, paragraphId, revisionId: revision.id, detail: direction === 'up' ? 'Lên trên' : 'Xuống dưới' });
    return revision;
  }

  override async makeCurrent(id: string, paragraphId: number, revisionId: number): Promise<Revision> {
    const revision = await super.makeCurrent(id, paragraphId, revisionId);
    await this.audit.record({ action: 'make-current', draftId: id, paragraphId, revisionId: revision.id, detail: `Bản ${revision.seq}` });
    return revision;
  }

  override async updateBrief(id: string, input: unknown): Promise<DraftDetail> {
    const detail = await super.updateBrief(id, input);
    await this.audit.record({ action: 'brief', draftId: id });
    return detail;
  }

  override async duplicate(id: string, title?: string): Promise<DraftDetail> {
    const copy = await super.duplicate(id, title);
    await this.audit.record({ action: 'duplicate', draftId: copy.id, detail: `Từ bản thảo ${id}` });
    return copy;
  }

  override async rename(id: string, title: string): Promise<DraftSummary> {
    const summary = await super.rename(id, title);
    await this.audit.record({ action: 'rename', draftId: id, detail: summary.title });
    return summary;
  }

  override async delete(id: string): Promise<void> {
    await super.delete(id);
    await this.audit.record({ action: 'delete', draftId: id });
  }
}
