import { AlignmentType, Header, PageNumber, Paragraph, TextRun, type ISectionOptions } from 'docx';
import { MARGIN, PAGE_SIZE } from './layout.js';
import { BLACK, FONT, PT } from './styles.js';

/**
 * A4 portrait with the decree's margins. Page numbers are centred in the top margin and left off page 1:
 * `titlePage` gives page 1 its own header, which stays empty.
 */
export function pageSetup(): Pick<ISectionOptions, 'properties' | 'headers'> {
  return {
    properties: {
      titlePage: true,
      page: { size: { ...PAGE_SIZE }, margin: { ...MARGIN } },
    },
    headers: {
      first: new Header({ children: [new Paragraph({})] }),
      default: new Header({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: PT.pageNumber * 2, color: BLACK })],
          }),
        ],
      }),
    },
  };
}
