// verify-sdjwt.mjs against the SD-JWT conformance cases of sd-jwt-python
// (shared/vectors/sd-jwt-testcases/*/specification.yml + settings.yml; RFC 9901 §4, §7).
// Each case says which claims are selectively disclosable (`!sd`), what the holder discloses and
// which claims a verifier must recover. The SD-JWT is issued and presented with @sd-jwt/core
// using the case's keys (its random salts differ from sd-jwt-python's, so the cases are checked
// by meaning, not byte for byte); the verification under test is the CLI's.
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import YAML from 'yaml';
import {SDJwtInstance} from '@sd-jwt/core';
import {digest, generateSalt} from '@sd-jwt/crypto-nodejs';
import {defaultAlgFor, signerFor} from '../lib/jwk.mjs';
import {missingVector, runScript, tempDir, vector} from './helpers.mjs';

const SD = '!sd';
const CASES = 'sd-jwt-testcases';

function scalarValue(node) {
  // an unresolved `!sd` tag leaves a plain scalar as a string; resolve it as YAML would untagged
  if(node.tag === SD && node.type === 'PLAIN') {
    return YAML.parse(node.source);
  }
  return node.toJSON();
}

/** YAML node → {value, frame}: the claims and @sd-jwt's disclosure frame for them. */
function toClaims(node) {
  if(YAML.isMap(node)) {
    const value = {};
    const frame = {};
    const sd = [];
    for(const pair of node.items) {
      const key = String(YAML.isScalar(pair.key) ? pair.key.value : pair.key);
      const child = toClaims(pair.value);
      value[key] = child.value;
      if(child.frame) {
        frame[key] = child.frame;
      }
      if(pair.key?.tag === SD || pair.value?.tag === SD && !YAML.isScalar(pair.value)) {
        sd.push(key);
      }
    }
    if(sd.length > 0) {
      frame._sd = sd;
    }
    return {value, frame: Object.keys(frame).length > 0 ? frame : undefined};
  }
  if(YAML.isSeq(node)) {
    const value = [];
    const frame = {};
    const sd = [];
    node.items.forEach((item, i) => {
      const child = toClaims(item);
      value.push(child.value);
      if(child.frame) {
        frame[i] = child.frame;
      }
      if(item?.tag === SD) {
        sd.push(i);
      }
    });
    if(sd.length > 0) {
      frame._sd = sd;
    }
    return {value, frame: Object.keys(frame).length > 0 ? frame : undefined};
  }
  return {value: node === null ? null : scalarValue(node), frame: undefined};
}

/** holder_disclosed_claims (true / false / None, nested lists and maps) → presentation frame. */
function toPresentationFrame(spec) {
  if(spec === true) {
    return true;
  }
  if(spec === null || typeof spec !== 'object') {
    return undefined;
  }
  const frame = {};
  for(const [k, v] of Object.entries(spec)) {
    const sub = toPresentationFrame(v);
    if(sub !== undefined) {
      frame[k] = sub;
    }
  }
  return frame;
}

const root = vector(CASES);
const caseNames = root ?
  readdirSync(root).filter(d => existsSync(join(root, d, 'specification.yml'))).sort() : [];

if(!root) {
  test('sd-jwt-testcases', t => t.skip(missingVector(CASES)));
}

for(const name of caseNames) {
  test(`sd-jwt-testcases/${name}: verify-sdjwt recovers expect_verified_user_claims`, async t => {
    const source = readFileSync(join(root, name, 'specification.yml'), 'utf8');
    const doc = YAML.parseDocument(source);
    const spec = doc.toJS();
    if((spec.serialization_format ?? 'compact') !== 'compact') {
      return t.skip(`${spec.serialization_format} serialization: the harness CLIs take the ` +
        'compact form only');
    }
    const settings = YAML.parse(readFileSync(join(root, 'settings.yml'), 'utf8'));
    const keys = {...settings.key_settings, ...spec.settings_override?.key_settings};
    const {value: userClaims, frame} = toClaims(doc.get('user_claims', true));
    const keyBinding = spec.key_binding === true;

    const issuerKey = keys.issuer_keys[0];
    const holderKey = keys.holder_key;
    const sdjwt = new SDJwtInstance({
      signer: signerFor(issuerKey), signAlg: defaultAlgFor(issuerKey),
      kbSigner: signerFor(holderKey), kbSignAlg: defaultAlgFor(holderKey),
      hasher: digest, hashAlg: 'sha-256', saltGenerator: () => generateSalt(32)
    });
    const payload = {
      iss: settings.identifiers.issuer, iat: settings.iat, exp: settings.exp, ...userClaims,
      ...(keyBinding ? {cnf: {jwk: {kty: holderKey.kty, crv: holderKey.crv,
        x: holderKey.x, y: holderKey.y}}} : {})
    };
    const header = {typ: 'example+sd-jwt', ...spec.extra_header_parameters};
    const issued = await sdjwt.issue(payload, frame, {header});
    // one Disclosure per `!sd` in the case's user_claims (counted in the YAML text, independently
    // of the frame conversion above)
    const pair = doc.contents.items.find(item => item.key.value === 'user_claims');
    const [start, end] = [pair.key.range[1], pair.value.range[2]];
    const tags = source.slice(start, end).split('\n')
      .map(line => line.replace(/#.*$/, '')).join('\n').match(/!sd\b/g)?.length ?? 0;
    assert.equal(issued.split('~').length - 2, tags);
    const presentation = await sdjwt.present(issued,
      toPresentationFrame(spec.holder_disclosed_claims ?? {}) ?? {},
      keyBinding ? {kb: {payload: {iat: settings.iat, aud: settings.identifiers.verifier,
        nonce: settings.key_binding_nonce}}} : undefined);

    const tmp = await tempDir(t);
    const args = [await tmp.writeText('p.txt', presentation),
      '--issuer-jwk', await tmp.writeJson('issuer.jwk', issuerKey),
      '--now', String(settings.iat + 60)];
    if(keyBinding) {
      args.push('--holder-required', '--nonce', settings.key_binding_nonce,
        '--aud', settings.identifiers.verifier);
    }
    const r = await runScript('verify-sdjwt.mjs', args);
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.json.format, 'sd-jwt');
    const {iss: _iss, iat: _iat, exp: _exp, cnf: _cnf, ...claims} = r.json.claims;
    assert.deepEqual(claims, spec.expect_verified_user_claims);
    assert.equal(r.json.keyBinding.present, keyBinding);
  });
}
