import { inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { qrSizeTable } from '../../examples/qr-sizes.js';
import { isPassportError } from '../../src/errors.js';
import { fromBase45, toBase45 } from '../../src/qr/base45.js';
import { printPack } from '../../src/present/print-pack.js';
import { decodeQrPayload, encodeQrPayload } from '../../src/qr/qr-payload.js';
import { qrVersion, toQrPng, toQrSvg } from '../../src/qr/qr-image.js';
import { compactTokens, expandTokens } from '../../src/qr/qr-tokens.js';
import { verifyCredential } from '../../src/verify/verify-credential.js';
import { canonicalJson } from '../../src/proof/jcs.js';
import { lintDisclosure } from '../../src/present/lint-disclosure.js';
import { makeEntry, makeIssuer } from './fixtures.js';

const now = new Date('2026-06-01T12:00:00Z');

async function cscsCard() {
  return makeEntry(await makeIssuer('CSCS'), {
    kind: 'licence-card',
    name: 'CSCS Green Labourer card',
    validUntil: '2031-03-03T00:00:00Z',
    fields: { scheme: 'CSCS', cardType: 'Green Labourer', issuedOn: '2026-03-03', expiresOn: '2031-03', attestationMode: 'scheme-signed' },
  });
}

async function codeOf(fn: () => Promise<unknown>): Promise<string | undefined> {
  try {
    await fn();
  } catch (err) {
    return isPassportError(err) ? err.code : `not a PassportError: ${String(err)}`;
  }
  return undefined;
}

describe('Base45 (RFC 9285)', () => {
  it('matches the RFC examples', () => {
    const enc = new TextEncoder();
    expect(toBase45(enc.encode('AB'))).toBe('BB8');
    expect(toBase45(enc.encode('Hello!!'))).toBe('%69 VD92EX0');
    expect(toBase45(enc.encode('base-45'))).toBe('UJCLQE7W581');
    expect(new TextDecoder().decode(fromBase45('QED8WEX0'))).toBe('ietf!');
    expect(() => fromBase45('GGW')).toThrow(RangeError); // 65535 < value: RFC 9285 §4.2 example of invalid input
    expect(() => fromBase45('a')).toThrow(RangeError);
  });
  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(fromBase45(toBase45(bytes))).toEqual(bytes);
      }),
    );
  });
});

describe('QR payload', () => {
  it('round-trips an entry that then verifies, using only QR alphanumeric characters', async () => {
    const entry = await cscsCard();
    const payload = await encodeQrPayload(entry);
    expect(payload).toMatch(/^LP1:[0-9A-Z $%*+\-./:]+$/);
    const decoded = await decodeQrPayload(payload);
    expect(canonicalJson(decoded)).toBe(canonicalJson(entry));
    expect((await verifyCredential(decoded, { now })).verified).toBe(true);
    // The compressed part is plain raw DEFLATE: zlib (independent of CompressionStream) reads it.
    const json = JSON.parse(inflateRawSync(fromBase45(payload.slice(4))).toString('utf8'));
    expect(expandTokens(json)).toEqual(JSON.parse(canonicalJson(entry)));
  });

  it('token table round-trips any JSON, including strings that look like tokens', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom('~', '~~', '~0', '~:x', '~*', 'did:key:z6Mkabc', 'urn:uuid:1', 'VerifiableCredential', 'id'),
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('~a', 'id', '~', 'proof')), tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(json, (v) => {
        expect(expandTokens(compactTokens(v))).toEqual(v);
      }),
    );
  });

  it('rejects bad payloads with ERR_QR_PAYLOAD_INVALID', async () => {
    const good = await encodeQrPayload(await cscsCard());
    const bomb =
      'LP1:' +
      toBase45(
        new Uint8Array(await new Response(new Blob([new Uint8Array(10_000_000)]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer()),
      );
    for (const bad of [
      '',
      'hello',
      'LP2:ABC',
      'LP1:',
      'LP1:abc',
      'LP1:GGW',
      good.slice(0, -6),
      `LP1:${toBase45(new Uint8Array([1, 2, 3]))}`,
      bomb,
      'LP1:' + 'A'.repeat(5000),
    ]) {
      expect(await codeOf(() => decodeQrPayload(bad))).toBe('ERR_QR_PAYLOAD_INVALID');
    }
    expect(await codeOf(() => decodeQrPayload(42 as never))).toBe('ERR_QR_PAYLOAD_INVALID');
    const notObject =
      'LP1:' + toBase45(new Uint8Array(await new Response(new Blob(['[1,2]']).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer()));
    expect(await codeOf(() => decodeQrPayload(notObject))).toBe('ERR_QR_PAYLOAD_INVALID');
  });

  it('a typical entry of every kind fits one QR code (payload length bounds)', async () => {
    const rows = await qrSizeTable();
    expect(rows).toHaveLength(17);
    for (const row of rows) {
      // Generous bound: the README table shows the real numbers (target ≤ 900 for shareable kinds).
      expect(row.payloadChars, row.kind).toBeLessThanOrEqual(1100);
      expect(row.qrVersion, row.kind).toBeLessThanOrEqual(25);
    }
    const shareable = rows.filter((r) => ['qualification', 'licence-card', 'unit-credit', 'award', 'employability-skill'].includes(r.kind));
    for (const row of shareable) expect(row.payloadChars, row.kind).toBeLessThanOrEqual(900);
  });
});

describe('QR images', () => {
  it('SVG and PNG of the same payload; PNG is a valid PNG with the right size', async () => {
    const payload = await encodeQrPayload(await cscsCard());
    const svg = await toQrSvg(payload);
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const png = await toQrPng(payload, { scale: 2, margin: 4 });
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const view = new DataView(png.buffer, png.byteOffset);
    const modules = 17 + 4 * qrVersion(payload);
    expect(view.getUint32(16)).toBe((modules + 8) * 2); // IHDR width
    expect(view.getUint32(20)).toBe((modules + 8) * 2);
    await expect(toQrSvg('')).rejects.toThrow(TypeError);
    await expect(toQrPng('x', { scale: 0 })).rejects.toThrow(TypeError);
  });

  it('PNG pixels follow the QR modules (decoded with node:zlib)', async () => {
    const { default: QRCode } = await import('qrcode');
    const payload = 'LP1:HELLO';
    const png = await toQrPng(payload, { scale: 1, margin: 0 });
    const size = QRCode.create(payload, { errorCorrectionLevel: 'M' }).modules.size;
    // Find IDAT and inflate it.
    let offset = 8;
    let idat = new Uint8Array();
    while (offset < png.length) {
      const len = new DataView(png.buffer, png.byteOffset + offset).getUint32(0);
      const type = new TextDecoder().decode(png.slice(offset + 4, offset + 8));
      if (type === 'IDAT') idat = png.slice(offset + 8, offset + 8 + len);
      offset += 12 + len;
    }
    const { inflateSync } = await import('node:zlib');
    const raw = inflateSync(idat);
    const stride = Math.ceil(size / 8) + 1;
    const modules = QRCode.create(payload, { errorCorrectionLevel: 'M' }).modules;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const white = (raw[y * stride + 1 + (x >> 3)]! >> (7 - (x & 7))) & 1;
        expect(white === 0).toBe(Boolean(modules.get(y, x)));
      }
    }
  });
});

describe('printPack', () => {
  it('is self-contained HTML with one QR per entry, the facts in text, how to check, and the print date', async () => {
    const card = await cscsCard();
    const maths = await makeEntry(await makeIssuer('City & Guilds'), {
      kind: 'qualification',
      name: 'Functional Skills Mathematics Level 1',
      fields: { title: 'Functional Skills Maths', awardingBody: { name: 'City & Guilds' }, level: 'L1', awardedOn: '2026-03' },
    });
    const html = await printPack([card, maths], { holderName: 'Amira Khan', printedOn: new Date('2026-06-01T09:00:00Z') });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.match(/<svg/g)).toHaveLength(2);
    expect(html).toContain('Printed on 1 June 2026.');
    expect(html).toContain('How to check');
    expect(html).toContain('Name: Amira Khan');
    expect(html).toContain('CSCS Green Labourer card — card from CSCS');
    expect(html).toContain('Functional Skills Maths, Level 1 — qualification from City &amp; Guilds');
    expect(html).not.toMatch(/<script|<link|<img|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    // No prison branding: the pack's own text passes the linter.
    const text = html.replace(/<svg[\s\S]*?<\/svg>/g, '').replace(/<[^>]+>/g, ' ');
    expect(lintDisclosure([{ description: text }])).toEqual([]);
  });

  it('prints the entry’s own date, never the signing date, and says where the checker page is', async () => {
    const issuer = await makeIssuer('City & Guilds');
    // Awarded in January, signed in December: the paper shows the award date.
    const maths = await makeEntry(issuer, {
      kind: 'qualification',
      name: 'Functional Skills Mathematics Level 1',
      validFrom: '2026-12-03T10:00:00Z',
      validUntil: '2029-12-03T00:00:00Z',
      fields: { title: 'Functional Skills Maths', awardingBody: { name: 'City & Guilds' }, level: 'L1', awardedOn: '2026-01' },
    });
    const html = await printPack([maths], { printedOn: new Date('2026-12-04T09:00:00Z') });
    expect(html).toContain('<p>Awarded: January 2026</p>');
    expect(html).toContain('<p>Valid until: 3 December 2029</p>');
    expect(html).not.toMatch(/Valid from|3 December 2026/);
    // No checker configured: the pack says how to get one.
    expect(html).toContain('Ask the issuer for theirs, or make one with <code>npx learning-passport verifier-page</code>.');
    const withChecker = await printPack([maths], { checkerUrl: 'https://jobs.example/check.html' });
    expect(withChecker).toContain('Scan a code with the checker page at <strong>https://jobs.example/check.html</strong>.');
    expect(withChecker).not.toContain('npx learning-passport verifier-page');
    await expect(printPack([maths], { checkerUrl: ' ' })).rejects.toThrow(TypeError);
  });

  it('refuses a custody-context entry unless the holder included it', async () => {
    const issuer = await makeIssuer('Leeds Learning Centre');
    const transfer = await makeEntry(issuer, {
      kind: 'custody-transfer',
      name: 'Transfer',
      fields: { fromEstablishment: 'Leeds', toEstablishment: 'Wealstun', transferDate: '2026-04-01' },
    });
    await expect(printPack([transfer])).rejects.toThrow(/custody-transfer entry, which shows time in custody/);
    const { entryId } = await import('../../src/entries/entry-id.js');
    const html = await printPack([transfer], { include: [entryId(transfer)] });
    expect(html).toContain('<p>Date: 1 April 2026</p>');
  });

  it('refuses a title or name that would reveal custody, and escapes HTML', async () => {
    const card = await cscsCard();
    await expect(printPack([card], { title: 'HMP Leeds learning record' })).rejects.toThrow(TypeError);
    await expect(printPack([card], { title: 'Prison education certificates' })).rejects.toThrow(TypeError);
    const html = await printPack([card], { holderName: '<b>Sam</b>' });
    expect(html).toContain('&lt;b&gt;Sam&lt;/b&gt;');
    await expect(printPack('x' as never)).rejects.toThrow(TypeError);
  });
});
