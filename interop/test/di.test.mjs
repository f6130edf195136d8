// eddsa-rdfc-2022 Data Integrity through verify-di.mjs / issue-di.mjs.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import jsonld from 'jsonld';
import {createDocumentLoader} from '../lib/document-loader.mjs';
import {KYC_CREDENTIAL, missingVector, runScript, tempDir, vector} from './helpers.mjs';

const SIGNED_VECTOR = 'vc-di-eddsa/eddsa-rdfc-2022/signedDataInt.json';

test('W3C vc-di-eddsa signedDataInt.json (Data Integrity EdDSA Cryptosuites v1.0, Appendix A test vectors): proof verifies',
  async t => {
    const file = vector(SIGNED_VECTOR);
    if(!file) {
      return t.skip(missingVector(SIGNED_VECTOR));
    }
    const r = await runScript('verify-di.mjs', [file, '--proof-only']);
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.json.verified, true);
    assert.deepEqual(r.json.refusedUrls, []);
  });

test('W3C signedDataInt.json fails full credential verification only because its https issuer ' +
  'is not the did:key controller', async t => {
  const file = vector(SIGNED_VECTOR);
  if(!file) {
    return t.skip(missingVector(SIGNED_VECTOR));
  }
  const r = await runScript('verify-di.mjs', [file]);
  assert.equal(r.code, 1, r.stdout);
  assert.deepEqual(r.json.errors.filter(e => !e.startsWith('VerificationError')),
    ['Credential issuer must match the verification method controller.']);
});

test('the local examples/v2 context canonicalizes the W3C vector exactly as canonDocDataInt.txt',
  async t => {
    const file = vector(SIGNED_VECTOR);
    if(!file) {
      return t.skip(missingVector(SIGNED_VECTOR));
    }
    const {proof: _proof, ...unsigned} = JSON.parse(await readFile(file, 'utf8'));
    const {documentLoader} = await createDocumentLoader();
    const nquads = await jsonld.canonize(unsigned, {
      algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader, safe: true
    });
    const expected = await readFile(join(dirname(file), 'canonDocDataInt.txt'), 'utf8');
    assert.equal(nquads.trim(), expected.trim());
  });

test('a tampered copy of the W3C vector is rejected', async t => {
  const file = vector(SIGNED_VECTOR);
  if(!file) {
    return t.skip(missingVector(SIGNED_VECTOR));
  }
  const tmp = await tempDir(t);
  const doc = JSON.parse(await readFile(file, 'utf8'));
  doc.credentialSubject.alumniOf = 'The School of Forgery';
  const r = await runScript('verify-di.mjs', [await tmp.writeJson('t.json', doc), '--proof-only']);
  assert.equal(r.code, 1, r.stdout);
  assert.equal(r.json.verified, false);
});

test('issue-di then verify-di round-trips, and tampering is detected', async t => {
  const tmp = await tempDir(t);
  const unsigned = await tmp.writeJson('unsigned.json', KYC_CREDENTIAL);
  const issued = await runScript('issue-di.mjs', [unsigned, tmp.path('signed.json')]);
  assert.equal(issued.code, 0, issued.stdout);
  assert.match(issued.json.did, /^did:key:z6Mk/);
  assert.equal(issued.json.verificationMethod,
    `${issued.json.did}#${issued.json.publicKeyMultibase}`);
  assert.equal(issued.json.publicKeyJwk.crv, 'Ed25519');

  const signed = await tmp.readJson('signed.json');
  assert.equal(signed.issuer.id, issued.json.did);
  assert.equal(signed.issuer.name, 'CreditMesh Test Issuer');
  assert.equal(signed.proof.cryptosuite, 'eddsa-rdfc-2022');

  const ok = await runScript('verify-di.mjs', [tmp.path('signed.json')]);
  assert.equal(ok.code, 0, ok.stdout);
  assert.equal(ok.json.verified, true);

  const tampered = structuredClone(signed);
  tampered.credentialSubject.kycLevel = 'basic';
  const bad = await runScript('verify-di.mjs', [await tmp.writeJson('tampered.json', tampered)]);
  assert.equal(bad.code, 1, bad.stdout);
  assert.equal(bad.json.verified, false);

  const otherKey = await runScript('issue-di.mjs', [unsigned, tmp.path('other.json')]);
  const swapped = structuredClone(signed);
  swapped.proof.proofValue = (await tmp.readJson('other.json')).proof.proofValue;
  const bad2 = await runScript('verify-di.mjs', [await tmp.writeJson('swapped.json', swapped)]);
  assert.equal(otherKey.code, 0);
  assert.equal(bad2.code, 1, bad2.stdout);
});

test('a credential with a context that is not local is refused and the URL is named', async t => {
  const tmp = await tempDir(t);
  const cred = structuredClone(KYC_CREDENTIAL);
  cred['@context'].push('https://creditmesh.example/contexts/unknown/v1');
  const r = await runScript('issue-di.mjs',
    [await tmp.writeJson('u.json', cred), tmp.path('s.json')]);
  assert.equal(r.code, 1, r.stdout);
  assert.ok(r.json.message.some(m => m.includes('https://creditmesh.example/contexts/unknown/v1')),
    r.stdout);
  assert.match(r.stderr,
    /refused non-local URL https:\/\/creditmesh\.example\/contexts\/unknown\/v1/);
});

test('extra contexts given with --context URL=PATH or an "id" in the file are served locally',
  async t => {
    const tmp = await tempDir(t);
    const url = 'https://creditmesh.example/contexts/kyc/v1';
    const ctx = {
      '@context': {
        '@protected': true,
        CreditMeshKyc: 'https://creditmesh.example/vocab#CreditMeshKyc',
        kycTier: 'https://creditmesh.example/vocab#kycTier'
      }
    };
    const ctxFile = await tmp.writeJson('kyc.jsonld', ctx);
    const ctxWithId = await tmp.writeJson('kyc-id.jsonld', {id: url, ...ctx});
    const cred = {
      '@context': ['https://www.w3.org/ns/credentials/v2', url],
      type: ['VerifiableCredential', 'CreditMeshKyc'],
      issuer: 'did:example:replaced',
      credentialSubject: {id: 'did:example:s', kycTier: 2}
    };
    const unsigned = await tmp.writeJson('u.json', cred);
    const issued = await runScript('issue-di.mjs',
      [unsigned, tmp.path('s.json'), '--context', `${url}=${ctxFile}`]);
    assert.equal(issued.code, 0, issued.stdout);
    assert.deepEqual(issued.json.extraContexts, [url]);

    const ok = await runScript('verify-di.mjs', [tmp.path('s.json'), '--context', ctxWithId]);
    assert.equal(ok.code, 0, ok.stdout);

    const without = await runScript('verify-di.mjs', [tmp.path('s.json')]);
    assert.equal(without.code, 1, without.stdout);
    assert.deepEqual([...new Set(without.json.refusedUrls)], [url]);
  });

test('a term that no context defines makes issuance fail instead of being dropped', async t => {
  const tmp = await tempDir(t);
  const cred = structuredClone(KYC_CREDENTIAL);
  cred['@context'] = ['https://www.w3.org/ns/credentials/v2'];
  const r = await runScript('issue-di.mjs',
    [await tmp.writeJson('u.json', cred), tmp.path('s.json')]);
  assert.equal(r.code, 1, r.stdout);
  assert.ok(r.json.message.some(m => m.includes('Safe mode validation error')), r.stdout);
});

test('validUntil is checked against now or --now', async t => {
  const tmp = await tempDir(t);
  const cred = {...structuredClone(KYC_CREDENTIAL), validUntil: '2025-01-01T00:00:00Z'};
  const issued = await runScript('issue-di.mjs',
    [await tmp.writeJson('u.json', cred), tmp.path('s.json')]);
  assert.equal(issued.code, 0, issued.stdout);
  const expired = await runScript('verify-di.mjs', [tmp.path('s.json')]);
  assert.equal(expired.code, 1, expired.stdout);
  const then = await runScript('verify-di.mjs',
    [tmp.path('s.json'), '--now', '2024-06-01T00:00:00Z']);
  assert.equal(then.code, 0, then.stdout);
});

test('verify-di exits 2 on usage errors', async t => {
  const tmp = await tempDir(t);
  assert.equal((await runScript('verify-di.mjs', [])).code, 2);
  assert.equal((await runScript('verify-di.mjs', ['a.json', 'b.json'])).code, 2);
  assert.equal((await runScript('verify-di.mjs', [tmp.path('missing.json')])).code, 2);
  assert.equal((await runScript('verify-di.mjs', ['x.json', '--bogus'])).code, 2);
  assert.equal((await runScript('issue-di.mjs', [tmp.path('missing.json'), 'o.json'])).code, 2);
});
