// Compiles the zod entry schemas (src/entries/kinds) into plain JavaScript validators for the
// verify path: src/entries/compiled/entry-validators.ts. The zod definitions stay the single
// source of truth; this script reads them and writes code that accepts exactly what zod accepts,
// without loading zod at verification time (zod costs ~60 ms of cold import, ~100 KB of bundle
// and ~30 µs per entry). The issues it reports name the same properties in plain words.
//
// Run with `npm run validators`. test/entries/compiled-validators.test.ts fails when the
// checked-in file differs from what this script writes, and checks that the compiled validators
// and zod agree (valid or not) on every kind's fixtures and on fuzzed inputs.
// The compiler knows the zod node types the schemas use today and throws on any other, so a new
// zod feature in a kind cannot be dropped silently.
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as z from 'zod';
import { ENTRY_KINDS, entryCredentialSchema, kindDefinition } from '../src/entries/index.js';
import { KIND_RULES } from '../src/entries/kinds/rules.js';
import { isRealPartialDate } from '../src/internal/time.js';

type Node = z.core.$ZodType;
interface CheckDef {
  check: string;
  [key: string]: unknown;
}
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  [key: string]: unknown;
}

const defOf = (node: Node): Def => (node as unknown as { _zod: { def: Def } })._zod.def;

/** A check's own message (`.regex(re, 'must be …')`), when it has one. */
function customMessage(check: CheckDef): string | undefined {
  if (typeof check.error !== 'function') return undefined;
  const message = (check.error as (issue: unknown) => unknown)({});
  return typeof message === 'string' ? message : undefined;
}

const quote = (value: unknown): string => JSON.stringify(value);
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * Emits one function per schema node: `(x, p, k, out)` checks value x found at path p + [k] and
 * pushes { path, message } issues onto out. The path array is built only for containers and
 * issues, so a valid entry allocates almost nothing.
 */
class Compiler {
  private readonly names = new Map<Node, string>();
  private readonly functions: string[] = [];
  private readonly bodies = new Map<string, string>();
  private readonly constants = new Map<string, string>();
  private kind: string | undefined;

  constant(prefix: string, code: string): string {
    let name = this.constants.get(code);
    if (!name) {
      name = `${prefix}${this.constants.size}`;
      this.constants.set(code, name);
    }
    return name;
  }

  fn(node: Node): string {
    const known = this.names.get(node);
    if (known) return known;
    // Children are compiled first, so equal subtrees give equal bodies: one function serves
    // every kind's copy of the envelope.
    const body = this.body(node)
      .map((line) => `  ${line}`)
      .join('\n');
    let name = this.bodies.get(body);
    if (!name) {
      name = `v${this.functions.length}`;
      this.bodies.set(body, name);
      this.functions.push(`function ${name}(x: any, p: Path, k: Key, out: Issue[]): void {\n${body}\n}`);
    }
    this.names.set(node, name);
    return name;
  }

  compileKind(kind: string, node: Node): string {
    this.kind = kind;
    try {
      return this.fn(node);
    } finally {
      this.kind = undefined;
    }
  }

  private body(node: Node): string[] {
    const def = defOf(node);
    const here = 'k === undefined ? p : [...p, k]';
    const issue = (message: string) => `out.push({ path: ${here}, message: ${quote(message)} })`;
    // A value of the wrong type (or a missing one) gets one issue and no further checks.
    const typed = (test: string, message: string) =>
      `if (${test}) { out.push({ path: ${here}, message: x === undefined ? 'is required' : ${quote(message)} }); return; }`;
    const lines: string[] = [];
    const checks = (def.checks ?? []).map((c) => c._zod.def);
    switch (def.type) {
      case 'string': {
        lines.push(typed("typeof x !== 'string'", 'must be text'));
        if (def.format === 'url') {
          // z.url(): what the WHATWG URL parser accepts (after trimming), with its protocol and
          // hostname patterns when the schema gives them.
          const protocol = def.protocol instanceof RegExp ? this.constant('RE', `/${def.protocol.source}/${def.protocol.flags.replace('g', '')}`) : undefined;
          const hostname = def.hostname instanceof RegExp ? this.constant('RE', `/${def.hostname.source}/${def.hostname.flags.replace('g', '')}`) : undefined;
          const tests = [
            ...(protocol ? [`!${protocol}.test(u.protocol.endsWith(':') ? u.protocol.slice(0, -1) : u.protocol)`] : []),
            ...(hostname ? [`!${hostname}.test(u.hostname)`] : []),
          ];
          lines.push(
            `{ let ok = true; try { const u = new URL(x.trim());${tests.length ? ` if (${tests.join(' || ')}) ok = false;` : ''} } catch { ok = false; } if (!ok) ${issue('must be a web address (URL)')}; }`,
          );
        } else if (def.format !== undefined && def.format !== null) {
          throw new Error(`compile-validators: unsupported string format "${String(def.format)}"`);
        }
        for (const c of checks) {
          if (c.check === 'min_length') {
            const min = c.minimum as number;
            lines.push(
              `if (x.length < ${min}) ${issue(customMessage(c) ?? (min === 1 ? 'must not be empty' : `must be at least ${plural(min, 'character', 'characters')}`))};`,
            );
          } else if (c.check === 'max_length') {
            lines.push(
              `if (x.length > ${c.maximum}) ${issue(customMessage(c) ?? `must be at most ${plural(c.maximum as number, 'character', 'characters')}`)};`,
            );
          } else if (c.check === 'string_format' && c.format === 'regex') {
            const re = c.pattern as RegExp;
            const name = this.constant('RE', `/${re.source}/${re.flags.replace('g', '')}`);
            lines.push(`if (!${name}.test(x)) ${issue(customMessage(c) ?? 'is not in the expected format')};`);
          } else if (c.check === 'custom' && c.fn === isRealPartialDate) {
            // PartialDate's calendar check (no 2026-02-30): the same function, imported.
            lines.push(`if (!isRealPartialDate(x)) ${issue(customMessage(c) ?? 'is not a real date')};`);
          } else {
            throw new Error(`compile-validators: unsupported string check "${c.check}"`);
          }
        }
        return lines;
      }
      case 'number': {
        lines.push(typed("typeof x !== 'number' || !Number.isFinite(x)", 'must be a number'));
        for (const c of checks) {
          if (c.check === 'number_format' && c.format === 'safeint') {
            lines.push(`if (!Number.isSafeInteger(x)) ${issue(customMessage(c) ?? 'must be a whole number')};`);
          } else if (c.check === 'greater_than') {
            lines.push(
              `if (x ${c.inclusive ? '<' : '<='} ${c.value}) ${issue(customMessage(c) ?? `must be ${c.inclusive ? 'at least' : 'more than'} ${c.value}`)};`,
            );
          } else if (c.check === 'less_than') {
            lines.push(
              `if (x ${c.inclusive ? '>' : '>='} ${c.value}) ${issue(customMessage(c) ?? `must be ${c.inclusive ? 'at most' : 'less than'} ${c.value}`)};`,
            );
          } else {
            throw new Error(`compile-validators: unsupported number check "${c.check}"`);
          }
        }
        return lines;
      }
      case 'boolean':
        lines.push(typed("typeof x !== 'boolean'", 'must be true or false'));
        return lines;
      case 'unknown':
        return lines;
      case 'literal': {
        const values = def.values as unknown[];
        const test = values.map((v) => `x !== ${quote(v)}`).join(' && ');
        lines.push(typed(test, `must be ${values.map(quote).join(' or ')}`));
        return lines;
      }
      case 'enum': {
        const values = Object.values(def.entries as Record<string, unknown>);
        const set = this.constant('ONE_OF', `new Set(${quote(values)})`);
        lines.push(typed(`!${set}.has(x)`, `must be one of: ${values.join(', ')}`));
        return lines;
      }
      case 'optional':
        lines.push('if (x === undefined) return;', `${this.fn(def.innerType as Node)}(x, p, k, out);`);
        return lines;
      case 'object': {
        lines.push(typed("typeof x !== 'object' || x === null || Array.isArray(x)", 'must be an object'));
        lines.push(`const q = ${here};`, 'const before = out.length;');
        const shape = def.shape as Record<string, Node>;
        for (const [prop, child] of Object.entries(shape)) lines.push(`${this.fn(child)}(x[${quote(prop)}], q, ${quote(prop)}, out);`);
        const catchall = def.catchall === undefined ? undefined : defOf(def.catchall as Node).type;
        if (catchall === 'never') {
          const keys = this.constant('KEYS', `new Set(${quote(Object.keys(shape))})`);
          lines.push(
            `for (const key of Object.keys(x)) if (!${keys}.has(key)) out.push({ path: [...q, key], message: 'is not allowed here (unknown property)' });`,
          );
        } else if (catchall !== undefined && catchall !== 'unknown') {
          throw new Error(`compile-validators: unsupported object catchall "${catchall}"`);
        }
        for (const c of checks) {
          const rule = this.kind === undefined ? undefined : KIND_RULES[this.kind];
          if (c.check !== 'custom' || !rule) throw new Error(`compile-validators: unsupported object check "${c.check}"`);
          if ((kindDefinition(this.kind as never) as { rule?: unknown }).rule !== rule)
            throw new Error(`compile-validators: ${this.kind}'s rule is not KIND_RULES["${this.kind}"]`);
          // The kind's cross-field rule runs once the fields themselves are valid.
          lines.push(
            `if (out.length === before) { const problem = (KIND_RULES[${quote(this.kind)}] as Rule)(x); if (problem) out.push({ path: [...q, ...problem.path], message: problem.message }); }`,
          );
        }
        return lines;
      }
      case 'array': {
        lines.push(typed('!Array.isArray(x)', 'must be a list'), `const q = ${here};`);
        for (const c of checks) {
          if (c.check === 'min_length')
            lines.push(
              `if (x.length < ${c.minimum}) out.push({ path: q, message: ${quote(customMessage(c) ?? `must have at least ${plural(c.minimum as number, 'item', 'items')}`)} });`,
            );
          else if (c.check === 'max_length')
            lines.push(
              `if (x.length > ${c.maximum}) { out.push({ path: q, message: ${quote(customMessage(c) ?? `must have at most ${plural(c.maximum as number, 'item', 'items')}`)} }); return; }`,
            );
          else throw new Error(`compile-validators: unsupported array check "${c.check}"`);
        }
        // Stop once there are enough issues to report: a list of a million bad items is refused
        // after the first few, not after a million messages.
        lines.push(`for (let i = 0; i < x.length && out.length < MAX_ISSUES; i++) ${this.fn(def.element as Node)}(x[i], q, i, out);`);
        return lines;
      }
      case 'tuple': {
        const items = def.items as Node[];
        const rest = def.rest as Node | null;
        lines.push(typed('!Array.isArray(x)', 'must be a list'), `const q = ${here};`);
        if (!rest)
          lines.push(`if (x.length > ${items.length}) out.push({ path: q, message: ${quote(`must have at most ${plural(items.length, 'item', 'items')}`)} });`);
        items.forEach((item, i) => lines.push(`${this.fn(item)}(x[${i}], q, ${i}, out);`));
        if (rest) lines.push(`for (let i = ${items.length}; i < x.length && out.length < MAX_ISSUES; i++) ${this.fn(rest)}(x[i], q, i, out);`);
        return lines;
      }
      case 'record': {
        if (defOf(def.keyType as Node).type !== 'string' || defOf(def.valueType as Node).type !== 'unknown') {
          throw new Error('compile-validators: only record(string, unknown) is supported');
        }
        lines.push(typed("typeof x !== 'object' || x === null || Array.isArray(x)", 'must be an object'));
        return lines;
      }
      case 'union': {
        // Valid when one option accepts the value; otherwise the issues of the closest option
        // (the one with the fewest), or one plain issue when none even has the right type.
        const options = (def.options as Node[]).map((o) => this.fn(o));
        lines.push('let best: Issue[] | undefined;');
        lines.push(
          `for (const option of [${options.join(', ')}]) { const o: Issue[] = []; option(x, p, k, o); if (o.length === 0) return; if (!best || o.length < best.length) best = o; }`,
        );
        lines.push(`if (x === undefined) { out.push({ path: ${here}, message: 'is required' }); return; }`);
        lines.push('out.push(...best!);');
        return lines;
      }
      default:
        throw new Error(`compile-validators: unsupported zod type "${def.type}"`);
    }
  }

  source(entryPoints: Record<string, string>): string {
    const constants = [...this.constants].map(([code, name]) => `const ${name} = ${code};`);
    return [
      constants.join('\n'),
      ...this.functions,
      `/** The validator of a whole entry credential, by kind. */\nexport const ENTRY_VALIDATORS: Readonly<Record<string, Validator>> = {\n${Object.entries(
        entryPoints,
      )
        .map(([kind, fn]) => `  ${quote(kind)}: ${fn},`)
        .join('\n')}\n};`,
    ].join('\n\n');
  }
}

const HEADER = `// Generated by scripts/compile-validators.ts from the zod schemas in src/entries/kinds.
// Do not edit by hand: run \`npm run validators\`. A test fails when this file is stale, and checks
// that these validators and zod accept and refuse the same entries.
import { isRealPartialDate } from '../../internal/time.js';
import type { FieldProblem } from '../kinds/common.js';
import { KIND_RULES } from '../kinds/rules.js';

/** One problem: where (property path) and what, in plain words. */
export interface Issue {
  path: (string | number)[];
  message: string;
}
type Path = (string | number)[];
type Key = string | number | undefined;
type Rule = (fields: unknown) => FieldProblem | undefined;
/** Checks a value found at path p + [k], pushing what is wrong onto out. */
export type Validator = (x: unknown, p: Path, k: Key, out: Issue[]) => void;

/** Issues collected per list at most (the caller reports the first 20). */
const MAX_ISSUES = 20;
`;

/**
 * The source of src/entries/compiled/entry-validators.ts: for every kind, a validator of a whole
 * unsigned-or-signed entry credential (the envelope checkEntrySchema uses), plus the kind tables
 * derived from the kind definitions.
 */
export function renderValidators(): string {
  const compiler = new Compiler();
  const entryPoints: Record<string, string> = {};
  for (const kind of ENTRY_KINDS) entryPoints[kind] = compiler.compileKind(kind, entryCredentialSchema(kind) as unknown as Node);
  const tables = ENTRY_KINDS.map((kind) => {
    const def = kindDefinition(kind);
    return `  ${quote(kind)}: { achievementType: ${quote(def.achievementType)}, sensitivity: ${quote(def.sensitivity)}, lifecycle: ${def.lifecycle}, label: ${quote(def.label)} },`;
  });
  return `${HEADER}\n${compiler.source(entryPoints)}\n\n/** What each kind declares (achievement type, sensitivity, lifecycle, label), read from the kind definitions. */\nexport const KIND_TABLE = {\n${tables.join('\n')}\n} as const;\n`;
}

/** Where the file goes. */
export const VALIDATORS_FILE = fileURLToPath(new URL('../src/entries/compiled/entry-validators.ts', import.meta.url));

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(VALIDATORS_FILE, renderValidators());
  console.log(`Wrote ${VALIDATORS_FILE}`);
}
