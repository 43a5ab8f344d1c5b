import { Document, Packer } from 'docx';
import type { DocumentView } from '../../draft/document.js';
import { body } from './body.js';
import { headerBlock } from './header-block.js';
import { kinhGui } from './kinh-gui.js';
import { pageSetup } from './page.js';
import { signatureBlock } from './signature-block.js';
import { documentStyles } from './styles.js';
import { titleBlock } from './title-block.js';

/** The .docx of a document, laid out per Nghị định 30/2020/NĐ-CP, from the same view the page shows. */
export async function renderDocx(view: DocumentView): Promise<Buffer> {
  const doc = new Document({
    title: view.header.subject.normalize('NFC'),
    creator: view.header.org.normalize('NFC'),
    styles: documentStyles,
    sections: [
      {
        ...pageSetup(),
        children: [
          headerBlock(view),
          ...titleBlock(view),
          ...kinhGui(view.header.kinhGui),
          ...body(view.body),
          signatureBlock(view),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
