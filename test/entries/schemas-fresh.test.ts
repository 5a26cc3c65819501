import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSchemaFiles, SCHEMAS_DIR } from '../../scripts/generate-schemas.js';
import { ENTRY_KINDS } from '../../src/entries/index.js';

describe('schemas/*.schema.json', () => {
  const files = renderSchemaFiles();

  it('has one file per kind plus entry.schema.json and passport.schema.json, all checked in', () => {
    expect(Object.keys(files).sort()).toEqual([...ENTRY_KINDS.map((k) => `${k}.schema.json`), 'entry.schema.json', 'passport.schema.json'].sort());
    const onDisk = readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith('.schema.json'));
    expect(onDisk.sort()).toEqual(Object.keys(files).sort());
  });

  it.each(Object.keys(files))('%s is up to date (run `npm run schemas` if this fails)', (name) => {
    expect(readFileSync(new URL(name, `file://${SCHEMAS_DIR}`), 'utf8')).toBe(files[name]);
  });

  it('are draft 2020-12 and keep learningPassport closed', () => {
    for (const kind of ENTRY_KINDS) {
      const schema = JSON.parse(files[`${kind}.schema.json`]!);
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      const lp = schema.properties.credentialSubject.properties.learningPassport;
      expect(lp.additionalProperties).toBe(false);
      expect(lp.properties.kind.const).toBe(kind);
      expect(schema.required).toContain('proof');
    }
  });
});
