import { DraftingService, type DraftDetail, type SectionOutcome } from '../draft/service.js';
import type { DraftSummary, Revision } from '../draft/model.js';
import type { RunOptions } from '../draft/events.js';
import type { AuditLog } from './audit-log.js';
import type { RequestScope } from '../auth/scope.js';
import type { DraftStore } from '../store/draft-store.js';
import type { TemplateRegistry } from '../template/load.js';
import { presentSections } from '../present/sections.js';
import { DraftError } from '../errors.js';

/**
 * The drafting service with every change written to the audit trail once it is stored. Every
 * caller (the routes, the chat) goes through it, so no path changes a draft unrecorded; each row
 * names the user, office and address of the scope the change was made for. A change that failed is
 * not recorded: nothing changed.
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

  override async create(scope: RequestScope, input: unknown, title?: string): Promise<DraftDetail> {
    const detail = await super.create(scope, input, title);
    await this.audit.record({ action: 'create', draftId: detail.id, detail: detail.title }, scope);
    return detail;
  }

  override async draftAll(scope: RequestScope, id: string, options: RunOptions = {}): Promise<SectionOutcome[]> {
    const outcomes = await super.draftAll(scope, id, options);
    await this.recordDrafted(scope, id, outcomes);
    return outcomes;
  }

  override async draftSection(scope: RequestScope, id: string, key: string, options: RunOptions = {}): Promise<SectionOutcome> {
    const outcome = await super.draftSection(scope, id, key, options);
    await this.recordDrafted(scope, id, [outcome]);
    return outcome;
  }

  private async recordDrafted(scope: RequestScope, id: string, outcomes: SectionOutcome[]): Promise<void> {
    const drafted = outcomes.filter((o) => o.ok).map((o) => o.section);
    if (drafted.length > 0) await this.audit.record({ action: 'draft', draftId: id, detail: `Mục: ${(await this.sectionLabels(scope, id, drafted)).join('; ')}` }, scope);
  }

  /** The sections as staff call them ("Phần mở đầu", "KẾT QUẢ THỰC HIỆN"); their keys if the draft is gone meanwhile. */
  private async sectionLabels(scope: RequestScope, id: string, keys: string[]): Promise<string[]> {
    try {
      const draft = await this.drafts.getDraft(scope.actor.officeId, id);
      const labels = new Map(presentSections(this.registry.get(draft.templateId), draft.brief, () => true).map((p) => [p.key, p.label]));
      return keys.map((k) => labels.get(k) ?? k);
    } catch (e) {
      if (e instanceof DraftError && e.code === 'not_found') return keys;
      throw e;
    }
  }

  override async editParagraph(scope: RequestScope, id: string, paragraphId: number, text: string): Promise<Revision> {
    const revision = await super.editParagraph(scope, id, paragraphId, text);
    await this.audit.record({ action: 'edit', draftId: id, paragraphId, revisionId: revision.id }, scope);
    return revision;
  }

  override async redraftParagraph(scope: RequestScope, id: string, paragraphId: number, instruction: string | null, options: RunOptions = {}): Promise<Revision & { current: boolean }> {
    const revision = await super.redraftParagraph(scope, id, paragraphId, instruction, options);
    await this.audit.record({ action: 'redraft', draftId: id, paragraphId, revisionId: revision.id, detail: instruction ?? '' }, scope);
    return revision;
  }

  override async addParagraph(scope: RequestScope, id: string, afterId: number, text: string): Promise<Revision> {
    const revision = await super.addParagraph(scope, id, afterId, text);
    await this.audit.record({ action: 'add-paragraph', draftId: id, paragraphId: revision.paragraphId, revisionId: revision.id }, scope);
    return revision;
  }

  override async deleteParagraph(scope: RequestScope, id: string, paragraphId: number): Promise<Revision> {
    const revision = await super.deleteParagraph(scope, id, paragraphId);
    await this.audit.record({ action: 'delete-paragraph', draftId: id, paragraphId, revisionId: revision.id }, scope);
    return revision;
  }

  override async moveParagraph(scope: RequestScope, id: string, paragraphId: number, direction: 'up' | 'down'): Promise<Revision> {
    const revision = await super.moveParagraph(scope, id, paragraphId, direction);
    await this.audit.record({ action: 'move-paragraph', draftId: id, paragraphId, revisionId: revision.id, detail: direction === 'up' ? 'Lên trên' : 'Xuống dưới' }, scope);
    return revision;
  }

  override async makeCurrent(scope: RequestScope, id: string, paragraphId: number, revisionId: number): Promise<Revision> {
    const revision = await super.makeCurrent(scope, id, paragraphId, revisionId);
    await this.audit.record({ action: 'make-current', draftId: id, paragraphId, revisionId: revision.id, detail: `Bản ${revision.seq}` }, scope);
    return revision;
  }

  override async updateBrief(scope: RequestScope, id: string, input: unknown): Promise<DraftDetail> {
    const detail = await super.updateBrief(scope, id, input);
    await this.audit.record({ action: 'brief', draftId: id }, scope);
    return detail;
  }

  override async duplicate(scope: RequestScope, id: string, title?: string): Promise<DraftDetail> {
    const copy = await super.duplicate(scope, id, title);
    await this.audit.record({ action: 'duplicate', draftId: copy.id, detail: `Từ bản thảo ${id}` }, scope);
    return copy;
  }

  override async rename(scope: RequestScope, id: string, title: string): Promise<DraftSummary> {
    const summary = await super.rename(scope, id, title);
    await this.audit.record({ action: 'rename', draftId: id, detail: summary.title }, scope);
    return summary;
  }

  override async delete(scope: RequestScope, id: string): Promise<void> {
    await super.delete(scope, id);
    await this.audit.record({ action: 'delete', draftId: id }, scope);
  }
}
