import type { Template } from '../template/schema.js';

/** What the interview asks for each thing it still needs, in Vietnamese. */
export function question(ask: string, template: Template | undefined): string {
  const type = template?.name.toLocaleLowerCase('vi') ?? 'văn bản';
  switch (ask) {
    case 'template':
      return 'Anh/chị cần soạn loại văn bản nào: báo cáo, công văn, tờ trình, kế hoạch hay thông báo? Có thể ghi luôn trích yếu, ví dụ "báo cáo kết quả thực hiện chương trình năm 2021".';
    case 'header.org':
      return `Cơ quan ban hành ${type} là cơ quan nào? (ví dụ: UBND huyện Nghi Xuân)`;
    case 'header.subject':
      return template?.vv
        ? 'Công văn về việc gì? Ghi phần trích yếu sau "V/v".'
        : `Trích yếu nội dung của ${type} là gì? (ví dụ: Kết quả thực hiện chương trình ... năm 2021)`;
    case 'header.recipients':
      return `${template?.name ?? 'Văn bản'} kính gửi cơ quan nào? Mỗi nơi một dòng.${template?.kinhGui === 'optional' ? ' Gõ "bỏ qua" nếu không ghi Kính gửi.' : ''}`;
    case 'header.place':
      return 'Địa danh ghi ở dòng ngày tháng là gì? (ví dụ: Nghi Xuân)';
    case 'header.symbol':
      return `Ký hiệu văn bản là gì? (ví dụ: ${template?.code ? `${template.code}-UBND` : 'UBND-VP'}). Có thể ghi cả số, ví dụ "15/${template?.code ?? 'UBND'}-…"; để trống số thì văn thư điền sau.`;
    case 'header.date':
      return 'Ngày ban hành? Ghi ngày/tháng/năm (ví dụ 05/12/2021), hoặc tháng/năm (12/2021) để trống ngày cho văn thư.';
    case 'signer':
      return 'Người ký là ai? Ghi chức vụ và họ tên trên một dòng, ví dụ "Phó Chủ tịch Nguyễn Văn A": quyền hạn (TM., KT.) được ghi theo chức vụ. Hoặc ghi đủ từng dòng, ví dụ:\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A';
    case 'copies':
      return 'Nơi nhận (ngoài "Như trên" và "Lưu: VT"), mỗi nơi một dòng. Gõ "bỏ qua" để dùng mặc định.';
    default:
      return '';
  }
}

export function factsQuestion(template: Template, key: string, heading: string): string {
  const section = template.sections.find((s) => s.key === key)!;
  const skip = section.required && section.role === 'body' ? '' : ' Gõ "bỏ qua" nếu không cần mục này.';
  const parts = section.role === 'body' ? ' Nếu mục có tiểu mục, ghi "1. Tên tiểu mục" trên một dòng rồi các ý của nó, mỗi ý bắt đầu bằng dấu "-".' : '';
  return `Các ý cho ${heading} (${section.purpose.replace(/\.$/, '')}). Dán danh sách, mỗi ý một dòng.${parts} Gõ "xong" khi đã đủ ý.${skip}`;
}
