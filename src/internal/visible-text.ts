// Text a person reads, made of what untrusted documents say (issuer names, titles): control
// characters and invisible format characters (bidi overrides such as U+202E, which make text
// read differently from what it is; zero-width characters; line separators) are removed.

/**
 * `text` without control and invisible format characters; tabs and line breaks become spaces.
 *
 * @example
 * ```ts
 * visibleText('City \u202eelbatS'); // 'City elbatS'
 * ```
 */
export function visibleText(text: string): string {
  return text.replace(/[\t\n\r]/g, ' ').replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '');
}
