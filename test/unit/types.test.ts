import { describe, expectTypeOf, it } from 'vitest';
import type { Brief as ParsedBrief } from '../../server/brief/schema.js';
import type { Brief } from '../../server/types/brief.js';

describe('the types-only module', () => {
  it('describes the brief exactly as the schema parses it', () => {
    expectTypeOf<ParsedBrief>().toEqualTypeOf<Brief>();
  });
});
