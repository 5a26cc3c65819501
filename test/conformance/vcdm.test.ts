// W3C VC Data Model 2.0 (Recommendation, 15 May 2025): one valid and one invalid document for
// every MUST this library checks, in table form. Each row's name quotes the sentence of the
// specification it comes from; the invalid document breaks exactly that sentence.
//
// For every credential row: vcdmViolations names the rule; signCredential refuses the invalid
// document and signs the valid one; verifyCredential accepts the signed valid one and rejects the
// invalid one (signed through the escape hatch) at the `shape` check, before the signature.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, isPassportError, signCredential, VC_V2_CONTEXT, verifyCredential, verifyPresentation, type SigningKeyPair } from '../../src/index.js';
import { VCDM_RULES, vcdmViolations, type VcdmRule } from '../../src/verify.js';
import { MAX_VIOLATIONS } from '../../src/proof/vcdm-conformance.js';

type Doc = Record<string, any>;
const NOW = new Date('2026-06-01T00:00:00Z');
const OB = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const SRI = 'sha384-Ml/HrjlBCNWyAX91hr6LFV2Y3heB5Tcr6IeE4/Tje8YyzYBM8IhqjHWiWpr8+ZbYU';

let issuer: SigningKeyPair;
beforeAll(async () => {
  issuer = await generateKeyPair();
});

/** A minimal conforming credential, issued by `issuer` (so a signed copy verifies end to end). */
function credential(change: (c: Doc) => void = () => {}): Doc {
  const c: Doc = {
    '@context': [VC_V2_CONTEXT],
    id: 'urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33',
    type: ['VerifiableCredential', 'ExampleAlumniCredential'],
    issuer: issuer.did,
    validFrom: '2026-01-01T00:00:00Z',
    credentialSubject: { id: 'did:example:ebfeb1f712ebc6f1c276e12ec21', alumniOf: 'The School of Examples' },
  };
  change(c);
  return c;
}

/** [MUST sentence (§), valid change, invalid change, the rule the invalid document breaks] */
type Row = [string, (c: Doc) => void, (c: Doc) => void, VcdmRule];

const CREDENTIAL_ROWS: Row[] = [
  ['§4.3 "Verifiable credentials and verifiable presentations MUST include a @context property."', () => {}, (c) => delete c['@context'], 'context-required'],
  [
    '§4.3 "The value of the @context property MUST be an ordered set where the first item is a URL with the value https://www.w3.org/ns/credentials/v2." (wrong first item)',
    (c) => (c['@context'] = [VC_V2_CONTEXT, OB]),
    (c) => (c['@context'] = [OB, VC_V2_CONTEXT]),
    'context-first',
  ],
  [
    '§4.3 "…MUST be an ordered set where the first item is…" (a single string is not an ordered set here)',
    () => {},
    (c) => (c['@context'] = VC_V2_CONTEXT),
    'context-first',
  ],
  [
    '§4.3 "Subsequent items in the ordered set MUST be composed of any combination of URLs and objects" (a number)',
    (c) => (c['@context'] = [VC_V2_CONTEXT, OB]),
    (c) => (c['@context'] = [VC_V2_CONTEXT, 42]),
    'context-item',
  ],
  [
    '§4.3 "Subsequent items … MUST be composed of any combination of URLs and objects" (null, a relative string, an empty object)',
    (c) => (c['@context'] = [VC_V2_CONTEXT, 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json']),
    (c) => (c['@context'] = [VC_V2_CONTEXT, null, 'context.json', {}]),
    'context-item',
  ],
  [
    '§4.4 "If present, id property\'s value MUST be a single URL" (null)',
    (c) => (c.id = 'https://university.example/credentials/3732'),
    (c) => (c.id = null),
    'id-url',
  ],
  [
    '§4.4 "If present, id property\'s value MUST be a single URL" (a list)',
    (c) => (c.id = 'did:example:123'),
    (c) => (c.id = ['urn:uuid:1', 'urn:uuid:2']),
    'id-url',
  ],
  ['§4.4 "If present, id property\'s value MUST be a single URL" (not a URL)', (c) => delete c.id, (c) => (c.id = 'credential 3732'), 'id-url'],
  [
    '§4.4 (via §4.8) the subject "MAY also contain an id property to identify the subject, as described in Section Identifiers"',
    (c) => (c.credentialSubject.id = 'urn:uuid:0c07c1ce-57cb-41af-bef2-1b932b986873'),
    (c) => (c.credentialSubject.id = 42),
    'id-url',
  ],
  [
    '§4.5 "Verifiable credentials and verifiable presentations MUST contain a type property with an associated value."',
    (c) => (c.type = 'VerifiableCredential'),
    (c) => delete c.type,
    'type-required',
  ],
  [
    '§4.5 "The value of the type property MUST be one or more terms and absolute URL strings." (an empty list)',
    (c) => (c.type = ['VerifiableCredential', 'https://vocab.example/myvocab#SomeNewType']),
    (c) => (c.type = []),
    'type-value',
  ],
  [
    '§4.5 "The value of the type property MUST be one or more terms and absolute URL strings." (a number, a string with spaces)',
    () => {},
    (c) => (c.type = ['VerifiableCredential', 42, 'Not a term']),
    'type-value',
  ],
  [
    '§4.5 "…MUST be one or more terms and absolute URL strings." (a relative IRI is neither; review r13 F9)',
    (c) => (c.type = ['VerifiableCredential', 'ExampleDegree']),
    (c) => (c.type = ['VerifiableCredential', './Foo']),
    'type-value',
  ],
  [
    '§4.3 "The value of the @context property MUST be an ordered set" (a URL twice is not a set; review r13 F9)',
    (c) => (c['@context'] = [VC_V2_CONTEXT, OB]),
    (c) => (c['@context'] = [VC_V2_CONTEXT, VC_V2_CONTEXT]),
    'context-item',
  ],
  [
    '§11.1 "If present, the value of @language MUST be a well-formed language tag as defined by BCP47" (review r13 F9)',
    (c) => (c.name = { '@value': 'Diplôme', '@language': 'fr-CA' }),
    (c) => (c.name = { '@value': 'x', '@language': 'not a tag!' }),
    'language-value-object',
  ],
  [
    '§4.5 table: a verifiable credential object MUST have the type "VerifiableCredential and, optionally, a more specific verifiable credential type"',
    () => {},
    (c) => (c.type = ['ExampleAlumniCredential']),
    'type-credential',
  ],
  [
    '§4.6 "If present, the value of the name property MUST be a string or a language value object"',
    (c) =>
      (c.name = [
        { '@value': 'Example University Degree', '@language': 'en' },
        { '@value': 'مثال', '@language': 'ar', '@direction': 'rtl' },
      ]),
    (c) => (c.name = 42),
    'name-value',
  ],
  [
    '§4.6 "If present, the value of the description property MUST be a string or a language value object"',
    (c) => (c.description = { '@value': '2015 Bachelor of Science and Arts Degree', '@language': 'en' }),
    (c) => (c.description = ['2015 Bachelor of Science and Arts Degree']),
    'description-value',
  ],
  [
    '§11.1 "The language value object MUST NOT include any other keys beyond @value, @language, and @direction." (name)',
    (c) => (c.name = { '@value': 'Degree', '@language': 'en', '@direction': 'ltr' }),
    (c) => (c.name = { '@value': 'Degree', '@language': 'en', note: 'extra' }),
    'language-value-object',
  ],
  [
    '§11.1 "The language value object MUST NOT include any other keys…" (description)',
    (c) => (c.description = 'A plain string'),
    (c) => (c.description = { '@value': 'Degree', '@type': 'xsd:string' }),
    'language-value-object',
  ],
  [
    '§11.1 "the object MUST contain a @value property whose value is a string"',
    (c) => (c.name = { '@value': 'Degree' }),
    (c) => (c.name = { '@language': 'en' }),
    'language-value-object',
  ],
  ['§4.7 "A verifiable credential MUST have an issuer property."', () => {}, (c) => delete c.issuer, 'issuer-required'],
  [
    '§4.7 "The value of the issuer property MUST be either a URL or an object containing an id property whose value is a URL" (object without id)',
    (c) => (c.issuer = { id: c.issuer, name: 'Example University' }),
    (c) => (c.issuer = { name: 'Example University' }),
    'issuer-url',
  ],
  ['§4.7 "The value of the issuer property MUST be either a URL or an object…" (not a URL)', () => {}, (c) => (c.issuer = 'Example University'), 'issuer-url'],
  ['§4.8 "A verifiable credential MUST contain a credentialSubject property."', () => {}, (c) => delete c.credentialSubject, 'subject-required'],
  [
    '§4.8 "each object MUST be the subject of one or more claims" (an empty object)',
    (c) => (c.credentialSubject = { alumniOf: 'The School of Examples' }),
    (c) => (c.credentialSubject = {}),
    'subject-claims',
  ],
  [
    '§4.8 "each object MUST be the subject of one or more claims" (a list with {})',
    (c) => (c.credentialSubject = [c.credentialSubject, { id: 'https://subject.example/subject/8675', name: 'Morgan Doe' }]),
    (c) => (c.credentialSubject = [c.credentialSubject, {}]),
    'subject-claims',
  ],
  [
    '§4.8 "The value of the credentialSubject property is a set of objects" (an empty list, a string)',
    () => {},
    (c) => (c.credentialSubject = []),
    'subject-claims',
  ],
  [
    '§4.8 "The value of the credentialSubject property is a set of objects" (a string, which VC 2.0 no longer allows)',
    () => {},
    (c) => (c.credentialSubject = 'did:example:ebfeb1f712ebc6f1c276e12ec21'),
    'subject-claims',
  ],
  [
    '§4.9 "If present, the value of the validFrom property MUST be a [XMLSCHEMA11-2] dateTimeStamp string value"',
    (c) => (c.validFrom = '2026-01-01T00:00:00.5+01:00'),
    (c) => (c.validFrom = '2026-01-01T00:00:00'),
    'valid-from-datetime',
  ],
  [
    '§4.9 "If present, the value of the validUntil property MUST be a [XMLSCHEMA11-2] dateTimeStamp string value"',
    (c) => (c.validUntil = '2030-01-01T00:00:00Z'),
    (c) => (c.validUntil = 1893456000),
    'valid-until-datetime',
  ],
  [
    '§4.9 "the validFrom value MUST express a point in time that is temporally the same or earlier than the point in time expressed by the validUntil value"',
    // The same instant written with two offsets (and the verifier's "now"): temporally equal.
    (c) => ((c.validFrom = '2026-06-01T01:00:00+01:00'), (c.validUntil = '2026-06-01T00:00:00Z')),
    (c) => (c.validUntil = '2025-12-31T23:59:59Z'),
    'validity-order',
  ],
  [
    '§4.10 "If present, the value associated with the credentialStatus property is a single object or a set of one or more objects."',
    (c) => (c.credentialStatus = [{ id: 'https://status.example/3#94567', type: 'BitstringStatusListEntry' }]),
    (c) => (c.credentialStatus = 'https://status.example/3#94567'),
    'status-value',
  ],
  [
    '§4.10 credentialStatus: "The type property is REQUIRED."',
    (c) => (c.credentialStatus = { type: 'BitstringStatusListEntry' }),
    (c) => (c.credentialStatus = { id: 'https://status.example/3#94567' }),
    'type-required',
  ],
  [
    '§4.10 credentialStatus id: "If present, the normative guidance in Section Identifiers MUST be followed."',
    (c) => (c.credentialStatus = { id: 'https://status.example/3#94567', type: 'BitstringStatusListEntry' }),
    (c) => (c.credentialStatus = { id: '94567', type: 'BitstringStatusListEntry' }),
    'id-url',
  ],
  [
    '§4.11 "The value of the credentialSchema property MUST be one or more data schemas"',
    (c) => (c.credentialSchema = [{ id: 'https://example.org/examples/degree.json', type: 'JsonSchema' }]),
    (c) => (c.credentialSchema = []),
    'schema-value',
  ],
  [
    '§4.11 "Each credentialSchema MUST specify its type (for example, JsonSchema)"',
    (c) => (c.credentialSchema = { id: 'https://example.org/examples/degree.json', type: 'JsonSchema' }),
    (c) => (c.credentialSchema = { id: 'https://example.org/examples/degree.json' }),
    'type-required',
  ],
  [
    '§4.11 "…and an id property that MUST be a URL identifying the schema file" (missing)',
    (c) => (c.credentialSchema = { id: 'https://example.org/examples/degree.json', type: 'JsonSchema' }),
    (c) => (c.credentialSchema = { type: 'JsonSchema' }),
    'schema-id',
  ],
  [
    '§4.11 "…an id property that MUST be a URL identifying the schema file" (not a URL)',
    () => {},
    (c) => (c.credentialSchema = { id: 'degree.json', type: 'JsonSchema' }),
    'schema-id',
  ],
  [
    '§5.3 "The value of the relatedResource property MUST be one or more objects"',
    (c) => (c.relatedResource = [{ id: VC_V2_CONTEXT, digestSRI: SRI }]),
    (c) => (c.relatedResource = [VC_V2_CONTEXT]),
    'related-resource-value',
  ],
  [
    '§5.3 relatedResource id: "The identifier for the resource is REQUIRED"',
    (c) => (c.relatedResource = { id: VC_V2_CONTEXT, digestMultibase: 'uEiBZlVztZpfWHgPyslVv6-UwirFoQoRvW1htfx963sknNA' }),
    (c) => (c.relatedResource = { digestSRI: SRI }),
    'related-resource-id',
  ],
  [
    '§5.3 relatedResource id: "The value MUST be unique among the list of related resource objects."',
    (c) =>
      (c.relatedResource = [
        { id: VC_V2_CONTEXT, digestSRI: SRI },
        { id: OB, digestSRI: SRI },
      ]),
    (c) =>
      (c.relatedResource = [
        { id: VC_V2_CONTEXT, digestSRI: SRI },
        { id: VC_V2_CONTEXT, digestSRI: SRI },
      ]),
    'related-resource-unique',
  ],
  [
    '§5.3 "Each object associated with relatedResource MUST contain at least a digestSRI or a digestMultibase value."',
    (c) => (c.relatedResource = [{ id: VC_V2_CONTEXT, digestSRI: SRI, mediaType: 'application/ld+json' }]),
    (c) => (c.relatedResource = [{ id: VC_V2_CONTEXT, mediaType: 'application/ld+json' }]),
    'related-resource-digest',
  ],
  [
    '§5.3 digestSRI: "One or more cryptographic digests, as defined by the hash-expression ABNF grammar" of SRI',
    (c) => (c.relatedResource = [{ id: VC_V2_CONTEXT, digestSRI: `${SRI} sha256-WZVc7WaX1h4D8rJVb+vlMIqxaEKEb1tYbX8fet7JJzQ=` }]),
    (c) => (c.relatedResource = [{ id: VC_V2_CONTEXT, digestSRI: 'md5:abc' }]),
    'related-resource-digest',
  ],
  [
    '§5.3 digestMultibase: "One or more cryptographic digests, as defined by the digestMultibase property in the Verifiable Credential Data Integrity 1.0 specification" (a multibase string; review r13 F9)',
    (c) => (c.relatedResource = [{ id: VC_V2_CONTEXT, digestMultibase: 'uEiBZlVztZpfWHgPy6yVW_r6VMIqxaEKEb1tYbX8fet7JJzQ' }]),
    (c) => (c.relatedResource = [{ id: VC_V2_CONTEXT, digestMultibase: 'not-multibase!' }]),
    'related-resource-digest',
  ],
  [
    '§5.4 "Each refreshService value MUST specify its type."',
    (c) => (c.refreshService = { type: 'VerifiableCredentialRefreshService2021', url: 'https://registration.provider.example/flows/reissue' }),
    (c) => (c.refreshService = { url: 'https://registration.provider.example/flows/reissue' }),
    'type-required',
  ],
  [
    '§5.4 "The value of the refreshService property MUST be one or more refresh services"',
    () => {},
    (c) => (c.refreshService = 'https://registration.provider.example/flows/reissue'),
    'refresh-service-value',
  ],
  [
    '§5.5 "Each termsOfUse value MUST specify its type, for example, TrustFrameworkPolicy"',
    (c) => (c.termsOfUse = [{ type: 'TrustFrameworkPolicy', trustFramework: 'Employment&Life' }]),
    (c) => (c.termsOfUse = [{ trustFramework: 'Employment&Life' }]),
    'type-required',
  ],
  ['§5.5 "The value of the termsOfUse property MUST specify one or more terms of use policies"', () => {}, (c) => (c.termsOfUse = [42]), 'terms-of-use-value'],
  [
    '§5.6 "If present, the value of the evidence property MUST be either a single object or a set of one or more objects."',
    (c) => (c.evidence = [{ id: 'https://videos.example/training/alice-espresso.mp4', type: ['Evidence'] }]),
    (c) => (c.evidence = 'https://videos.example/training/alice-espresso.mp4'),
    'evidence-value',
  ],
  [
    '§5.6 evidence: "The type property is REQUIRED."',
    (c) => (c.evidence = { type: 'Evidence', name: 'Talk-aloud video' }),
    (c) => (c.evidence = { name: 'Talk-aloud video' }),
    'type-required',
  ],
];

function signedPresentation(holder: SigningKeyPair, change: (vp: Doc) => void): Promise<Doc> {
  const vp: Doc = { '@context': [VC_V2_CONTEXT], type: ['VerifiablePresentation'], holder: holder.did };
  change(vp);
  return signCredential(vp, holder, { proofPurpose: 'authentication', challenge: 'c-1', domain: 'jobs.example', unsafeSkipConformance: true });
}

const PRESENTATION_ROWS: Row[] = [
  [
    '§4.13 type: "One value of this property MUST be VerifiablePresentation"',
    (vp) => (vp.type = ['VerifiablePresentation', 'ExamplePresentation']),
    (vp) => (vp.type = ['ExamplePresentation']),
    'type-presentation',
  ],
  [
    '§4.13 id: "If present, the normative guidance in Section Identifiers MUST be followed."',
    (vp) => (vp.id = 'urn:uuid:3978344f-8596-4c3a-a978-8fcaba3903c5'),
    (vp) => (vp.id = null),
    'id-url',
  ],
  [
    '§4.13 verifiableCredential: "the values MUST NOT be non-object values such as numbers, strings, or URLs"',
    (vp) => (vp.verifiableCredential = [{ '@context': VC_V2_CONTEXT, id: 'data:application/vc+jwt,eyJ', type: 'EnvelopedVerifiableCredential' }]),
    (vp) => (vp.verifiableCredential = ['https://university.example/credentials/3732']),
    'verifiable-credential-value',
  ],
  [
    '§4.13 verifiableCredential: "The value MUST be one or more verifiable credential and/or enveloped verifiable credential objects" (an empty list)',
    (vp) => delete vp.verifiableCredential,
    (vp) => (vp.verifiableCredential = []),
    'verifiable-credential-value',
  ],
  [
    '§4.13 holder: "If present, the value MUST be either a URL or an object containing an id property."',
    (vp) => delete vp.holder,
    (vp) => (vp.holder = { name: 'Pat' }),
    'holder-url',
  ],
  [
    '§4.13 EnvelopedVerifiableCredential: "The id value of the object MUST be a data: URL"',
    (vp) => (vp.verifiableCredential = [{ '@context': VC_V2_CONTEXT, id: 'data:application/vc+jwt,eyJ', type: 'EnvelopedVerifiableCredential' }]),
    (vp) => (vp.verifiableCredential = [{ '@context': VC_V2_CONTEXT, id: 'https://example.org/vc.jwt', type: 'EnvelopedVerifiableCredential' }]),
    'enveloped-credential',
  ],
  [
    '§4.13 EnvelopedVerifiableCredential: "The @context property of the object MUST be present"',
    () => {},
    (vp) => (vp.verifiableCredential = [{ id: 'data:application/vc+jwt,eyJ', type: 'EnvelopedVerifiableCredential' }]),
    'enveloped-credential',
  ],
  [
    '§4.3 for presentations: "Verifiable credentials and verifiable presentations MUST include a @context property."',
    () => {},
    (vp) => delete vp['@context'],
    'context-required',
  ],
  ['§4.5 for presentations: "…MUST contain a type property with an associated value."', () => {}, (vp) => delete vp.type, 'type-required'],
  [
    '§5.5 for presentations: "Each termsOfUse value MUST specify its type"',
    (vp) => (vp.termsOfUse = { type: 'HolderPolicy' }),
    (vp) => (vp.termsOfUse = { id: 'https://policy.example/1' }),
    'type-required',
  ],
];

describe('VC Data Model 2.0: one valid and one invalid credential per MUST', () => {
  it('every rule is exercised by a row', () => {
    const covered = new Set([...CREDENTIAL_ROWS, ...PRESENTATION_ROWS].map((r) => r[3]));
    expect(VCDM_RULES.filter((r) => !covered.has(r))).toEqual([]);
  });

  describe.each(CREDENTIAL_ROWS)('%s', (_must, makeValid, makeInvalid, rule) => {
    it('valid: no violation; signs; the signed credential verifies', async () => {
      const valid = credential(makeValid);
      expect(vcdmViolations(valid)).toEqual([]);
      const signed = await signCredential(valid, issuer, { created: '2026-05-01T00:00:00Z' });
      const result = await verifyCredential(signed, { now: NOW });
      if (signed.credentialStatus === undefined) {
        expect(result.errors).toEqual([]);
        expect(result.verified).toBe(true);
      } else {
        // The data model holds; the status these examples name has no list to check, and a
        // status that cannot be checked is "unknown", never a pass (with or without a policy).
        expect(result.checks.filter((c) => c.check !== 'status' && c.status !== 'pass' && c.status !== 'skipped')).toEqual([]);
        expect(result.checks.find((c) => c.check === 'status')?.status).toBe('unknown');
      }
    });

    it(`invalid: rule ${rule}, refused by signCredential, rejected at the shape check by verifyCredential`, async () => {
      const invalid = credential(makeInvalid);
      const violations = vcdmViolations(invalid);
      expect(violations.map((v) => v.rule)).toContain(rule);
      const violation = violations.find((v) => v.rule === rule)!;
      // The message names the property (its first key).
      const property = String(violation.path[0] ?? '');
      if (property) expect(violation.message).toContain(property);

      const refused = await signCredential(invalid, issuer).then(
        () => undefined,
        (err: unknown) => err,
      );
      expect(isPassportError(refused, 'ERR_SCHEMA_INVALID'), String(refused)).toBe(true);
      expect((refused as { details: { issues: { rule: string }[] } }).details.issues.map((i) => i.rule)).toContain(rule);

      const signed = await signCredential(invalid, issuer, { unsafeSkipConformance: true });
      const result = await verifyCredential(signed, { now: NOW });
      expect(result.verified).toBe(false);
      // Rejected before any signature work: shape is the only check.
      expect(result.checks).toEqual([{ check: 'shape', status: 'fail', code: 'ERR_SCHEMA_INVALID', message: expect.stringContaining(property) }]);
      expect(result.violations?.map((v) => v.rule)).toContain(rule);
    });
  });
});

describe('VC Data Model 2.0 §4.13: one valid and one invalid presentation per MUST', () => {
  describe.each(PRESENTATION_ROWS)('%s', (_must, makeValid, makeInvalid, rule) => {
    it('valid: no violation; verifyPresentation passes its shape', async () => {
      const holder = await generateKeyPair();
      const vp = await signedPresentation(holder, makeValid);
      const { proof: _p, ...unsigned } = vp;
      expect(vcdmViolations(unsigned, 'presentation')).toEqual([]);
      const result = await verifyPresentation(vp, { challenge: 'c-1', domain: 'jobs.example', now: NOW });
      expect(result.checks.find((c) => c.check === 'shape')).toMatchObject({ status: 'pass' });
      expect(result.checks.find((c) => c.check === 'signature')).toMatchObject({ status: 'pass' });
    });

    it(`invalid: rule ${rule}, refused by signCredential, rejected at the shape check by verifyPresentation`, async () => {
      const holder = await generateKeyPair();
      const vp = await signedPresentation(holder, makeInvalid);
      const { proof: _p, ...unsigned } = vp;
      expect(vcdmViolations(unsigned, 'presentation').map((v) => v.rule)).toContain(rule);
      const result = await verifyPresentation(vp, { challenge: 'c-1', domain: 'jobs.example', now: NOW });
      expect(result.verified).toBe(false);
      expect(result.checks).toEqual([{ check: 'shape', status: 'fail', code: 'ERR_SCHEMA_INVALID', message: expect.any(String) }]);
      if (unsigned.type !== undefined && JSON.stringify(unsigned.type).includes('VerifiablePresentation')) {
        await expect(signCredential(unsigned, holder, { proofPurpose: 'authentication' })).rejects.toMatchObject({ code: 'ERR_SCHEMA_INVALID' });
      }
    });
  });
});

describe('conformance checks are bounded', () => {
  it('never throw, and return at most MAX_VIOLATIONS, on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 'credential' as const, 'presentation' as const), (value, kind) => {
        const out = vcdmViolations(value, kind);
        expect(out.length).toBeLessThanOrEqual(MAX_VIOLATIONS);
        for (const v of out) expect(VCDM_RULES).toContain(v.rule);
      }),
      { numRuns: 500 },
    );
  });

  it('a credential breaking thousands of rules reports the first MAX_VIOLATIONS', () => {
    const c = credential((d) => {
      d.credentialSubject = new Array(10_000).fill({});
      d.evidence = new Array(10_000).fill({ name: 'no type' });
    });
    const out = vcdmViolations(c);
    expect(out).toHaveLength(MAX_VIOLATIONS);
  });

  it('200 KB strings in ids, types and digests: results, not hangs', () => {
    const big = 'a'.repeat(200_000);
    const c = credential((d) => {
      d.id = `urn:${big} x`;
      d.type = ['VerifiableCredential', `${big}:`];
      d.relatedResource = [
        { id: `https://e.example/${big}`, digestSRI: `sha384-${big}!` },
        { id: `https://e.example/${big}`, digestMultibase: 'z1' },
      ];
    });
    const rules = vcdmViolations(c).map((v) => v.rule);
    expect(rules.sort()).toEqual(['id-url', 'related-resource-digest', 'related-resource-unique', 'type-value']);
  });

  it('hostile dates: a dateTimeStamp with the widest offset and a leap second are read as instants, in order', () => {
    expect(
      vcdmViolations(
        credential((d) => {
          d.validFrom = '2026-01-01T00:00:00Z';
          d.validUntil = '9999-12-31T23:59:59.999-14:00';
        }),
      ),
    ).toEqual([]);
    expect(vcdmViolations(credential((d) => (d.validFrom = '2026-01-01T00:00:00+15:00'))).map((v) => v.rule)).toEqual(['valid-from-datetime']);
    // XML Schema 1.1 seconds run 00–59 (the VC 2.0 JSON Schema's pattern agrees): no leap seconds.
    expect(vcdmViolations(credential((d) => (d.validUntil = '2026-12-31T23:59:60Z'))).map((v) => v.rule)).toEqual(['valid-until-datetime']);
  });
});

describe('vc+jwt credentials meet the same MUSTs', () => {
  it('signVcJwt refuses a credential with id: null; verifyVcJwt rejects one signed anyway', async () => {
    const { signVcJwt, verifyVcJwt } = await import('../../src/jwt.js');
    const { CompactSign } = await import('jose');
    const { joseSigningKey } = await import('../../src/jwt/jose-keys.js');
    const bad = credential((c) => (c.id = null));
    await expect(signVcJwt(bad, issuer)).rejects.toMatchObject({ code: 'ERR_SCHEMA_INVALID' });
    const jwt = await new CompactSign(new TextEncoder().encode(JSON.stringify(bad)))
      .setProtectedHeader({ alg: 'EdDSA', typ: 'vc+jwt', cty: 'vc', kid: issuer.verificationMethod })
      .sign(await joseSigningKey(issuer));
    const result = await verifyVcJwt(jwt, { now: NOW });
    expect(result.verified).toBe(false);
    expect(result.checks.find((c) => c.status === 'fail')).toMatchObject({
      status: 'fail',
      code: 'ERR_SCHEMA_INVALID',
      message: expect.stringContaining('"id"'),
    });
    const good = await signVcJwt(credential(), issuer);
    expect((await verifyVcJwt(good, { now: NOW })).verified).toBe(true);
  });
});
