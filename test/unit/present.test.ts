import { describe, expect, it } from 'vitest';
import { parseBrief } from '../../server/brief/load.js';
import { TemplateRegistry } from '../../server/template/load.js';
import { presentSections, briefHasContent } from '../../server/present/sections.js';
import { sectionHeadings, resolveSection } from '../../server/chat/sections.js';
import { toDocument } from '../../server/draft/document.js';
import { writeDocument } from '../../server/pipeline/write-document.js';
import { OfflineProvider } from '../../server/provider/offline.js';
import { rawBrief } from '../helpers/fixtures.js';

const templates = TemplateRegistry.load();

describe('one presenter names and numbers sections for the page, the chat and the export', () => {
  it('numbers only the body sections a Báo cáo holds, and the chat and the .docx say the same', async () => {
    const brief = parseBrief(rawBrief());
    const template = templates.get('bao-cao');
    const presented = presentSections(template, brief, (key) => briefHasContent(brief, key));
    expect(presented.map((p) => p.heading)).toEqual([null, 'I. KẾT QUẢ THỰC HIỆN', null, 'II. KẾ HOẠCH THỰC HIỆN NHIỆM VỤ TRONG THỜI GIAN TỚI', null, null]);
    expect(presented.map((p) => p.label)[0]).toBe('Phần mở đầu');

    const chat = sectionHeadings(template, brief);
    expect(chat.get('phuong-huong')).toBe('mục II. KẾ HOẠCH THỰC HIỆN NHIỆM VỤ TRONG THỜI GIAN TỚI');
    expect(resolveSection('mục II', template, brief)?.key).toBe('phuong-huong');

    const { draft } = await writeDocument(brief, template, new OfflineProvider());
    const printed = toDocument(draft, template).body.filter((b) => b.kind === 'heading').map((b) => b.text);
    expect(printed).toEqual(presented.flatMap((p) => (p.heading ? [p.heading] : [])));
  });

  it('never calls a công văn section "mục I", as the page prints no number for it', async () => {
    const brief = parseBrief(rawBrief('cong-van-bao-cao-giam-ngheo-example.json'));
    const template = templates.get('cong-van');
    const chat = sectionHeadings(template, brief);
    expect(chat.get('noi-dung')).toBe('mục NỘI DUNG');
    expect([...chat.values()].some((m) => /mục I\b/u.test(m))).toBe(false);
    expect(resolveSection('mục nội dung', template, brief)?.key).toBe('noi-dung');
    expect(resolveSection('mục I', template, brief)).toBeUndefined();
    const { draft } = await writeDocument(brief, template, new OfflineProvider());
    expect(toDocument(draft, template).body.filter((b) => b.kind === 'heading')).toEqual([]);
  });
});
