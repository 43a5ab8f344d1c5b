import type { Template } from '../template/schema.js';
import type { Intake, Intent } from './model.js';
import { readText } from './read-text.js';
import type { Signer } from './signer.js';

export interface ReaderContext {
  asking: string | null;
  template: Template | undefined;
  templates: Template[];
  intake: Intake;
  /** A proposal waits for staff's yes or no. */
  confirming?: boolean;
  /** The office profile's signers. */
  signers?: Signer[];
  signal?: AbortSignal;
  now?: Date;
}

/** Turns a staff message into an intent: by code (the deterministic interview) or by a model. */
export interface IntentReader {
  read(text: string, ctx: ReaderContext): Promise<Intent>;
}

export class TextIntentReader implements IntentReader {
  async read(text: string, ctx: ReaderContext): Promise<Intent> {
    return readText(text, ctx);
  }
}
