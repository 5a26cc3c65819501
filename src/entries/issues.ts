// Turning zod issues into the library's { path, message } issues (PassportErrorDetails.issues).
import type * as z from 'zod';

/** One validation problem: where, and what, in plain words. */
export interface EntryIssue {
  path: (string | number)[];
  message: string;
}

export const MAX_ISSUES = 20;

/** Converts zod issues; unknown properties become one issue each, naming the property. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], prefix: (string | number)[] = []): EntryIssue[] {
  const out: EntryIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: [...path, key], message: 'is not allowed here (unknown property)' });
    } else if (issue.code === 'invalid_type' && issue.input === undefined) {
      out.push({ path, message: 'is required' });
    } else {
      out.push({ path, message: issue.message });
    }
    if (out.length >= MAX_ISSUES) break;
  }
  return out.slice(0, MAX_ISSUES);
}

/** "awardingBody.name: is required" */
export function formatIssue(issue: EntryIssue): string {
  return `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`;
}
