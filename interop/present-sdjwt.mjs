#!/usr/bin/env node
// Holder side of SD-JWT: selects disclosures and, with a holder private key, appends a KB-JWT
// (typ kb+jwt) over nonce, aud, iat and the sd_hash of the presentation.
import {EXIT_OK, emit, parseCli, readText, run, writeText, UsageError} from './lib/cli.mjs';

const SCRIPT = 'present-sdjwt';
const USAGE = 'node present-sdjwt.mjs <sd-jwt.txt> <out.txt> [--disclose a,b.c,...] ' +
  '[--holder-key PRIVATE-JWK-FILE --nonce N --aud A [--iat SECONDS]]';

await run(SCRIPT, async () => {
  const {readJwk} = await import('./lib/jwk.mjs');
  const {presentSdJwt} = await import('./lib/sdjwt.mjs');
  const {values, positionals} = parseCli({
    positionals: 2,
    usage: USAGE,
    options: {
      disclose: {type: 'string'},
      'holder-key': {type: 'string'},
      nonce: {type: 'string'},
      aud: {type: 'string'},
      iat: {type: 'string'}
    }
  });
  const [inFile, outFile] = positionals;
  const compact = (await readText(inFile, 'SD-JWT')).trim();
  const holderKey = values['holder-key'];
  if(holderKey && (values.nonce === undefined || values.aud === undefined)) {
    throw new UsageError(`--holder-key needs --nonce and --aud\nusage: ${USAGE}`);
  }
  if(!holderKey && (values.nonce !== undefined || values.aud !== undefined ||
    values.iat !== undefined)) {
    throw new UsageError(`--nonce/--aud/--iat need --holder-key\nusage: ${USAGE}`);
  }
  let iat;
  if(values.iat !== undefined) {
    iat = Number(values.iat);
    if(!Number.isInteger(iat)) {
      throw new UsageError('--iat must be an integer (seconds since the epoch)');
    }
  }
  const holderPrivateJwk = holderKey ?
    await readJwk(holderKey, 'holder key', {needPrivate: true}) : undefined;
  const disclose = values.disclose === undefined ? undefined :
    values.disclose.split(',').map(s => s.trim()).filter(Boolean);
  const presentation = await presentSdJwt({
    compact, disclose, holderPrivateJwk, nonce: values.nonce, aud: values.aud, iat
  });
  await writeText(outFile, presentation + '\n');
  emit({
    script: SCRIPT,
    presented: true,
    out: outFile,
    disclosed: disclose ?? 'all',
    keyBinding: holderPrivateJwk !== undefined
  }, EXIT_OK);
});
