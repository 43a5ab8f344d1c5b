import { describe, expect, it } from 'vitest';
import { composeSection } from '../../server/composer/compose.js';
import { paragraphsByTopic } from '../../server/composer/topics.js';
import { parseBrief } from '../../server/brief/load.js';
import { TemplateRegistry } from '../../server/template/load.js';
import { LABEL } from '../../server/text/note-labels.js';
import { rawBrief } from '../helpers/fixtures.js';

const registry = TemplateRegistry.load();

/** Notes of a xã nobody here has seen, with every kind of trouble the issue reports. */
const NOTES = [
  'Hội ND xã phấn khởi; ND tham gia đông đủ',
  'LĐ UBND xã dự; LĐ vắng 2 người',
  'Kính báo TT Tỉnh ủy',
  'thực hiện CT 25/CT-BYT, QĐ tại Điều 16',
  'phát triển nền KT → nâng cao thu nhập',
  'xây dựng PA sơ tán; PA chưa duyệt',
  'xử lý theo khoản 2, 3 Điều 162, Bảng 2; 1 số hộ chưa chấp hành',
  'đoàn đi học tập; tg: từ 15/01 đến 20/01; nơi đến: Hà Nội; lý do: trao đổi kinh nghiệm',
  'NN: thời tiết bất lợi',
  'mưa lớn → Qua đó ngập úng',
];

function draft(templateId: string, subject: string, opening: string[]) {
  const template = registry.get(templateId);
  const raw = rawBrief();
  raw.template = templateId;
  raw.header.symbol = `${template.code}-UBND`;
  raw.header.subject = subject;
  raw.header.recipients = ['Ủy ban nhân dân huyện'];
  const [first, body] = template.sections;
  raw.sections = [
    { key: first!.key, facts: opening },
    { key: body!.key, facts: NOTES },
  ];
  const brief = parseBrief(raw);
  const text = (i: number) =>
    composeSection(template, brief, template.sections[i]!, brief.sections.find((b) => b.key === template.sections[i]!.key))
      .map((p) => p.text)
      .join('\n\n');
  return { opening: text(0), body: text(1) };
}

describe('offline draft of notes nobody here has seen', () => {
  const { opening, body } = draft('bao-cao', 'Báo cáo kết quả công tác dân vận năm 2024', [
    'Căn cứ Luật tổ chức chính quyền địa phương. Căn cứ QĐ 12/QĐ-UBND ngày 05/3/2024',
  ]);

  it('gives no wrong meaning: what context decides is spelled out, the rest kept as written', () => {
    expect(body).toContain('Hội Nông dân xã');
    expect(body).toContain('Lãnh đạo Ủy ban nhân dân xã');
    expect(body).toContain('Thường trực Tỉnh ủy');
    expect(body).toContain('Chỉ thị số 25/CT-BYT');
    expect(body).toContain('quy định tại Điều 16');
    expect(body).toContain('nền kinh tế');
    expect(body).toContain('Phương án sơ tán');
    for (const kept of ['ND tham gia', 'LĐ vắng', 'PA chưa duyệt']) expect(body).toContain(kept);
    for (const wrong of ['Nội dung', 'nội dung', 'lao động', 'Trung tâm', 'Chương trình', 'Quyết định tại', 'kiểm tra', 'phản ánh']) {
      expect(body).not.toContain(wrong);
    }
  });

  it('keeps every citation as written, and "một số" in words', () => {
    for (const citation of ['khoản 2, 3 Điều 162', 'Bảng 2', 'Điều 16', '25/CT-BYT']) expect(body).toContain(citation);
    expect(body).toContain('một số hộ');
    expect(body).toContain('02 người');
  });

  it('turns every note label and arrow into prose', () => {
    expect([...body.matchAll(LABEL)]).toEqual([]);
    expect(body).not.toMatch(/→|, Qua đó/u);
    expect(body).toContain('từ 15/01 đến 20/01, đến Hà Nội, do trao đổi kinh nghiệm');
    expect(body).toContain('Nguyên nhân là do thời tiết bất lợi.');
    expect(body).toContain('nền kinh tế để nâng cao thu nhập');
  });

  it('opens with one sentence built from the căn cứ, saying "báo cáo" once', () => {
    expect(opening).toBe(
      'Căn cứ Luật Tổ chức chính quyền địa phương; căn cứ Quyết định số 12/QĐ-UBND ngày 05/3/2024, Ủy ban nhân dân huyện Nghi Xuân báo cáo kết quả công tác dân vận năm 2024 như sau:',
    );
  });

  it('a tờ trình opening from căn cứ is one sentence too', () => {
    const ttr = draft('to-trinh', 'Đề nghị hỗ trợ kinh phí sửa chữa trường học', ['Căn cứ NQ 05/NQ-HĐND. Xét đề nghị của trường THCS Xuân Lương']);
    expect(ttr.opening).toBe(
      'Căn cứ Nghị quyết số 05/NQ-HĐND; xét đề nghị của Trường Trung học cơ sở Xuân Lương, Ủy ban nhân dân huyện Nghi Xuân kính trình Ủy ban nhân dân huyện về việc đề nghị hỗ trợ kinh phí sửa chữa trường học như sau:',
    );
  });
});

describe('paragraphs by topic', () => {
  it('keeps the facts of one topic together and opens a paragraph for another', () => {
    const sentences = [
      'Trạm Y tế xã tổ chức tiêm chủng mở rộng cho 320 trẻ em dưới 01 tuổi trên địa bàn.',
      'Tỷ lệ trẻ em được tiêm chủng đầy đủ đạt 98%, tăng 2% so với cùng kỳ năm trước.',
      'Công tác vệ sinh môi trường tại các chợ, khu dân cư được duy trì thường xuyên, hằng tuần.',
      'Tổng kinh phí 20 triệu đồng.',
    ];
    expect(paragraphsByTopic(sentences)).toEqual([sentences.slice(0, 2), sentences.slice(2)]);
  });
});
