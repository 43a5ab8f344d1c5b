import { describe, expect, it } from 'vitest';
import { TemplateRegistry } from '../../server/template/load.js';
import { composeSection } from '../../server/composer/compose.js';
import { clause, opensWithName } from '../../server/composer/sentence.js';
import { parseBrief } from '../../server/brief/load.js';
import { validateBriefForTemplate } from '../../server/brief/validate.js';
import { extractFigures } from '../../server/text/figures.js';
import { DraftError } from '../../server/errors.js';
import { rawBrief } from '../helpers/fixtures.js';

const registry = TemplateRegistry.load();


/** DESIGN.md, "Section keys that briefs use": optional sections in brackets. */
const DESIGN: Record<string, string> = {
  'bao-cao': 'mo-dau ket-qua [ton-tai] [phuong-huong] [kien-nghi] ket-thuc',
  'cong-van': 'mo-dau noi-dung [de-nghi] ket-thuc',
  'to-trinh': 'mo-dau su-can-thiet noi-dung [kien-nghi] ket-thuc',
  'ke-hoach': 'mo-dau muc-dich noi-dung [kinh-phi] to-chuc ket-thuc',
  'thong-bao': 'mo-dau noi-dung ket-thuc',
};

/** Each section of a fixture brief as the offline composer writes it. */
function compose(file: string, edit?: (raw: any) => void): Record<string, string[]> {
  const raw = rawBrief(file);
  edit?.(raw);
  const brief = parseBrief(raw);
  const template = registry.get(brief.template);
  validateBriefForTemplate(brief, template);
  return Object.fromEntries(
    template.sections.map((s) => [s.key, composeSection(template, brief, s, brief.sections.find((b) => b.key === s.key)).map((p) => p.text)]),
  );
}

describe('the five templates', () => {
  it('are all loaded', () => {
    expect(registry.list().map((t) => t.id).sort()).toEqual(Object.keys(DESIGN).sort());
  });

  it.each(Object.entries(DESIGN))('%s has the sections of DESIGN.md, in order, optional ones not required', (id, spec) => {
    const t = registry.get(id);
    const words = spec.split(' ');
    expect(t.sections.map((s) => s.key)).toEqual(words.map((w) => w.replace(/[[\]]/g, '')));
    expect(t.sections.map((s) => s.required)).toEqual(words.map((w) => !w.startsWith('[')));
    expect(t.sections[0]!.role).toBe('opening');
    expect(t.sections.at(-1)!.role).toBe('closing');
    expect(t.sections.slice(1, -1).every((s) => s.role === 'body' && s.heading)).toBe(true);
  });

  it('give each type its header parts: tên loại, ký hiệu code, Kính gửi, V/v', () => {
    const header = (id: string) => {
      const t = registry.get(id);
      return [t.typeName, t.code, t.kinhGui, t.vv];
    };
    expect(header('cong-van')).toEqual([null, null, 'required', true]);
    expect(header('to-trinh')).toEqual(['TỜ TRÌNH', 'TTr', 'required', false]);
    expect(header('ke-hoach')).toEqual(['KẾ HOẠCH', 'KH', 'none', false]);
    expect(header('thong-bao')).toEqual(['THÔNG BÁO', 'TB', 'none', false]);
  });

  it('number the headings of báo cáo, tờ trình and kế hoạch, but not the running text of công văn and thông báo', () => {
    const numbered = (id: string) => registry.get(id).sections.filter((s) => s.role === 'body').map((s) => s.numbered);
    expect(numbered('to-trinh')).toEqual([true, true, true]);
    expect(numbered('ke-hoach')).toEqual([true, true, true, true]);
    expect(numbered('cong-van')).toEqual([false, false]);
    expect(numbered('thong-bao')).toEqual([false]);
  });

  it('allow a task table only in the nội dung of a kế hoạch', () => {
    const withTable = registry.list().flatMap((t) => t.sections.filter((s) => s.taskTable).map((s) => `${t.id}/${s.key}`));
    expect(withTable).toEqual(['ke-hoach/noi-dung']);
  });

  it('start Nơi nhận with "Như trên" only where the type has Kính gửi', () => {
    for (const t of registry.list()) {
      expect(t.defaults.copies.includes('Như trên'), t.id).toBe(t.kinhGui !== 'none');
      expect(t.defaults.archive).toMatch(/^VT/);
    }
  });

  it('write the closing formulas of decree30.md §5, each ending "./."', () => {
    for (const t of registry.list()) {
      expect(t.closing.withoutFacts.endsWith('./.'), t.id).toBe(true);
      expect(t.closing.withFacts.endsWith('./.') || t.closing.withFacts === '{facts}./.', t.id).toBe(true);
    }
    expect(registry.get('to-trinh').closing.withoutFacts).toBe('{org} kính trình {recipient} xem xét, quyết định./.');
    expect(registry.get('ke-hoach').closing.withoutFacts).toMatch(/^Trên đây là Kế hoạch \{subject\}; yêu cầu các cơ quan, đơn vị triển khai thực hiện\./);
    // A thông báo has no courtesy close.
    expect(JSON.stringify(registry.get('thong-bao').closing)).not.toMatch(/[Tt]rân trọng/);
  });
});

describe('offline composer on the fixture briefs of each type', () => {
  it('công văn: the reply-style opening closes on the speaker’s own verb, the attachment note in brackets', () => {
    const cv = compose('cv-haugiang-454-2011.json');
    expect(cv['mo-dau']).toEqual([
      'Nhận Công văn số 847/UBND-VX1 ngày 22/3/2011 của Ủy ban nhân dân tỉnh Quảng Ninh; nội dung là tiếp tục phối hợp tuyên truyền, tham gia bầu chọn Vịnh Hạ Long là kỳ quan thiên nhiên thế giới; Chủ tịch Ủy ban nhân dân tỉnh có ý kiến như sau:',
    ]);
    expect(cv['ket-thuc']).toEqual(['(Đính kèm Công văn số 847/UBND-VX1 ngày 22/3/2011)./.']);
  });

  it('công văn: with no closing facts, asks every recipient to cooperate', () => {
    const cv = compose('cv-haugiang-454-2011.json', (raw) => {
      raw.sections = raw.sections.filter((s: any) => s.key !== 'ket-thuc');
      raw.header.recipients = ['Sở Tài chính'];
    });
    expect(cv['ket-thuc']).toEqual(['Đề nghị Sở Tài chính quan tâm, phối hợp thực hiện./.']);
    const several = compose('cv-haugiang-454-2011.json', (raw) => {
      raw.sections = raw.sections.filter((s: any) => s.key !== 'ket-thuc');
      raw.header.recipients = ['- Sở Tài chính;', 'Sở Xây dựng;', 'Kho bạc Nhà nước tỉnh.'];
    });
    expect(several['ket-thuc']).toEqual(['Đề nghị Sở Tài chính, Sở Xây dựng và Kho bạc Nhà nước tỉnh quan tâm, phối hợp thực hiện./.']);
  });

  it('công văn: the cơ quan’s own request becomes the opening formula', () => {
    const cv = compose('cong-van-bao-cao-giam-ngheo-example.json');
    expect(cv['mo-dau']![0]).toMatch(/; Sở Lao động - Thương binh và Xã hội đề nghị Ủy ban nhân dân các huyện, thành phố thực hiện một số nội dung như sau:$/);
  });

  it('tờ trình: "kính trình … như sau:" opens, "kính trình … xem xét, quyết định./." closes; an abbreviation context does not decide stays', () => {
    const ttr = compose('to-trinh-sua-truong-example.json');
    expect(ttr['mo-dau']![0]).toBe(
      'Nhà học 02 tầng Trường Tiểu học Đông Sơn xuống cấp nghiêm trọng, ảnh hưởng an toàn HS; chuẩn bị cơ sở vật chất cho năm học 2024-2025; Ủy ban nhân dân xã Đông Sơn kính trình Ủy ban nhân dân huyện xem xét, phê duyệt kinh phí sửa chữa như sau:',
    );
    expect(ttr['ket-thuc']).toEqual(['Ủy ban nhân dân xã Đông Sơn kính trình Ủy ban nhân dân huyện xem xét, quyết định./.']);
    const bare = compose('to-trinh-sua-truong-example.json', (raw) => {
      raw.sections = raw.sections.filter((s: any) => s.key !== 'ket-thuc');
    });
    expect(bare['ket-thuc']).toEqual(['Ủy ban nhân dân xã Đông Sơn kính trình Ủy ban nhân dân huyện Thanh Hà xem xét, quyết định./.']);
  });

  it('kế hoạch: "… ban hành Kế hoạch … như sau:" opens, "Trên đây là Kế hoạch …" closes', () => {
    const kh = compose('kh-caobang-2276-2022.json');
    expect(kh['mo-dau']![0]).toMatch(/^Thực hiện Thông tư số 10\/2022\/TT-BLĐTBXH ngày 31\/5\/2022 của Bộ Lao động - Thương binh và Xã hội; .*; Ủy ban nhân dân tỉnh Cao Bằng ban hành Kế hoạch giám sát, đánh giá CT trên địa bàn tỉnh \(gọi tắt: Chương trình\) như sau:$/);
    expect(kh['ket-thuc']![0]).toBe(
      'Trên đây là Kế hoạch giám sát, đánh giá thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 - 2025 trên địa bàn tỉnh Cao Bằng; yêu cầu các cơ quan, đơn vị triển khai thực hiện. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời phản ánh về Ủy ban nhân dân tỉnh Cao Bằng để xem xét, giải quyết./.',
    );
  });

  it('thông báo: the meeting’s chair concludes "như sau:", and it ends without a courtesy close', () => {
    const tb = compose('thong-bao-phong-chong-lut-example.json');
    expect(tb['mo-dau']![0]).toMatch(/^Ngày 06\/9\/2024, tại hội trường Ủy ban nhân dân huyện; đồng chí Trần Minh Đức, Chủ tịch Ủy ban nhân dân huyện, .*, Chủ tịch Ủy ban nhân dân huyện kết luận như sau:$/);
    expect(tb['ket-thuc']).toEqual(['Ủy ban nhân dân huyện Thanh Hà thông báo các cơ quan, đơn vị, Ủy ban nhân dân các xã, thị trấn biết, thực hiện./.']);
    const bare = compose('thong-bao-phong-chong-lut-example.json', (raw) => {
      raw.sections = raw.sections.filter((s: any) => s.key !== 'ket-thuc');
    });
    expect(bare['ket-thuc']).toEqual(['Ủy ban nhân dân huyện Thanh Hà thông báo để các cơ quan, đơn vị biết, thực hiện./.']);
  });
});

describe('composer details the new types needed', () => {
  it('keeps the capital of a name spelled out from the dictionary inside a sentence', () => {
    expect(opensWithName('CT UBND tỉnh có ý kiến')).toBe(true);
    expect(opensWithName('UBND xã trình')).toBe(true);
    expect(opensWithName('thực hiện CV 847')).toBe(false);
    expect(opensWithName('ND: tiếp tục')).toBe(false);
  });

  it('writes a school’s name as a proper name', () => {
    expect(clause('nhà học trường TH Đông Sơn xuống cấp')).toBe('nhà học Trường Tiểu học Đông Sơn xuống cấp');
    expect(clause('các trường TH trên địa bàn')).toBe('các trường Tiểu học trên địa bàn');
  });

  it('reads a ký hiệu at the end of a sentence without its full stop', () => {
    expect(extractFigures('theo Thông tư số 10/2022/TT-BLĐTBXH.').map((f) => f.text)).toEqual(['10/2022/TT-BLĐTBXH']);
    expect(extractFigures('Lưu: 454/UBND-NCTH.HH.').map((f) => f.text)).toEqual(['454/UBND-NCTH.HH']);
  });
});

describe('task tables in a brief', () => {
  const kh = () => rawBrief('ke-hoach-phong-chong-thien-tai-example.json');
  const rejects = (raw: unknown) => {
    try {
      const brief = parseBrief(raw);
      validateBriefForTemplate(brief, registry.get(brief.template));
    } catch (e) {
      expect(e).toBeInstanceOf(DraftError);
      return (e as DraftError).issues;
    }
    throw new Error('expected the brief to be rejected');
  };

  it('are read in NFC, the phối hợp column optional', () => {
    const raw = kh();
    raw.sections[2].tasks[0].task = raw.sections[2].tasks[0].task.normalize('NFD');
    const tasks = parseBrief(raw).sections[2]!.tasks!;
    expect(tasks[0]!.task).toBe('Kiện toàn Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn cấp xã');
    expect(tasks.at(-1)!.support).toBeUndefined();
  });

  it('name an empty cell in Vietnamese', () => {
    const raw = kh();
    raw.sections[2].tasks[1].lead = ' ';
    delete raw.sections[2].tasks[2].deadline;
    expect(rejects(raw)).toEqual([
      { field: 'sections.2.tasks.1.lead', message: 'Đơn vị chủ trì không được để trống' },
      { field: 'sections.2.tasks.2.deadline', message: 'Thiếu trường bắt buộc: thời hạn' },
    ]);
  });

  it('may stand alone as a kế hoạch’s nội dung, but not in a section without a table', () => {
    const alone = kh();
    delete alone.sections[2].facts;
    expect(() => validateBriefForTemplate(parseBrief(alone), registry.get('ke-hoach'))).not.toThrow();
    const misplaced = kh();
    misplaced.sections[4].tasks = [{ task: 'Theo dõi', lead: 'Văn phòng', deadline: 'Thường xuyên' }];
    expect(rejects(misplaced)).toEqual([
      { field: 'sections.4.tasks', message: expect.stringMatching(/^Mục "TỔ CHỨC THỰC HIỆN" của kế hoạch không có bảng nhiệm vụ/) },
    ]);
  });
});
