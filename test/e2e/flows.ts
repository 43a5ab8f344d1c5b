import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Sends a chat message and waits for the answer (or the error shown under the box). */
export async function say(page: Page, text: string) {
  await page.fill('#message', text);
  await page.press('#message', 'Enter');
  await page.waitForFunction(() => !document.querySelector('#messages .typing') && !(document.querySelector('#send') as HTMLButtonElement).disabled);
  const error = page.locator('#chat-error');
  if (await error.isVisible()) throw new Error(`chat error: ${await error.textContent()}`);
}

/** The conversation on screen, as the server has it (null once the page shows a draft instead). */
async function conversation(page: Page): Promise<any> {
  return page.evaluate(async () => {
    const m = /conv=([\w-]+)/.exec(location.hash);
    return m ? (await fetch(`/api/conversations/${m[1]}`)).json() : null;
  });
}

/** A brief section's facts as staff would paste them: "1. Tiểu mục" lines, then "- ý" lines. */
function factsMessage(section: any): string {
  if (section.parts) return section.parts.map((p: any, i: number) => [`${i + 1}. ${p.title}`, ...p.facts.map((f: string) => `- ${f}`)].join('\n')).join('\n');
  return section.facts.map((f: string) => `- ${f}`).join('\n');
}

/**
 * Answers the interview from a brief's notes, whatever it asks next, until the server makes the
 * draft. The first message names the type and the trích yếu, as a clerk would.
 */
export async function interview(page: Page, brief: any, firstMessage: string, onStep: (asking: string) => Promise<void> = async () => {}) {
  await say(page, firstMessage);
  const sent = new Set<string>();
  const h = brief.header;
  const answers: Record<string, string> = {
    'header.org': 'Ủy ban nhân dân huyện Nghi Xuân',
    'header.subject': h.subject,
    'header.recipients': h.recipients.join('\n'),
    'header.place': h.place,
    'header.symbol': h.symbol,
    'header.date': h.date.split('-').reverse().join('/'),
    signer: [...brief.signer.lines, brief.signer.name].join('\n'),
    copies: brief.copies.filter((c: string) => c !== 'Như trên').join('\n'),
    // The trích yếu read from the first message, and the summary before drafting.
    confirm: 'đúng',
    summary: 'đúng',
  };
  for (let turn = 0; turn < 60; turn++) {
    const c = await conversation(page);
    if (!c || c.draftId) return;
    const asking: string = c.asking;
    await onStep(asking);
    if (asking.startsWith('facts:')) {
      const key = asking.slice(6);
      const section = brief.sections.find((s: any) => s.key === key);
      if (section && !sent.has(key)) {
        sent.add(key);
        await say(page, factsMessage(section));
      } else await say(page, sent.has(key) ? 'xong' : 'bỏ qua');
    } else {
      expect(answers[asking], `an answer for "${asking}"`).toBeDefined();
      await say(page, answers[asking]!);
    }
  }
  throw new Error('the interview did not end');
}

/**
 * Waits until no section is queued or streaming and every section of the draft has its text; fails
 * at once with the message when a section could not be drafted.
 */
export async function waitDrafted(page: Page, timeout = 30_000) {
  await page.waitForFunction(
    () =>
      !!document.querySelector('[data-section-error][role="alert"]') ||
      (!!document.querySelector('#paper .paragraph') &&
        !document.querySelector('.status.streaming, .status.queued') &&
        (document.querySelector('#missing') as HTMLElement).hidden),
    undefined,
    { timeout },
  );
  const errors = await page.locator('[data-section-error][role="alert"]').allTextContents();
  if (errors.length) throw new Error(`a section was not drafted: ${errors.join(' | ')}`);
}

/** The printed text of a section's paragraphs. */
export async function sectionTexts(page: Page, key: string): Promise<string[]> {
  return page.locator(`[data-section="${key}"] .paragraph .para`).allTextContents();
}

export function paragraph(page: Page, key: string, index: number) {
  return page.locator(`[data-section="${key}"] .paragraph`).nth(index);
}

/** Imports a brief file through the page and waits until every section is drafted. */
export async function importBrief(page: Page, path: string) {
  await page.setInputFiles('#brief-file', path);
  await waitDrafted(page);
}

/**
 * The document as staff read it on the page: names print with no-break spaces between the words of
 * a group (so they wrap only between groups), which read as spaces.
 */
export async function paperText(page: Page): Promise<string> {
  return ((await page.locator('#paper').textContent()) ?? '').replace(/\u00a0/g, ' ');
}
