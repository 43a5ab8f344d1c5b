import type { Readable, Writable } from 'node:stream';

/**
 * A password typed at a terminal, without echo: raw mode, so each key arrives as typed and nothing
 * is printed; Enter ends, Backspace deletes, arrow keys are ignored, Ctrl-C / Ctrl-D abandon
 * (resolves null).
 */
export function readHiddenLine(input: Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown }, output: Writable, prompt: string): Promise<string | null> {
  output.write(prompt);
  const raw = Boolean(input.isTTY && input.setRawMode);
  if (raw) input.setRawMode!(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve) => {
    let typed = '';
    const finish = (value: string | null, rest: string) => {
      input.off('data', onData);
      if (raw) input.setRawMode!(false);
      input.pause();
      // Keys typed ahead (the confirmation, pasted at once) belong to the next question.
      if (rest) input.unshift(rest);
      output.write('\n');
      resolve(value === null ? null : value.normalize('NFC'));
    };
    const onData = (chunk: string) => {
      const chars = [...chunk];
      for (let i = 0; i < chars.length; i++) {
        const ch = chars[i]!;
        const rest = () => chars.slice(i + 1).join('').replace(/^\n/, '');
        if (ch === '\r' || ch === '\n') return finish(typed, rest());
        if (ch === '\u0003' || ch === '\u0004') return finish(null, '');
        if (ch === '\u001b') {
          // Arrow and function keys arrive as escape sequences (ESC [ 1 ; 5 D); none is part of a password.
          if (chars[i + 1] === '[' || chars[i + 1] === 'O') i++;
          while (i + 1 < chars.length && /[0-9;]/.test(chars[i + 1]!)) i++;
          i++;
          continue;
        }
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else if (ch >= ' ') typed += ch;
      }
    };
    input.on('data', onData);
  });
}

/** The whole of standard input as the password, without the one line end `echo` or a file adds. */
export async function readAllInput(input: Readable): Promise<string> {
  let text = '';
  input.setEncoding('utf8');
  for await (const chunk of input) text += chunk;
  return text.replace(/\r?\n$/, '').normalize('NFC');
}
