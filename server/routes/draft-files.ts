import { Hono } from 'hono';
import type { DraftingService } from '../draft/service.js';
import type { DraftStore } from '../store/draft-store.js';
import type { TemplateRegistry } from '../template/load.js';
import type { PdfConverter } from '../pdf/converter.js';
import { PrintCache } from '../pdf/print-cache.js';
import { renderDocx } from '../export/docx/render.js';
import { attachment, documentFileName } from '../export/file-name.js';
import { importDocx } from '../import/importer.js';
import { DraftError } from '../errors.js';
import type { RequestScope } from '../auth/scope.js';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface DraftFileDeps {
  service: DraftingService;
  store: DraftStore;
  templates: TemplateRegistry;
  pdf: PdfConverter;
}

/** A draft as files: printed to PDF, its first page as an image, and a draft made from a .docx. */
export function draftFileRoutes(deps: DraftFileDeps) {
  const { service, pdf } = deps;
  const cache = new PrintCache();
  // The .docx is rendered from the document view and nothing else, so the view names the print.
  const printed = async (scope: RequestScope, id: string) => {
    const detail = await service.detail(scope, id);
    const file = await cache.get(PrintCache.keyOf(detail.document), async () => pdf.toPdf(await renderDocx(detail.document)));
    return { detail, pdf: file };
  };
  return new Hono()
    .post('/import', async (c) => {
      const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== DOCX_TYPE && type !== 'application/octet-stream') {
        throw new DraftError('bad_input', 'Chỉ nhập được tệp Word .docx.', [{ field: 'file', message: `Cần Content-Type ${DOCX_TYPE}` }]);
      }
      const body = new Uint8Array(await c.req.arrayBuffer());
      if (body.length === 0) {
        throw new DraftError('bad_input', 'Chưa có tệp .docx nào được gửi lên.', [{ field: 'file', message: 'Cần nội dung tệp' }]);
      }
      const nextPeriod = ['1', 'true'].includes(c.req.query('nextPeriod') ?? '');
      const { detail, report } = await importDocx(c.get('scope'), body, deps, { nextPeriod });
      return c.json({ ...detail, import: report }, 201);
    })
    .get('/:id/export.pdf', async (c) => {
      const { detail, pdf: file } = await printed(c.get('scope'), c.req.param('id'));
      return c.body(new Uint8Array(file), 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': attachment(documentFileName(detail.brief.header, 'pdf')),
      });
    })
    .get('/:id/preview.png', async (c) => {
      const { pdf: file } = await printed(c.get('scope'), c.req.param('id'));
      const png = await pdf.firstPagePng(file, 60);
      return c.body(new Uint8Array(png), 200, { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' });
    });
}
