/** The shape of one Nghị định 30 rule and helpers to word its findings. */
import type { Finding, FindingLocation } from '../../checks/finding.js';
import type { Layout } from '../layout.js';
import type { Segment } from '../text.js';

export type Severity = Finding['severity'];

export interface Rule {
  /** Stable id, `nd30.<name>`. */
  id: string;
  /** Where in Nghị định 30 the rule comes from, e.g. `PL I §I.1`. */
  source: string;
  /** Severity of its findings unless a finding says otherwise. */
  severity: Severity;
  /** Short Vietnamese name, for listings. */
  title: string;
  check(layout: Layout): Finding[];
}

export interface Report {
  where: FindingLocation;
  /** What is wrong and what to do, without the source; the source is appended. */
  message: string;
  severity?: Severity;
  /** Overrides the rule's source for this finding. */
  source?: string;
}

export function finding(rule: Rule, r: Report): Finding {
  const text = r.message.trim().replace(/[.;:]$/, '');
  return {
    rule: rule.id,
    severity: r.severity ?? rule.severity,
    where: r.where,
    message: `${text} (Nghị định 30, ${r.source ?? rule.source}).`.normalize('NFC'),
  };
}

/** Location of a whole segment (a line of a body paragraph). */
export function at(seg: Segment, field: string, span?: [number, number]): FindingLocation {
  return { paragraph: seg.para.index, span: span ?? [seg.start, seg.end], field };
}

/** Quote a piece of the document in a message, shortened when long. */
export function quote(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return `“${t.length > max ? `${t.slice(0, max - 1)}…` : t}”`;
}
