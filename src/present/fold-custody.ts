// What an employer-facing display of a passport lists: custody-context entries (a transfer
// between establishments, a checkpoint, a peer role held inside) are folded into one neutral
// line, and listed only when the person using the display asks for them. The privacy rule of
// the sharing area: no line an employer reads names a custody role or place.
import { notShownLine, type Verdict } from '../result.js';
import { sensitivityOfKind } from './entry-facts.js';

/** What {@link foldCustodyEntries} returns. */
export interface FoldedEntries<T> {
  /** The entries to list, in their order. */
  shown: T[];
  /** The entries folded away (none with `showAll`). */
  notShown: T[];
  /**
   * The one line that stands for `notShown`, naming no kind ("2 more records not shown: both
   * valid."); absent when nothing is folded.
   */
  line?: string;
}

/**
 * Splits a passport report's entries (or anything with a `kind` and a `verdict`) into those an
 * employer-facing display lists and the custody-context ones it folds into a single line
 * (sensitivity class C: custody-transfer, checkpoint, peer-role, and kinds it cannot read). The
 * line counts them and gives their verdicts, so a folded entry that is not valid is never hidden
 * without a word; it names no kind, place or role. With `showAll` nothing is folded.
 *
 * @example
 * ```ts
 * const report = await verifyPassport(passport, { policy });
 * const { shown, line } = foldCustodyEntries(report.entries);
 * for (const e of shown) console.log(e.headline);
 * if (line) console.log(`– ${line}`); // '– 1 more record not shown: valid.'
 * ```
 */
export function foldCustodyEntries<T extends { kind: string; verdict: Verdict }>(entries: readonly T[], options: { showAll?: boolean } = {}): FoldedEntries<T> {
  if (!Array.isArray(entries)) throw new TypeError('"entries" must be an array');
  if (options.showAll === true) return { shown: [...entries], notShown: [] };
  const shown: T[] = [];
  const notShown: T[] = [];
  for (const e of entries) (sensitivityOfKind(e.kind) === 'C' ? notShown : shown).push(e);
  return notShown.length === 0 ? { shown, notShown } : { shown, notShown, line: notShownLine(notShown.map((e) => e.verdict)) };
}
