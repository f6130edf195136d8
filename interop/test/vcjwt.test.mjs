// VC-JOSE-COSE vc+jwt through issue-vcjwt.mjs / verify-vcjwt.mjs.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {generateKeyPairSync} from 'node:crypto';
import {CompactSign, importJWK} from 'jose';
import {KYC_CREDENTIAL, runScript, tempDir} from './helpers.mjs';

async function signWithHeader(privateJwk, header, payload) {
  const key = await importJWK(privateJwk, header.alg);
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader(header).sign(key);
}

function ed25519() {
  const jwk = generateKeyPairSync('ed25519').privateKey.export({format: 'jwk'});
  const {d: _d, ...pub} = jwk;
  return {jwk, pub};
}

test('issue-vcjwt then verify-vcjwt round-trips, and a tampered payload is rejected', async t => {
  const tmp = await tempDir(t);
  const cred = await tmp.writeJson('c.json', KYC_CREDENTIAL);
  const issued = await runScript('issue-vcjwt.mjs',
    [cred, tmp.path('vc.jwt'), '--issuer-jwk-out', tmp.path('issuer.jwk')]);
  assert.equal(issued.code, 0, issued.stdout);

  const ok = await runScript('verify-vcjwt.mjs',
    [tmp.path('vc.jwt'), '--issuer-jwk', tmp.path('issuer.jwk')]);
  assert.equal(ok.code, 0, ok.stdout);
  assert.equal(ok.json.typ, 'vc+jwt');
  assert.equal(ok.json.alg, 'EdDSA');
  assert.deepEqual(ok.json.credential, KYC_CREDENTIAL);

  const [h, p, s] = (await tmp.readText('vc.jwt')).split('.');
  const payload = JSON.parse(Buffer.from(p, 'base64url'));
  payload.credentialSubject.kycLevel = 'basic';
  const forged = [h, Buffer.from(JSON.stringify(payload)).toString('base64url'), s].join('.');
  const bad = await runScript('verify-vcjwt.mjs',
    [await tmp.writeText('forged.jwt', forged), '--issuer-jwk', tmp.path('issuer.jwk')]);
  assert.equal(bad.code, 1, bad.stdout);
});

test('the typ header must be vc+jwt', async t => {
  const tmp = await tempDir(t);
  const {jwk, pub} = ed25519();
  const pubFile = await tmp.writeJson('pub.jwk', pub);
  for(const typ of ['JWT', 'vp+jwt', undefined]) {
    const jwt = await signWithHeader(jwk, {alg: 'EdDSA', ...(typ ? {typ} : {})}, KYC_CREDENTIAL);
    const r = await runScript('verify-vcjwt.mjs',
      [await tmp.writeText('t.jwt', jwt), '--issuer-jwk', pubFile]);
    assert.equal(r.code, 1, `typ ${typ}: ${r.stdout}`);
    assert.match(r.json.errors.join(' '), /typ/);
  }
  const media = await signWithHeader(jwk, {alg: 'EdDSA', typ: 'application/vc+jwt'},
    KYC_CREDENTIAL);
  const r = await runScript('verify-vcjwt.mjs',
    [await tmp.writeText('m.jwt', media), '--issuer-jwk', pubFile]);
  assert.equal(r.code, 0, `application/vc+jwt is the same media type: ${r.stdout}`);
});

test('a wrong issuer key, an alg that does not fit the key, and non-credentials are rejected',
  async t => {
    const tmp = await tempDir(t);
    const a = ed25519();
    const b = ed25519();
    const jwt = await signWithHeader(a.jwk, {alg: 'EdDSA', typ: 'vc+jwt'}, KYC_CREDENTIAL);
    const file = await tmp.writeText('a.jwt', jwt);
    const wrong = await runScript('verify-vcjwt.mjs',
      [file, '--issuer-jwk', await tmp.writeJson('b.jwk', b.pub)]);
    assert.equal(wrong.code, 1, wrong.stdout);

    const ec = generateKeyPairSync('ec', {namedCurve: 'P-256'}).privateKey.export({format: 'jwk'});
    const ecPub = await tmp.writeJson('ec.jwk', {kty: ec.kty, crv: ec.crv, x: ec.x, y: ec.y});
    const mismatch = await runScript('verify-vcjwt.mjs', [file, '--issuer-jwk', ecPub]);
    assert.equal(mismatch.code, 1, mismatch.stdout);

    const notVc = await signWithHeader(a.jwk, {alg: 'EdDSA', typ: 'vc+jwt'}, {sub: 'x'});
    const r = await runScript('verify-vcjwt.mjs',
      [await tmp.writeText('n.jwt', notVc), '--issuer-jwk', await tmp.writeJson('a.jwk', a.pub)]);
    assert.equal(r.code, 1, r.stdout);
  });

test('validity: exp and validUntil in the past, validFrom in the future are rejected', async t => {
  const tmp = await tempDir(t);
  const {jwk, pub} = ed25519();
  const pubFile = await tmp.writeJson('pub.jwk', pub);
  const cases = [
    {...KYC_CREDENTIAL, exp: 1_000_000_000},
    {...KYC_CREDENTIAL, validUntil: '2001-01-01T00:00:00Z'},
    {...KYC_CREDENTIAL, validFrom: '2999-01-01T00:00:00Z'}
  ];
  for(const payload of cases) {
    const jwt = await signWithHeader(jwk, {alg: 'EdDSA', typ: 'vc+jwt'}, payload);
    const r = await runScript('verify-vcjwt.mjs',
      [await tmp.writeText('v.jwt', jwt), '--issuer-jwk', pubFile]);
    assert.equal(r.code, 1, r.stdout);
  }
  const jwt = await signWithHeader(jwk, {alg: 'EdDSA', typ: 'vc+jwt'},
    {...KYC_CREDENTIAL, validUntil: '2030-01-01T00:00:00Z'});
  const r = await runScript('verify-vcjwt.mjs', [await tmp.writeText('ok.jwt', jwt),
    '--issuer-jwk', pubFile, '--now', '2029-06-01T00:00:00Z']);
  assert.equal(r.code, 0, r.stdout);
});

test('ES256 issuer keys work too', async t => {
  const tmp = await tempDir(t);
  const ec = generateKeyPairSync('ec', {namedCurve: 'P-256'}).privateKey.export({format: 'jwk'});
  const issued = await runScript('issue-vcjwt.mjs', [await tmp.writeJson('c.json', KYC_CREDENTIAL),
    tmp.path('vc.jwt'), '--issuer-key', await tmp.writeJson('ec.jwk', ec),
    '--issuer-jwk-out', tmp.path('pub.jwk')]);
  assert.equal(issued.code, 0, issued.stdout);
  assert.equal(issued.json.alg, 'ES256');
  const r = await runScript('verify-vcjwt.mjs',
    [tmp.path('vc.jwt'), '--issuer-jwk', tmp.path('pub.jwk')]);
  assert.equal(r.code, 0, r.stdout);
});

test('usage errors exit 2', async t => {
  const tmp = await tempDir(t);
  assert.equal((await runScript('verify-vcjwt.mjs', [tmp.path('x.jwt')])).code, 2);
  assert.equal((await runScript('verify-vcjwt.mjs', [])).code, 2);
  const badJwk = await tmp.writeJson('bad.jwk', {kty: 'RSA', n: 'x', e: 'AQAB'});
  const jwt = await tmp.writeText('x.jwt', 'a.b.c');
  assert.equal((await runScript('verify-vcjwt.mjs', [jwt, '--issuer-jwk', badJwk])).code, 2);
});
