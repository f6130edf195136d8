#!/usr/bin/env node
// Verifies an SD-JWT / SD-JWT VC compact presentation (optionally with a KB-JWT) with the
// OpenWallet Foundation's @sd-jwt libraries and prints the disclosed claims.
import {EXIT_FAILED, EXIT_OK, emit, parseCli, readText, run, UsageError} from './lib/cli.mjs';

const SCRIPT = 'verify-sdjwt';
const USAGE = 'node verify-sdjwt.mjs <sd-jwt.txt> --issuer-jwk FILE [--holder-required] ' +
  '[--nonce N] [--aud A] [--now SECONDS|ISO-8601] [--kb-max-age SECONDS]';

function parseNow(value) {
  if(value === undefined) {
    return undefined;
  }
  if(/^\d+$/.test(value)) {
    return Number(value);
  }
  const ms = Date.parse(value);
  if(Number.isNaN(ms)) {
    throw new UsageError(`--now ${value} is neither epoch seconds nor an ISO-8601 date`);
  }
  return Math.floor(ms / 1000);
}

await run(SCRIPT, async () => {
  const {readJwk} = await import('./lib/jwk.mjs');
  const {verifySdJwt} = await import('./lib/sdjwt.mjs');
  const {values, positionals} = parseCli({
    positionals: 1,
    usage: USAGE,
    options: {
      'issuer-jwk': {type: 'string'},
      'holder-required': {type: 'boolean', default: false},
      nonce: {type: 'string'},
      aud: {type: 'string'},
      now: {type: 'string'},
      'kb-max-age': {type: 'string'}
    }
  });
  // No offline way to find the issuer key otherwise (SD-JWT VC issuer metadata is fetched over
  // HTTPS), so the key is required rather than taken from the token itself.
  if(!values['issuer-jwk']) {
    throw new UsageError(`--issuer-jwk is required\nusage: ${USAGE}`);
  }
  let kbMaxAge;
  if(values['kb-max-age'] !== undefined) {
    kbMaxAge = Number(values['kb-max-age']);
    if(!Number.isInteger(kbMaxAge) || kbMaxAge < 0) {
      throw new UsageError('--kb-max-age must be a non-negative integer (seconds)');
    }
  }
  const issuerJwk = await readJwk(values['issuer-jwk'], 'issuer JWK');
  const compact = await readText(positionals[0], 'SD-JWT');
  const result = await verifySdJwt({
    compact,
    issuerJwk,
    holderRequired: values['holder-required'],
    nonce: values.nonce,
    aud: values.aud,
    now: parseNow(values.now),
    kbMaxAge
  });
  emit({script: SCRIPT, file: positionals[0], ...result},
    result.verified ? EXIT_OK : EXIT_FAILED);
});
