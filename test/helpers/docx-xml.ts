import JSZip from 'jszip';

/** Just enough of WordprocessingML to check the properties Nghị định 30 sets, read from document.xml. */

export interface XmlRun {
  text: string;
  bold: boolean;
  italic: boolean;
  halfPoints: number | null;
}

export interface XmlPara {
  xml: string;
  pPr: string;
  /** The text as read, a no-break space between two words shown as a space. */
  text: string;
  /** The text as written, no-break spaces kept: where a line may not break. */
  raw: string;
  runs: XmlRun[];
}

/** A no-break space between two words reads as a space; a run of them is a blank left for the văn thư. */
export const shown = (raw: string) => raw.replace(/(?<=[^\s\u00a0])\u00a0(?=[^\s\u00a0])/g, ' ');

const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);

export function all(xml: string, re: RegExp): string[] {
  return [...xml.matchAll(re)].map((m) => m[0]);
}

export function attr(xml: string, tag: string, name: string): string | null {
  const el = xml.match(new RegExp(`<${tag}\\b[^>]*>`));
  return el?.[0].match(new RegExp(`${name}="([^"]*)"`))?.[1] ?? null;
}

export function paras(xml: string): XmlPara[] {
  return all(xml, /<w:p\b[^>]*?(?:\/>|>[\s\S]*?<\/w:p>)/g).map((p) => {
    const runs = all(p, /<w:r\b[^>]*?(?:\/>|>[\s\S]*?<\/w:r>)/g).map((r) => ({
      text: all(r, /<w:t\b[^>]*>[^<]*<\/w:t>/g).map((t) => decode(t.replace(/<[^>]+>/g, ''))).join(''),
      bold: /<w:b\/>/.test(r),
      italic: /<w:i\/>/.test(r),
      halfPoints: attr(r, 'w:sz', 'w:val') === null ? null : Number(attr(r, 'w:sz', 'w:val')),
    }));
    const raw = runs.map((r) => r.text).join('');
    return { xml: p, pPr: p.match(/<w:pPr>[\s\S]*?<\/w:pPr>/)?.[0] ?? '', text: shown(raw), raw, runs };
  });
}

/** Top-level tables (none are nested here), each as rows of cell XML. */
export function tables(xml: string): { xml: string; rows: string[][] }[] {
  return all(xml, /<w:tbl>[\s\S]*?<\/w:tbl>/g).map((t) => ({
    xml: t,
    rows: all(t, /<w:tr\b[\s\S]*?<\/w:tr>/g).map((tr) => all(tr, /<w:tc>[\s\S]*?<\/w:tc>/g)),
  }));
}

export async function documentXml(buffer: Buffer): Promise<string> {
  return (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
}
