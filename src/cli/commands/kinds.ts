// learning-passport kinds [kind]: the entry kinds, and one kind's fields — derived from the
// kinds' own zod schemas, so the help can never drift from what issuing accepts.
import * as z from 'zod';
import { ENTRY_KINDS, isEntryKind, type EntryKind } from '../api.js';
import { KIND_ACHIEVEMENT_TYPE, KIND_SENSITIVITY, LIFECYCLE_KINDS, entryFieldsSchema } from '../api.js';
import { colour, line, printJson, say, UsageError } from '../io.js';
import { didYouMean } from '../suggest.js';
import type { Command } from '../types.js';

type JsonSchema = {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  description?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
};

const SENSITIVITY_WORDS = { N: 'neutral', E: 'education', C: 'custody context: never shown to employers by default', S: 'special category' } as const;

/** The JSON Schema of a kind's fields (zod's own conversion; cross-field rules are not representable). */
function fieldsJsonSchema(kind: EntryKind): JsonSchema {
  return z.toJSONSchema(entryFieldsSchema(kind), { unrepresentable: 'any' }) as JsonSchema;
}

/** One field of a kind, flattened: nested objects give dotted names, as --field accepts them. */
export interface FieldInfo {
  name: string;
  type: string;
  required: boolean;
  allowed?: unknown[];
  format?: string;
}

function typeWords(s: JsonSchema): string {
  if (s.enum) return 'text';
  if (s.anyOf) return s.anyOf.map(typeWords).join(' or ');
  if (s.type === 'string') {
    const range = s.maxLength !== undefined ? ` (${s.minLength ?? 0}–${s.maxLength} characters)` : '';
    return s.pattern ? 'text' : `text${range}`;
  }
  if (s.type === 'integer') return `whole number${s.minimum !== undefined && s.maximum !== undefined ? ` ${s.minimum}–${s.maximum}` : ''}`;
  if (s.type === 'number') return `number${s.minimum !== undefined && s.maximum !== undefined ? ` ${s.minimum}–${s.maximum}` : ''}`;
  if (s.type === 'array') return `list of ${s.items ? typeWords(s.items) : 'values'}${s.maxItems !== undefined ? ` (at most ${s.maxItems})` : ''}`;
  return s.type ?? 'value';
}

/** The fields of a kind, from its schema. */
export function kindFields(kind: EntryKind): FieldInfo[] {
  const out: FieldInfo[] = [];
  const visit = (schema: JsonSchema, prefix: string, parentRequired: boolean) => {
    const required = new Set(schema.required ?? []);
    for (const [name, s] of Object.entries(schema.properties ?? {})) {
      const full = `${prefix}${name}`;
      const isRequired = parentRequired && required.has(name);
      if (s.type === 'object' && s.properties) {
        visit(s, `${full}.`, isRequired);
        continue;
      }
      out.push({
        name: full,
        type: typeWords(s),
        required: isRequired,
        ...(s.enum ? { allowed: s.enum } : s.const !== undefined ? { allowed: [s.const] } : {}),
        ...(s.description ? { format: s.description } : s.pattern ? { format: `matches ${s.pattern}` } : {}),
      });
    }
  };
  visit(fieldsJsonSchema(kind), '', true);
  return out;
}

const DATE_PATTERN_HINT = /YYYY-MM-DD/;

/** A value that fits a field's schema, for the example (dates are in the past, as issuing requires). */
function sample(s: JsonSchema, name: string): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.anyOf) return sample(s.anyOf[0]!, name);
  if (s.type === 'object') {
    const o: Record<string, unknown> = {};
    for (const r of s.required ?? []) o[r] = sample(s.properties![r]!, r);
    return o;
  }
  if (s.type === 'array') return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => sample(s.items ?? {}, name));
  if (s.type === 'integer' || s.type === 'number') return Math.max(s.minimum ?? 1, Math.min(1, s.maximum ?? 1));
  if (s.type === 'boolean') return true;
  if (s.type === 'string') {
    if (s.description && DATE_PATTERN_HINT.test(s.description)) return '2026-03';
    if (s.pattern?.includes('SCQF')) return 'L2';
    if (s.pattern) return undefined;
    return `Example ${name}`;
  }
  return undefined;
}

/** An example fields object for a kind, or undefined when none can be derived that the kind accepts. */
export function kindExample(kind: EntryKind): Record<string, unknown> | undefined {
  const example = sample(fieldsJsonSchema(kind), kind) as Record<string, unknown>;
  return entryFieldsSchema(kind).safeParse(example).success ? example : undefined;
}

/** The example as --field flags (dotted names, `:=` for numbers and lists). */
function asFlags(example: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(example).flatMap(([k, v]) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) return asFlags(v as Record<string, unknown>, `${prefix}${k}.`);
    const quote = (t: string) => (/^[\w.:/-]+$/.test(t) ? t : `'${t.replace(/'/g, `'\\''`)}'`);
    return typeof v === 'string' ? [`--field ${quote(`${prefix}${k}=${v}`)}`] : [`--field ${quote(`${prefix}${k}:=${JSON.stringify(v)}`)}`];
  });
}

export const kindsCommand: Command = {
  name: 'kinds',
  summary: 'list the entry kinds, or one kind’s fields with an example',
  usage: ['kinds                      (every entry kind)', 'kinds <kind>               (its fields, types, allowed values and an example)'],
  examples: ['learning-passport kinds', 'learning-passport kinds qualification'],
  options: {},
  async run({ positionals, json }) {
    const kind = positionals[0];
    if (kind === undefined) {
      const rows = ENTRY_KINDS.map((k) => ({
        kind: k,
        achievementType: KIND_ACHIEVEMENT_TYPE[k],
        sensitivity: KIND_SENSITIVITY[k],
        lifecycle: (LIFECYCLE_KINDS as readonly string[]).includes(k),
      }));
      if (json) printJson(rows);
      else {
        for (const r of rows) say(line`${r.kind.padEnd(22)} ${colour.dim(`${SENSITIVITY_WORDS[r.sensitivity]}${r.lifecycle ? ', about other entries' : ''}`)}`);
        say('\nlearning-passport kinds <kind> shows a kind’s fields.');
      }
      return 0;
    }
    if (!isEntryKind(kind))
      throw new UsageError(
        `"${kind}" is not an entry kind${didYouMean(kind, ENTRY_KINDS)}; run "learning-passport kinds" for the list`,
        'ERR_ENTRY_KIND_UNKNOWN',
      );
    const fields = kindFields(kind);
    const example = kindExample(kind);
    if (json) {
      printJson({ kind, achievementType: KIND_ACHIEVEMENT_TYPE[kind], sensitivity: KIND_SENSITIVITY[kind], fields, ...(example ? { example } : {}) });
      return 0;
    }
    say(line`${colour.bold(kind)} — Open Badges ${KIND_ACHIEVEMENT_TYPE[kind]}, ${SENSITIVITY_WORDS[KIND_SENSITIVITY[kind]]}`);
    say('\nFields:');
    const width = Math.max(...fields.map((f) => f.name.length)) + 2;
    for (const f of fields) {
      const allowed = f.allowed ? `one of: ${f.allowed.join(', ')}` : (f.format ?? '');
      say(line`  ${f.name.padEnd(width)}${(f.required ? 'required' : 'optional').padEnd(10)}${f.type}${allowed ? ` — ${allowed}` : ''}`);
    }
    if (example) {
      say('\nExample (in a --fields file):');
      say(JSON.stringify(example, null, 2).replace(/^/gm, '  '));
      say('\nor as flags:');
      say(`  learning-passport issue ${kind} --key issuer.key.json ${asFlags(example).join(' ')} -o entry.json`);
    }
    return 0;
  },
};
