// JSON-LD document loader that never touches the network: contexts come from the npm context
// packages (pinned in package-lock.json), extra files given on the command line, and did:key
// documents are derived from the key itself. Anything else is refused by name, so a credential
// that needs an unknown context fails loudly instead of silently fetching it.
import {readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import * as credentialsContext from '@digitalbazaar/credentials-context';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import multikeyContext from '@digitalbazaar/multikey-context';
import securityContext from '@digitalbazaar/security-context';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {driver as didKeyDriver} from '@digitalbazaar/did-method-key';
import {UsageError} from './cli.mjs';

export const EXAMPLES_V2_URL = 'https://www.w3.org/ns/credentials/examples/v2';

// No npm package ships the W3C VCDM 2.0 examples context (credentials-examples-context has
// only the 1.1 one); its published content is a single @vocab, kept in contexts/.
const EXAMPLES_V2_FILE = fileURLToPath(
  new URL('../contexts/credentials-examples-v2.jsonld', import.meta.url));

function packagedContexts() {
  const map = new Map();
  for(const source of [
    credentialsContext.contexts,
    dataIntegrityContext.contexts,
    multikeyContext.contexts,
    securityContext.contexts
  ]) {
    for(const [url, document] of source) {
      map.set(url, document);
    }
  }
  return map;
}

/**
 * Parses one `--context` argument: `URL=PATH`, or `PATH` of a file whose top-level `"id"` (or
 * `"url"`) member names the URL it is served under.
 */
export async function readContextArg(arg) {
  const m = /^([a-z][a-z0-9+.-]*:[^=\s]*)=(.+)$/i.exec(arg);
  const path = m ? m[2] : arg;
  let text;
  try {
    text = await readFile(path, 'utf8');
  } catch(e) {
    throw new UsageError(`--context ${arg}: cannot read ${path}: ${e.code ?? e.message}`);
  }
  let document;
  try {
    document = JSON.parse(text);
  } catch(e) {
    throw new UsageError(`--context ${arg}: ${path} is not JSON: ${e.message}`);
  }
  if(typeof document !== 'object' || document === null || !('@context' in document)) {
    throw new UsageError(`--context ${arg}: ${path} has no top-level @context`);
  }
  const url = m ? m[1] : (document.id ?? document.url);
  if(typeof url !== 'string' || !/^[a-z][a-z0-9+.-]*:/i.test(url)) {
    throw new UsageError(
      `--context ${arg}: give the URL as URL=PATH or as a top-level "id" in the file`);
  }
  return {url, document};
}

/**
 * Builds the loader. `extra` is a list of {url, document}; they override packaged contexts of
 * the same URL (so a test can deliberately serve a modified context).
 */
export async function createDocumentLoader({extra = []} = {}) {
  const contexts = packagedContexts();
  contexts.set(EXAMPLES_V2_URL, JSON.parse(await readFile(EXAMPLES_V2_FILE, 'utf8')));
  for(const {url, document} of extra) {
    contexts.set(url, document);
  }

  const didKey = didKeyDriver();
  // Only Ed25519 did:keys (multicodec 0xed01 → 'z6Mk'): the harness is for eddsa-rdfc-2022.
  didKey.use({multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from});

  const refused = [];
  async function documentLoader(url) {
    if(contexts.has(url)) {
      return {contextUrl: null, documentUrl: url, document: structuredClone(contexts.get(url))};
    }
    if(url.startsWith('did:key:')) {
      const document = await didKey.get({url});
      return {contextUrl: null, documentUrl: url, document};
    }
    if(!refused.includes(url)) {
      refused.push(url);
      process.stderr.write(`document loader: refused non-local URL ${url}\n`);
    }
    throw new Error(`document loader refused non-local URL: ${url}`);
  }
  return {documentLoader, refused, knownUrls: () => [...contexts.keys()], didKey};
}
