#!/usr/bin/env node
// Verifies a VCDM 2.0 credential secured with an eddsa-rdfc-2022 Data Integrity proof whose
// verification method is an Ed25519 did:key, using Digital Bazaar's reference libraries and a
// network-free document loader.
import {
  EXIT_FAILED, EXIT_OK, emit, parseCli, readJson, run
} from './lib/cli.mjs';

const SCRIPT = 'verify-di';
const USAGE = 'node verify-di.mjs <signed-credential.json> ' +
  '[--context URL=PATH | --context PATH]... [--proof-only] [--now ISO-8601]';

await run(SCRIPT, async () => {
  const {createDocumentLoader, readContextArg} = await import('./lib/document-loader.mjs');
  const {verifyDi} = await import('./lib/di.mjs');
  const {values, positionals} = parseCli({
    positionals: 1,
    usage: USAGE,
    options: {
      context: {type: 'string', multiple: true, default: []},
      'proof-only': {type: 'boolean', default: false},
      now: {type: 'string'}
    }
  });
  const credential = await readJson(positionals[0], 'credential');
  const extra = await Promise.all(values.context.map(readContextArg));
  const {documentLoader, refused} = await createDocumentLoader({extra});
  const result = await verifyDi({
    credential, documentLoader, proofOnly: values['proof-only'], now: values.now
  });
  emit({
    script: SCRIPT,
    file: positionals[0],
    ...result,
    extraContexts: extra.map(c => c.url),
    refusedUrls: refused
  }, result.verified ? EXIT_OK : EXIT_FAILED);
});
