import JSZip from 'jszip';

/** The visible text of a .docx, paragraph by paragraph (runs joined), read from word/document.xml. */
export async function docxParagraphs(buffer: Buffer | ArrayBuffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => t[1]!)
      .join('')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      // A no-break space between two words holds them on one line and reads as a space; a run of them
      // is a blank left for the văn thư and stays as written.
      .replace(/(?<=[^\s\u00a0])\u00a0(?=[^\s\u00a0])/g, ' '),
  );
}
