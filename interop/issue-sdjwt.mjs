#!/usr/bin/env node
// Issues an SD-JWT VC (typ dc+sd-jwt) with the listed top-level claims selectively disclosable,
// signed by a fresh Ed25519 key (EdDSA) unless --issuer-key gives one.
import {EXIT_OK, emit, parseCli, readJson, run, writeText, UsageError} from './lib/cli.mjs';

const SCRIPT = 'issue-sdjwt';
const USAGE = 'node issue-sdjwt.mjs <claims.json> <out.txt> --disclose a,b[,...] ' +
  '[--issuer-jwk-out FILE] [--issuer-key PRIVATE-JWK-FILE] [--holder-jwk FILE] ' +
  '[--vct VCT] [--iss ISS] [--kid KID]';

await run(SCRIPT, async () => {
  const {defaultAlgFor, generateEd25519, publicJwk, readJwk} = await import('./lib/jwk.mjs');
  const {issueSdJwtVc} = await import('./lib/sdjwt.mjs');
  const {values, positionals} = parseCli({
    positionals: 2,
    usage: USAGE,
    options: {
      disclose: {type: 'string'},
      'issuer-jwk-out': {type: 'string'},
      'issuer-key': {type: 'string'},
      'holder-jwk': {type: 'string'},
      vct: {type: 'string'},
      iss: {type: 'string'},
      kid: {type: 'string'}
    }
  });
  const [claimsFile, outFile] = positionals;
  const claims = await readJson(claimsFile, 'claims');
  if(typeof claims !== 'object' || claims === null || Array.isArray(claims)) {
    throw new UsageError(`${claimsFile} is not a JSON object`);
  }
  if(values.disclose === undefined) {
    throw new UsageError(`--disclose is required (may be empty: --disclose "")\nusage: ${USAGE}`);
  }
  const disclose = values.disclose.split(',').map(s => s.trim()).filter(Boolean);
  const missing = disclose.filter(name => !(name in claims));
  if(missing.length > 0) {
    throw new UsageError(`--disclose names claims not in ${claimsFile}: ${missing.join(', ')}`);
  }
  if(values.vct !== undefined) {
    claims.vct = values.vct;
  }
  if(values.iss !== undefined) {
    claims.iss = values.iss;
  }
  if(typeof claims.vct !== 'string') {
    throw new UsageError('an SD-JWT VC needs a string "vct": put it in the claims or use --vct');
  }
  const issuerPrivateJwk = values['issuer-key'] ?
    await readJwk(values['issuer-key'], 'issuer key', {needPrivate: true}) :
    generateEd25519().privateJwk;
  const holderJwk = values['holder-jwk'] ?
    await readJwk(values['holder-jwk'], 'holder JWK') : undefined;
  const compact = await issueSdJwtVc({
    claims, disclose, issuerPrivateJwk, holderJwk, kid: values.kid
  });
  await writeText(outFile, compact + '\n');
  const issuerJwk = publicJwk(issuerPrivateJwk);
  if(values['issuer-jwk-out']) {
    await writeText(values['issuer-jwk-out'], JSON.stringify(issuerJwk, null, 2) + '\n');
  }
  emit({
    script: SCRIPT,
    issued: true,
    out: outFile,
    typ: 'dc+sd-jwt',
    alg: defaultAlgFor(issuerPrivateJwk),
    selectivelyDisclosable: disclose,
    holderBound: holderJwk !== undefined,
    issuerJwk,
    issuerJwkOut: values['issuer-jwk-out']
  }, EXIT_OK);
});
