import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import type { DraftingService } from '../draft/service.js';
import type { DraftEvent, RunOptions } from '../draft/events.js';
import { cleanText } from '../text/clean.js';
import { DraftError } from '../errors.js';
import { renderDocx } from '../export/docx/render.js';
import { readJson, idParam, pageQuery } from './body.js';
import { DraftAnswers, onceEach } from './draft-answer.js';
import { isStorageFull, storageFullError } from '../store/faults.js';
import { checkDocx } from '../nd30/check.js';
import { attachment, documentFileName } from '../export/file-name.js';
import { queueAs } from '../queue/caller.js';
import type { RequestScope } from '../auth/scope.js';

/** `{ brief, title? }`, or the brief itself. */
const CreateBody = z.looseObject({ brief: z.unknown().optional(), title: z.string().max(200).optional() });
const EditBody = z.object({ text: z.string({ error: 'Cần nội dung đoạn văn (text)' }).max(20_000, { error: 'Đoạn văn dài quá 20.000 ký tự' }).transform(cleanText) });
const RedraftBody = z.object({ instruction: z.string().max(500, { error: 'Yêu cầu dài quá 500 ký tự' }).transform(cleanText).nullish() });
const CurrentBody = z.object({ revisionId: z.number({ error: 'Cần mã bản sửa (revisionId)' }).int().positive() });
const RenameBody = z.object({ title: z.string({ error: 'Cần tên bản thảo (title)' }).max(200) });
const BriefBody = z.object({ brief: z.unknown().refine((b) => b !== undefined, { error: 'Cần ý liệu (brief)' }) });
const DuplicateBody = z.object({ title: z.string().max(200).optional() });
/** Without `overwriteStaff`, paragraphs staff wrote keep their text and the answer names them. */
const DraftBody = z.object({ overwriteStaff: z.boolean({ error: 'overwriteStaff là true hoặc false' }).optional() });
const MoveBody = z.object({ direction: z.enum(['up', 'down'], { error: 'Hướng chuyển (direction) là "up" hoặc "down"' }) });

function wantsStream(c: Context): boolean {
  return (c.req.header('accept') ?? '').includes('text/event-stream');
}

/**
 * One server-sent event. JSON has no line breaks outside its strings, so the data is one line:
 * hono's writeSSE, which splits and joins lines for any text, is not needed for every token.
 */
function sseEvent(type: string, data: unknown): string {
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Runs a drafting job as JSON, or as server-sent events when the client asks for them. Closing the
 * connection aborts the job (and with it the request to the model).
 */
function run<T>(c: Context, job: (options: RunOptions) => Promise<T>) {
  if (!wantsStream(c)) {
    const signal = c.req.raw.signal;
    queueAs(c, signal);
    return job({ signal }).then((result) => c.json(result as object));
  }
  return streamSSE(c, async (stream) => {
    const abort = new AbortController();
    stream.onAbort(() => abort.abort());
    // Written in order by the stream's one writer; waiting for the last write waits for all.
    let written: Promise<unknown> = Promise.resolve();
    const onEvent = (event: DraftEvent) => {
      written = stream.write(sseEvent(event.type, event));
    };
    queueAs(c, abort.signal, (section, position) => onEvent({ type: 'queued', section, position }));
    try {
      const result = await job({ signal: abort.signal, onEvent });
      await written;
      await stream.write(sseEvent('done', result));
    } catch (e) {
      const error =
        isStorageFull(e) && !(e instanceof DraftError && e.code !== 'internal')
          ? storageFullError(e)
          : e instanceof DraftError
            ? e
            : new DraftError('internal', 'Lỗi không mong đợi, văn bản trước đó được giữ nguyên.');
      await written;
      await stream.write(sseEvent('error', { type: 'error', code: error.code, message: error.message }));
    }
  });
}

/**
 * The routes of `/api/drafts`, behind the draft gate (draft-gate.ts), which has read each draft's
 * standing. `conversationOf` names the conversation that made a draft, so the page can resume it.
 */
export function draftRoutes(service: DraftingService, conversationOf: (scope: RequestScope, draftId: string) => Promise<string | null> = async () => null) {
  const answers = new DraftAnswers();
  const build = async (scope: RequestScope, id: string, conversationId: string | null) => JSON.stringify({ ...onceEach(await service.detail(scope, id)), conversationId });
  return new Hono()
    .get('/', async (c) => {
      // A page at a time, newest first: an office's list grows for years.
      const page = await service.list(c.get('scope'), pageQuery(c, { fallback: 50, max: 500 }));
      return c.json({ drafts: page.items, nextCursor: page.nextCursor });
    })
    .post('/', async (c) => {
      const body = await readJson(c, CreateBody);
      const scope = c.get('scope');
      const detail = body.brief !== undefined ? await service.create(scope, body.brief, body.title) : await service.create(scope, body);
      return c.json(detail, 201);
    })
    // A page that polls a draft nobody changed gets a 304, not the whole text again. The gate's
    // reading of the draft carries its version and conversation: a kept answer needs no query.
    .get('/:id', async (c) => {
      const id = c.req.param('id');
      const stamp = c.get('draft');
      const answer = await answers.get(id, stamp, () => build(c.get('scope'), id, stamp.conversationId));
      const headers = { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache', ETag: answer.etag };
      if (c.req.header('If-None-Match') === answer.etag) return c.body(null, 304, headers);
      return c.body(answer.body, 200, headers);
    })
    .patch('/:id', async (c) => {
      const { title } = await readJson(c, RenameBody);
      return c.json(await service.rename(c.get('scope'), c.req.param('id'), title));
    })
    .put('/:id/brief', async (c) => {
      const { brief } = await readJson(c, BriefBody);
      const id = c.req.param('id');
      const scope = c.get('scope');
      return c.json({ ...(await service.updateBrief(scope, id, brief)), conversationId: await conversationOf(scope, id) });
    })
    .post('/:id/duplicate', async (c) => {
      const { title } = await readJson(c, DuplicateBody);
      return c.json(await service.duplicate(c.get('scope'), c.req.param('id'), title), 201);
    })
    .delete('/:id', async (c) => {
      await service.delete(c.get('scope'), c.req.param('id'));
      return c.body(null, 204);
    })
    .post('/:id/draft', async (c) => {
      const { overwriteStaff } = await readJson(c, DraftBody);
      return run(c, (o) => service.draftAll(c.get('scope'), c.req.param('id'), { ...o, overwriteStaff }).then((sections) => ({ sections, kept: sections.flatMap((s) => s.kept) })));
    })
    .post('/:id/sections/:key/draft', async (c) => {
      const { overwriteStaff } = await readJson(c, DraftBody);
      return run(c, (o) => service.draftSection(c.get('scope'), c.req.param('id'), c.req.param('key'), { ...o, overwriteStaff }));
    })
    .post('/:id/paragraphs/:pid/after', async (c) => {
      const { text } = await readJson(c, EditBody);
      return c.json(await service.addParagraph(c.get('scope'), c.req.param('id'), idParam(c, 'pid'), text), 201);
    })
    .delete('/:id/paragraphs/:pid', async (c) => c.json(await service.deleteParagraph(c.get('scope'), c.req.param('id'), idParam(c, 'pid'))))
    .post('/:id/paragraphs/:pid/move', async (c) => {
      const { direction } = await readJson(c, MoveBody);
      return c.json(await service.moveParagraph(c.get('scope'), c.req.param('id'), idParam(c, 'pid'), direction));
    })
    .put('/:id/paragraphs/:pid', async (c) => {
      const { text } = await readJson(c, EditBody);
      return c.json(await service.editParagraph(c.get('scope'), c.req.param('id'), idParam(c, 'pid'), text));
    })
    .post('/:id/paragraphs/:pid/redraft', async (c) => {
      const { instruction } = await readJson(c, RedraftBody);
      const pid = idParam(c, 'pid');
      return run(c, (o) => service.redraftParagraph(c.get('scope'), c.req.param('id'), pid, instruction ?? null, o));
    })
    .get('/:id/paragraphs/:pid/revisions', async (c) => {
      // All of them unless a page is asked for: a paragraph rarely has many, and the page shows them all.
      const page = await service.revisions(c.req.param('id'), idParam(c, 'pid'), pageQuery(c, { fallback: undefined, max: 500 }));
      return c.json({ revisions: page.items, nextCursor: page.nextCursor });
    })
    .post('/:id/paragraphs/:pid/current', async (c) => {
      const { revisionId } = await readJson(c, CurrentBody);
      return c.json(await service.makeCurrent(c.get('scope'), c.req.param('id'), idParam(c, 'pid'), revisionId));
    })
    .post('/:id/check', async (c) => c.json({ findings: await service.check(c.get('scope'), c.req.param('id')) }))
    .get('/:id/nd30', async (c) => c.json(await checkDocx(await renderDocx(await service.document(c.get('scope'), c.req.param('id'))))))
    .get('/:id/export.docx', async (c) => {
      const detail = await service.detail(c.get('scope'), c.req.param('id'));
      const buffer = await renderDocx(detail.document);
      return c.body(new Uint8Array(buffer), 200, {
        'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'Content-Disposition': attachment(documentFileName(detail.brief.header, 'docx')),
      });
    });
}
