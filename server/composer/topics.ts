/**
 * Facts of one topic share a paragraph: a sentence that shares no content word with the paragraph so
 * far opens a new one, unless one of them is too short to stand as a paragraph ("Tổng dự toán 865
 * triệu đồng."). A paragraph stays short enough to edit or regenerate on its own.
 */
const MAX_SENTENCES = 4;
/** Characters under which a sentence, or a paragraph so far, does not stand alone. */
const SHORT = 70;

/** Words every sentence of an administrative text may hold: they tell nothing of its topic. */
const COMMON = new Set(
  (
    'và của các cho với trong khi theo được đã là có này đó những một về tại từ đến trên dưới nên thì mà để ra vào lại cũng như sau trước còn việc ' +
    'năm tháng ngày số đơn vị cơ quan thực hiện công tác tổ chức triển khai tiếp tục đảm bảo bảo đảm địa bàn toàn ủy ban nhân dân huyện tỉnh xã phường thị trấn ' +
    'hiện kết quả đạt đồng người hộ lượt nhiều'
  ).split(' '),
);

function topicWords(sentence: string): Set<string> {
  const words = sentence.normalize('NFC').toLocaleLowerCase('vi').match(/\p{L}[\p{L}\p{M}]*/gu) ?? [];
  return new Set(words.filter((w) => w.length > 1 && !COMMON.has(w)));
}

export function paragraphsByTopic(sentences: readonly string[]): string[][] {
  const paragraphs: string[][] = [];
  let words = new Set<string>();
  for (const s of sentences) {
    const own = topicWords(s);
    const current = paragraphs.at(-1);
    const shares = [...own].some((w) => words.has(w));
    const short = s.length < SHORT || (current !== undefined && current.join(' ').length < SHORT);
    if (current && current.length < MAX_SENTENCES && (shares || short)) {
      current.push(s);
      for (const w of own) words.add(w);
    } else {
      paragraphs.push([s]);
      words = own;
    }
  }
  return paragraphs;
}
