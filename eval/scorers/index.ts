import { assertions } from './assertions.js';
import { unexplained, wrongExpansions } from './abbreviations.js';
import { citations } from './citations.js';
import { labels, repetition } from './prose.js';
import { chinese } from './chinese.js';
import { chrfScore } from './chrf.js';
import { factPrecision } from './fact-precision.js';
import { factRecall } from './fact-recall.js';
import { formulas } from './formulas.js';
import { length } from './length.js';
import { markdown } from './markdown.js';
import { register } from './register.js';
import { structure } from './structure.js';
import type { Scorer } from './types.js';

/** Every scorer, in the order of the report's columns. */
export const SCORERS: readonly Scorer[] = [
  { id: 'recall', label: 'Độ phủ dữ kiện', run: factRecall },
  { id: 'precision', label: 'Độ chính xác số liệu', run: factPrecision },
  { id: 'structure', label: 'Cấu trúc', run: structure },
  { id: 'formulas', label: 'Mở đầu, kết thúc, "./."', run: formulas },
  { id: 'register', label: 'Văn phong', run: register },
  { id: 'chinese', label: 'Chữ Hán', run: chinese },
  { id: 'markdown', label: 'Markdown', run: markdown },
  { id: 'meanings', label: 'Nghĩa chữ viết tắt', run: wrongExpansions },
  { id: 'unexplained', label: 'Viết tắt chưa rõ nghĩa', run: unexplained },
  { id: 'citations', label: 'Trích dẫn giữ nguyên', run: citations },
  { id: 'labels', label: 'Nhãn ghi chép', run: labels },
  { id: 'repetition', label: 'Lặp từ', run: repetition },
  { id: 'length', label: 'Độ dài', run: length },
  { id: 'assertions', label: 'Điều kiện riêng', run: assertions },
  { id: 'chrf', label: 'chrF++ với văn bản gốc', run: chrfScore },
];
