#!/usr/bin/env node
// Issues a VC-JOSE-COSE "vc+jwt" (the credential JSON is the JWS payload) with jose, signed by a
// fresh Ed25519 key unless --issuer-key gives one.
import {EXIT_OK, emit, parseCli, readJson, run, writeText, UsageError} from './lib/cli.mjs';

const SCRIPT = 'issue-vcjwt';
const USAGE = 'node issue-vcjwt.mjs <credential.json> <out.jwt> [--issuer-jwk-out FILE] ' +
  '[--issuer-key PRIVATE-JWK-FILE] [--kid KID]';

await run(SCRIPT, async () => {
  const {defaultAlgFor, generateEd25519, publicJwk, readJwk} = await import('./lib/jwk.mjs');
  const {issueVcJwt} = await import('./lib/vcjwt.mjs');
  const {values, positionals} = parseCli({
    positionals: 2,
    usage: USAGE,
    options: {
      'issuer-jwk-out': {type: 'string'},
      'issuer-key': {type: 'string'},
      kid: {type: 'string'}
    }
  });
  const [inFile, outFile] = positionals;
  const credential = await readJson(inFile, 'credential');
  if(typeof credential !== 'object' || credential === null || Array.isArray(credential)) {
    throw new UsageError(`${inFile} is not a JSON object`);
  }
  const issuerPrivateJwk = values['issuer-key'] ?
    await readJwk(values['issuer-key'], 'issuer key', {needPrivate: true}) :
    generateEd25519().privateJwk;
  const jwt = await issueVcJwt({credential, issuerPrivateJwk, kid: values.kid});
  await writeText(outFile, jwt + '\n');
  const issuerJwk = publicJwk(issuerPrivateJwk);
  if(values['issuer-jwk-out']) {
    await writeText(values['issuer-jwk-out'], JSON.stringify(issuerJwk, null, 2) + '\n');
  }
  emit({
    script: SCRIPT,
    issued: true,
    out: outFile,
    typ: 'vc+jwt',
    alg: defaultAlgFor(issuerPrivateJwk),
    issuerJwk,
    issuerJwkOut: values['issuer-jwk-out']
  }, EXIT_OK);
});
