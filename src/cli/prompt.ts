// Asking for a secret on a terminal: nothing is echoed, backspace works, Ctrl-C aborts.
import type { Readable, Writable } from 'node:stream';

/** The streams {@link askHidden} talks to (the process's terminal by default; tests pass their own). */
export interface PromptStreams {
  input: Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };
  output: Writable;
}

/** Thrown when the person presses Ctrl-C or Ctrl-D at a prompt. */
export class PromptAborted extends Error {}

/**
 * Writes `question` and reads one line without echoing it. Characters are read raw when the input
 * is a terminal, so the passphrase never appears on screen; Backspace deletes, Enter ends,
 * Ctrl-C and Ctrl-D (on an empty line) abort.
 *
 * @example
 * ```ts
 * const passphrase = await askHidden('Passphrase: ');
 * ```
 */
export function askHidden(question: string, streams: PromptStreams = { input: process.stdin, output: process.stderr }): Promise<string> {
  const { input, output } = streams;
  output.write(question);
  const raw = input.isTTY === true && typeof input.setRawMode === 'function';
  if (raw) input.setRawMode!(true);
  input.resume();
  input.setEncoding?.('utf8');
  return new Promise((resolve, reject) => {
    let answer = '';
    const finish = (error?: Error) => {
      input.off('data', onData);
      input.off('end', onEnd);
      if (raw) input.setRawMode!(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(answer);
    };
    const onEnd = () => finish(answer === '' ? new PromptAborted('no answer (end of input)') : undefined);
    const onData = (chunk: string | Buffer) => {
      const text = String(chunk);
      let at = 0;
      for (const c of text) {
        at += c.length;
        if (c === '\r' || c === '\n') {
          // Typed ahead (the confirmation, say): leave it for the next question.
          const rest = text.slice(at).replace(/^\n/, '');
          finish();
          if (rest !== '') input.unshift(rest);
          return;
        }
        if (c === '\u0003') return finish(new PromptAborted('cancelled'));
        if (c === '\u0004') {
          if (answer === '') return finish(new PromptAborted('no answer (Ctrl-D)'));
          return finish();
        }
        if (c === '\u007f' || c === '\b') answer = Array.from(answer).slice(0, -1).join('');
        else if (c >= ' ') answer += c;
      }
    };
    input.on('data', onData);
    input.on('end', onEnd);
  });
}
