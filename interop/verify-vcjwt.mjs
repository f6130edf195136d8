#!/usr/bin/env node
// Verifies a VC-JOSE-COSE "vc+jwt" with panva's jose: signature with the issuer's public JWK,
// typ vc+jwt, exp/nbf when present, and the VCDM 2.0 shape and validity period of the payload.
import {EXIT_FAILED, EXIT_OK, emit, parseCli, readText, run, UsageError} from './lib/cli.mjs';

const SCRIPT = 'verify-vcjwt';
const USAGE = 'node verify-vcjwt.mjs <vc.jwt> --issuer-jwk FILE [--now ISO-8601]';

await run(SCRIPT, async () => {
  const {readJwk} = await import('./lib/jwk.mjs');
  const {verifyVcJwt} = await import('./lib/vcjwt.mjs');
  const {values, positionals} = parseCli({
    positionals: 1,
    usage: USAGE,
    options: {'issuer-jwk': {type: 'string'}, now: {type: 'string'}}
  });
  if(!values['issuer-jwk']) {
    throw new UsageError(`--issuer-jwk is required\nusage: ${USAGE}`);
  }
  let nowMs = Date.now();
  if(values.now !== undefined) {
    nowMs = Date.parse(values.now);
    if(Number.isNaN(nowMs)) {
      throw new UsageError(`--now ${values.now} is not an ISO-8601 date`);
    }
  }
  const issuerJwk = await readJwk(values['issuer-jwk'], 'issuer JWK');
  const jwt = await readText(positionals[0], 'vc+jwt');
  const result = await verifyVcJwt({jwt, issuerJwk, nowMs});
  emit({script: SCRIPT, file: positionals[0], ...result},
    result.verified ? EXIT_OK : EXIT_FAILED);
});
