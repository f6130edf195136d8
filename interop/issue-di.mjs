#!/usr/bin/env node
// Issues a VCDM 2.0 credential with an eddsa-rdfc-2022 Data Integrity proof signed by a freshly
// generated Ed25519 did:key, so the Java side can verify what the reference implementation makes.
import {
  EXIT_OK, emit, parseCli, readJson, run, writeText, UsageError
} from './lib/cli.mjs';

const SCRIPT = 'issue-di';
const USAGE = 'node issue-di.mjs <unsigned-credential.json> <out.json> ' +
  '[--context URL=PATH | --context PATH]...';

await run(SCRIPT, async () => {
  const {createDocumentLoader, readContextArg} = await import('./lib/document-loader.mjs');
  const {generateDidKey, issueDi} = await import('./lib/di.mjs');
  const {values, positionals} = parseCli({
    positionals: 2,
    usage: USAGE,
    options: {context: {type: 'string', multiple: true, default: []}}
  });
  const [inFile, outFile] = positionals;
  const credential = await readJson(inFile, 'credential');
  if(typeof credential !== 'object' || credential === null || Array.isArray(credential)) {
    throw new UsageError(`${inFile} is not a JSON object`);
  }
  if(credential.proof !== undefined) {
    throw new UsageError(`${inFile} already has a proof`);
  }
  const extra = await Promise.all(values.context.map(readContextArg));
  const {documentLoader, refused, didKey} = await createDocumentLoader({extra});
  const key = await generateDidKey(didKey);
  let signed;
  try {
    signed = await issueDi({credential, key, documentLoader});
  } catch(e) {
    e.refusedUrls = refused;
    throw e;
  }
  await writeText(outFile, JSON.stringify(signed, null, 2) + '\n');
  emit({
    script: SCRIPT,
    issued: true,
    out: outFile,
    cryptosuite: 'eddsa-rdfc-2022',
    did: key.did,
    verificationMethod: key.verificationMethod,
    publicKeyMultibase: key.publicKeyMultibase,
    publicKeyJwk: key.publicKeyJwk,
    extraContexts: extra.map(c => c.url)
  }, EXIT_OK);
});
