/**
 * The brief as every folder reads it, once parsed. The zod schema in server/brief/schema.ts is what
 * parses it; a type test holds the two equal.
 */
export interface BriefHeader {
  parentOrg: string;
  org: string;
  number: string;
  symbol: string;
  place: string;
  /** `YYYY-MM-DD`, or `YYYY-MM` with the day left blank. */
  date: string;
  subject: string;
  recipients: string[];
  orgName?: string | undefined;
}

export interface BriefPart {
  title: string;
  facts: string[];
}

export interface BriefTask {
  task: string;
  lead: string;
  support?: string | undefined;
  deadline: string;
}

export interface BriefSection {
  key: string;
  title?: string | undefined;
  facts?: string[] | undefined;
  parts?: BriefPart[] | undefined;
  tasks?: BriefTask[] | undefined;
}

export interface Brief {
  version?: 1 | undefined;
  template: string;
  header: BriefHeader;
  sections: BriefSection[];
  signer: { lines: string[]; name: string };
  copies: string[];
  archive: string;
}
