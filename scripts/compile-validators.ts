// Compiles the zod entry schemas (src/entries/kinds) into plain JavaScript validators for the
// verify path: src/entries/compiled/entry-validators.ts. The zod definitions stay the single
// source of truth; this script reads them and writes a composition of the checkers of
// src/entries/compiled/runtime.ts that accepts exactly what zod accepts, without loading zod at
// verification time (zod costs ~60 ms of cold import, ~100 KB of bundle and ~30 µs per entry).
// The issues it reports name the same properties in plain words.
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
const regex = (re: RegExp): string => `/${re.source}/${re.flags.replace('g', '')}`;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const property = (name: string): string => (IDENTIFIER.test(name) ? name : quote(name));
/** The message argument of a factory: only a schema's own message; the runtime holds the defaults. */
const message = (check: CheckDef): string[] => {
  const own = customMessage(check);
  return own === undefined ? [] : [quote(own)];
};
const call = (factory: string, args: string[]): string => `${factory}(${args.join(', ')})`;

/**
 * Turns each schema node into one call of the factories of src/entries/compiled/runtime.ts
 * (`text(minLength(1), maxLength(200))`, `object({ id: v6, name: v12 }, { strict: true })`),
 * bound to a constant `vN`. Children come first and equal calls share one constant, so the
 * generated file is only this composition, each distinct node once.
 *
 * Holes stand for the parts of a tree given as parameters (the envelope's achievement type and
 * learningPassport object): a node that contains a hole is not bound to a constant but written
 * out where it is used, so the envelope every kind shares is written once, as a function of them.
 */
class Compiler {
  private readonly names = new Map<Node, string>();
  private readonly lines: string[] = [];
  private readonly expressions = new Map<string, string>();
  readonly used = new Set<string>();
  private holes = new Map<Node, string>();
  private holesUsed = 0;
  kind: string | undefined;

  private use(factory: string, args: string[]): string {
    this.used.add(factory);
    return call(factory, args);
  }

  /** A line of the output (a blank line or a comment between the constants). */
  note(line: string): void {
    this.lines.push(line);
  }

  /** How the output refers to a node: its constant, a parameter, or (holding one) its expression. */
  ref(node: Node): string {
    const hole = this.holes.get(node);
    if (hole !== undefined) {
      this.holesUsed++;
      return hole;
    }
    const known = this.names.get(node);
    if (known) return known;
    const mark = this.holesUsed;
    const expression = this.expression(node);
    if (this.holesUsed > mark) return expression;
    let name = this.expressions.get(expression);
    if (!name) {
      name = `v${this.expressions.size}`;
      this.expressions.set(expression, name);
      this.lines.push(`const ${name} = ${expression};`);
    }
    this.names.set(node, name);
    return name;
  }

  /** The expression of a tree with some of its nodes standing for parameters. */
  template(node: Node, holes: Map<Node, string>): string {
    this.holes = holes;
    try {
      return this.expression(node);
    } finally {
      this.holes = new Map();
    }
  }

  private expression(node: Node): string {
    const def = defOf(node);
    const checks = (def.checks ?? []).map((c) => c._zod.def);
    switch (def.type) {
      case 'string': {
        const args: string[] = [];
        if (def.format === 'url') {
          const protocol = def.protocol instanceof RegExp ? regex(def.protocol) : undefined;
          const hostname = def.hostname instanceof RegExp ? regex(def.hostname) : undefined;
          args.push(this.use('webAddress', hostname ? [protocol ?? 'undefined', hostname] : protocol ? [protocol] : []));
        } else if (def.format !== undefined && def.format !== null) {
          throw new Error(`compile-validators: unsupported string format "${String(def.format)}"`);
        }
        for (const c of checks) {
          if (c.check === 'min_length') args.push(this.use('minLength', [String(c.minimum), ...message(c)]));
          else if (c.check === 'max_length') args.push(this.use('maxLength', [String(c.maximum), ...message(c)]));
          else if (c.check === 'string_format' && c.format === 'regex') args.push(this.use('matches', [regex(c.pattern as RegExp), ...message(c)]));
          // PartialDate's calendar check (no 2026-02-30): the runtime calls the same function.
          else if (c.check === 'custom' && c.fn === isRealPartialDate) args.push(this.use('realDate', message(c)));
          else throw new Error(`compile-validators: unsupported string check "${c.check}"`);
        }
        return this.use('text', args);
      }
      case 'number': {
        const args: string[] = [];
        for (const c of checks) {
          if (c.check === 'number_format' && c.format === 'safeint') args.push(this.use('wholeNumber', message(c)));
          else if (c.check === 'greater_than') args.push(this.use(c.inclusive ? 'atLeast' : 'moreThan', [String(c.value), ...message(c)]));
          else if (c.check === 'less_than') args.push(this.use(c.inclusive ? 'atMost' : 'lessThan', [String(c.value), ...message(c)]));
          else throw new Error(`compile-validators: unsupported number check "${c.check}"`);
        }
        return this.use('number', args);
      }
      case 'boolean':
        return this.use('boolean', []);
      case 'unknown':
        return this.use('anything', []);
      case 'literal': {
        const values = def.values as unknown[];
        if (values.some((v) => v !== null && !['string', 'number', 'boolean'].includes(typeof v)))
          throw new Error('compile-validators: only string, number, boolean and null literals are supported');
        return this.use('literal', values.map(quote));
      }
      case 'enum':
        return this.use('oneOf', [quote(Object.values(def.entries as Record<string, unknown>))]);
      case 'optional':
        return this.use('optional', [this.ref(def.innerType as Node)]);
      case 'object': {
        const shape = def.shape as Record<string, Node>;
        const fields = Object.entries(shape).map(([prop, child]) => {
          const ref = this.ref(child);
          return ref === prop ? prop : `${property(prop)}: ${ref}`;
        });
        const options: string[] = [];
        const catchall = def.catchall === undefined ? undefined : defOf(def.catchall as Node).type;
        if (catchall === 'never') options.push('strict: true');
        else if (catchall !== undefined && catchall !== 'unknown') throw new Error(`compile-validators: unsupported object catchall "${catchall}"`);
        for (const c of checks) {
          const rule = this.kind === undefined ? undefined : KIND_RULES[this.kind];
          if (c.check !== 'custom' || !rule) throw new Error(`compile-validators: unsupported object check "${c.check}"`);
          if ((kindDefinition(this.kind as never) as { rule?: unknown }).rule !== rule)
            throw new Error(`compile-validators: ${this.kind}'s rule is not KIND_RULES["${this.kind}"]`);
          this.used.add('KIND_RULES');
          options.push(`rule: KIND_RULES[${quote(this.kind)}]`);
        }
        return this.use('object', [`{ ${fields.join(', ')} }`, ...(options.length ? [`{ ${options.join(', ')} }`] : [])]);
      }
      case 'array': {
        const args = [this.ref(def.element as Node)];
        for (const c of checks) {
          if (c.check === 'min_length') args.push(this.use('minItems', [String(c.minimum), ...message(c)]));
          else if (c.check === 'max_length') args.push(this.use('maxItems', [String(c.maximum), ...message(c)]));
          else throw new Error(`compile-validators: unsupported array check "${c.check}"`);
        }
        return this.use('list', args);
      }
      case 'tuple': {
        const items = (def.items as Node[]).map((item) => this.ref(item));
        const rest = def.rest as Node | null;
        return this.use('tuple', [`[${items.join(', ')}]`, ...(rest ? [this.ref(rest)] : [])]);
      }
      case 'record': {
        if (defOf(def.keyType as Node).type !== 'string' || defOf(def.valueType as Node).type !== 'unknown') {
          throw new Error('compile-validators: only record(string, unknown) is supported');
        }
        return this.use('record', []);
      }
      case 'union':
        return this.use(
          'union',
          (def.options as Node[]).map((o) => this.ref(o)),
        );
      default:
        throw new Error(`compile-validators: unsupported zod type "${def.type}"`);
    }
  }

  source(): string {
    return this.lines.join('\n');
  }
}

const shapeOf = (node: Node): Record<string, Node> => defOf(node).shape as Record<string, Node>;

/** The parts of a kind's entry schema that differ between kinds: the envelope's parameters. */
function envelopeHoles(schema: Node): [achievementType: Node, learningPassport: Node] {
  const subject = shapeOf(schema).credentialSubject!;
  return [shapeOf(shapeOf(subject).achievement!).achievementType!, shapeOf(subject).learningPassport!];
}

/**
 * The source of src/entries/compiled/entry-validators.ts: for every kind, a validator of a whole
 * unsigned-or-signed entry credential (the envelope checkEntrySchema uses), plus the kind tables
 * derived from the kind definitions.
 */
export function renderValidators(): string {
  const compiler = new Compiler();
  const schemas = ENTRY_KINDS.map((kind) => [kind, entryCredentialSchema(kind) as unknown as Node] as const);
  // The envelope, from the first kind with its two kind-specific parts as parameters; a kind
  // whose envelope came out different would get a validator of its own below.
  compiler.note('');
  compiler.note('// The envelope all kinds share (see `entry` below).');
  const templates = new Map<string, string>();
  for (const [kind, schema] of schemas) {
    const [achievementType, learningPassport] = envelopeHoles(schema);
    compiler.kind = kind;
    templates.set(
      kind,
      compiler.template(
        schema,
        new Map([
          [achievementType, 'achievementType'],
          [learningPassport, 'learningPassport'],
        ]),
      ),
    );
  }
  const envelope = templates.get(ENTRY_KINDS[0])!;
  const entryPoints: Record<string, string> = {};
  for (const [kind, schema] of schemas) {
    compiler.kind = kind;
    compiler.note('');
    compiler.note(`// ${kind}`);
    if (templates.get(kind) === envelope) {
      const [achievementType, learningPassport] = envelopeHoles(schema).map((node) => compiler.ref(node));
      entryPoints[kind] = `entry(${achievementType}, ${learningPassport})`;
    } else {
      entryPoints[kind] = `validator(${compiler.ref(schema)})`;
    }
  }
  compiler.kind = undefined;
  compiler.used.add('validator');
  const factories = [...compiler.used].filter((name) => name !== 'KIND_RULES').sort();
  const tables = ENTRY_KINDS.map((kind) => {
    const def = kindDefinition(kind);
    return `  ${quote(kind)}: { achievementType: ${quote(def.achievementType)}, sensitivity: ${quote(def.sensitivity)}, lifecycle: ${def.lifecycle}, label: ${quote(def.label)} },`;
  });
  return `// Generated by scripts/compile-validators.ts from the zod schemas in src/entries/kinds.
// Do not edit by hand: run \`npm run validators\`. A test fails when this file is stale, and checks
// that these validators and zod accept and refuse the same entries. The checking code is in
// runtime.ts; this file only composes it, one constant per distinct schema node.
${compiler.used.has('KIND_RULES') ? "import { KIND_RULES } from '../kinds/rules.js';\n" : ''}import {
${factories.map((name) => `  ${name},`).join('\n')}
  type Validator,
} from './runtime.js';

export type { Issue, Validator } from './runtime.js';
${compiler.source()}

/** An entry credential of one kind: the envelope around the kind's achievement type and learningPassport object. */
const entry = (achievementType: Validator, learningPassport: Validator): Validator => validator(${envelope});

/** The validator of a whole entry credential, by kind. */
export const ENTRY_VALIDATORS: Readonly<Record<string, Validator>> = {
${Object.entries(entryPoints)
  .map(([kind, code]) => `  ${quote(kind)}: ${code},`)
  .join('\n')}
};

/** What each kind declares (achievement type, sensitivity, lifecycle, label), read from the kind definitions. */
export const KIND_TABLE = {
${tables.join('\n')}
} as const;
`;
}

/** Where the file goes. */
export const VALIDATORS_FILE = fileURLToPath(new URL('../src/entries/compiled/entry-validators.ts', import.meta.url));

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(VALIDATORS_FILE, renderValidators());
  console.log(`Wrote ${VALIDATORS_FILE}`);
}
