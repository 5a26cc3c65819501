// What `verify` was given, read the way the checker page reads it: a QR code's text (LP1:…) is
// decoded, JSON is parsed, and a copy that is empty, cut short, not JSON, a damaged QR code or
// JSON that is no learning record at all is "Not valid" with what to do — the same words and
// the same next step as the page, never the library's schema jargon.
import { decodeQrPayload, isPassportError, QR_PREFIX } from '../api.js';
import { isPlainObject } from '../../internal/json.js';
import { parseJsonText, UsageError } from '../io.js';

/** What `verify` checks, or why it cannot: a damaged copy, said in words. */
export type VerifyInput =
  { ok: true; doc: unknown; text: string; fromQr: boolean } | { ok: false; headline: string; summary: string; error: { code: string; message: string } };

// The page's next step for a copy that is damaged or not a record (README, "The three verdicts").
const SHARE_AGAIN = 'Ask the person to share again.';
// Types a learning-passport record has: an entry (a credential), a passport, a presentation.
const RECORD_TYPES = ['VerifiableCredential', 'LearningPassport', 'VerifiablePresentation'];

/**
 * Reads the text `verify` was given (`source` names where from: a file, `--qr`, standard input)
 * into the document to verify, or into a "Not valid" headline and summary.
 *
 * @example
 * ```ts
 * const input = await readVerifyInput('LP1:6BFOXN…', '--qr');
 * if (input.ok) await verifyCredential(input.doc); else say(input.headline);
 * ```
 */
export async function readVerifyInput(text: string, source: string): Promise<VerifyInput> {
  const trimmed = text.trim();
  if (trimmed === '') {
    return damaged('file', `${source} is empty`, { code: 'ERR_JSON_SYNTAX', message: `${source} is empty` });
  }
  if (trimmed.toUpperCase().startsWith(QR_PREFIX)) {
    try {
      const doc = await decodeQrPayload(QR_PREFIX + trimmed.slice(QR_PREFIX.length));
      return { ok: true, doc, text: JSON.stringify(doc), fromQr: true };
    } catch (err) {
      if (!isPassportError(err)) throw err;
      // The headline says the code is damaged: the summary says only why.
      const why = err.message.replace(/^This QR code is damaged:\s*/i, '').replace(/\.$/, '');
      return {
        ok: false,
        headline: '✗ Not valid: this QR code is damaged',
        summary: `Not valid — ${why.charAt(0).toUpperCase()}${why.slice(1)}. Ask the person to show the code again, or to share their passport file.`,
        error: { code: err.code, message: err.message },
      };
    }
  }
  let doc: unknown;
  try {
    doc = parseJsonText(text, source);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    return damaged('file', err.message, { code: err.code, message: err.message });
  }
  const type = isPlainObject(doc) ? doc.type : undefined;
  const types: unknown[] = Array.isArray(type) ? type : [type];
  if (!types.some((t) => typeof t === 'string' && RECORD_TYPES.includes(t))) {
    return {
      ok: false,
      headline: '✗ Not valid: this is not a learning record',
      summary: `Not valid — This file is not a learning record, a passport or a sharing from learning-passport. ${SHARE_AGAIN}`,
      error: { code: 'ERR_SCHEMA_INVALID', message: `${source} has no "type" naming ${RECORD_TYPES.join(', ')}` },
    };
  }
  return { ok: true, doc, text, fromQr: false };
}

function damaged(what: string, why: string, error: { code: string; message: string }): VerifyInput {
  return { ok: false, headline: `✗ Not valid: this ${what} is damaged`, summary: `Not valid — ${why}. ${SHARE_AGAIN}`, error };
}
