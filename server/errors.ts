import type { z } from 'zod';

/** Why a request failed, each mapped once to an HTTP status. */
export type ErrorCode =
  | 'bad_input'
  | 'not_found'
  | 'too_large'
  | 'forbidden'
  | 'unauthenticated'
  | 'too_many_attempts'
  | 'misdirected_host'
  | 'unknown_template'
  | 'unknown_section'
  | 'provider_failed'
  | 'provider_timeout'
  | 'provider_rate_limited'
  | 'provider_auth'
  | 'provider_unreachable'
  | 'provider_bad_output'
  | 'provider_truncated'
  | 'cancelled'
  | 'in_progress'
  | 'storage_full'
  | 'quota_exceeded'
  | 'pdf_unavailable'
  | 'pdf_timeout'
  | 'pdf_failed'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  bad_input: 422,
  not_found: 404,
  too_large: 413,
  forbidden: 403,
  unauthenticated: 401,
  too_many_attempts: 429,
  misdirected_host: 421,
  unknown_template: 422,
  unknown_section: 422,
  provider_failed: 502,
  provider_timeout: 504,
  provider_rate_limited: 503,
  provider_auth: 502,
  provider_unreachable: 502,
  provider_bad_output: 502,
  provider_truncated: 502,
  cancelled: 499,
  in_progress: 409,
  storage_full: 507,
  quota_exceeded: 403,
  pdf_unavailable: 503,
  pdf_timeout: 504,
  pdf_failed: 502,
  internal: 500,
};

export interface FieldIssue {
  /** Dotted path of the field, e.g. `header.date` or `sections.1.facts.0`. */
  field: string;
  message: string;
}

/** The one error family of soanthao: a code, a Vietnamese message for staff, and the fields at fault. */
export class DraftError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];

  constructor(code: ErrorCode, message: string, issues: FieldIssue[] = [], options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DraftError';
    this.code = code;
    this.issues = issues;
  }

  get status(): number {
    return STATUS[this.code];
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, issues: this.issues } };
  }
}

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** Turns zod issues into field issues with Vietnamese messages (zod's own English ones are replaced). */
export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ field: fieldPath(i.path), message: vietnameseMessage(i) }));
}

function vietnameseMessage(issue: z.core.$ZodIssue): string {
  // Messages we wrote ourselves are already Vietnamese; zod's defaults are English.
  if (/[\u00C0-\u1EF9]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'Thiếu trường bắt buộc' : `Sai kiểu dữ liệu: cần ${typeName(issue.expected)}`;
    case 'too_big':
      return `Quá dài hoặc quá nhiều phần tử (tối đa ${String(issue.maximum)})`;
    case 'too_small':
      return `Quá ngắn hoặc quá ít phần tử (tối thiểu ${String(issue.minimum)})`;
    case 'unrecognized_keys':
      return `Trường không được hỗ trợ: ${issue.keys.join(', ')}`;
    case 'invalid_value':
      return `Giá trị không hợp lệ, cần một trong: ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      return 'Sai định dạng';
    default:
      return 'Giá trị không hợp lệ';
  }
}

function typeName(expected: string): string {
  const names: Record<string, string> = {
    string: 'chuỗi ký tự',
    number: 'số',
    array: 'mảng',
    object: 'đối tượng',
    boolean: 'đúng/sai',
  };
  return names[expected] ?? expected;
}

export function badInput(message: string, issues: FieldIssue[] = []): DraftError {
  return new DraftError('bad_input', message, issues);
}

/** A message that lists the fields at fault, for the CLI and logs. */
export function describe(error: DraftError): string {
  if (error.issues.length === 0) return error.message;
  return [error.message, ...error.issues.map((i) => `  - ${i.field || '(gốc)'}: ${i.message}`)].join('\n');
}
