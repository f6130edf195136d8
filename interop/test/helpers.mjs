// Runs the CLI scripts exactly as the Java tests do (a child `node` process) and parses the
// single JSON object each prints.
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const INTEROP = fileURLToPath(new URL('..', import.meta.url));

// Spec vectors live in the shared folder beside the project root (<root>/../shared), read in
// place; CREDITMESH_SHARED overrides the location.
export const SHARED = process.env.CREDITMESH_SHARED ??
  fileURLToPath(new URL('../../../shared', import.meta.url));

export function vector(relative) {
  const path = join(SHARED, 'vectors', relative);
  return existsSync(path) ? path : undefined;
}

export function missingVector(relative) {
  return `shared vector ${relative} not found under ${SHARED} (set CREDITMESH_SHARED)`;
}

export function runScript(script, args) {
  return new Promise(resolve => {
    execFile(process.execPath, [join(INTEROP, script), ...args], {cwd: INTEROP},
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        let json;
        try {
          json = JSON.parse(stdout);
        } catch{
          json = undefined;
        }
        resolve({code, json, stdout, stderr});
      });
  });
}

export async function tempDir(t) {
  const dir = await mkdtemp(join(tmpdir(), 'creditmesh-interop-'));
  t.after(() => rm(dir, {recursive: true, force: true}));
  return {
    dir,
    path: name => join(dir, name),
    writeJson: async (name, value) => {
      const p = join(dir, name);
      await writeFile(p, JSON.stringify(value, null, 2));
      return p;
    },
    writeText: async (name, text) => {
      const p = join(dir, name);
      await writeFile(p, text);
      return p;
    },
    readJson: async name => JSON.parse(await readFile(join(dir, name), 'utf8')),
    readText: async name => (await readFile(join(dir, name), 'utf8')).trim()
  };
}

export const KYC_CREDENTIAL = Object.freeze({
  '@context': [
    'https://www.w3.org/ns/credentials/v2',
    'https://www.w3.org/ns/credentials/examples/v2'
  ],
  id: 'urn:uuid:7e3c2d90-1b7a-4d2c-9a53-0f6f1c2a8b11',
  type: ['VerifiableCredential', 'KycCredential'],
  issuer: {id: 'did:example:replaced-by-issuer', name: 'CreditMesh Test Issuer'},
  validFrom: '2024-01-01T00:00:00Z',
  credentialSubject: {
    id: 'did:example:subject-1',
    kycLevel: 'enhanced',
    country: 'DE'
  }
});
