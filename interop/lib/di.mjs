// eddsa-rdfc-2022 Data Integrity through Digital Bazaar's reference libraries.
import * as vc from '@digitalbazaar/vc';
import jsigs from 'jsonld-signatures';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {errorMessages} from './cli.mjs';

export const CRYPTOSUITE = 'eddsa-rdfc-2022';

/**
 * Cheap structural checks first, so a credential signed with another suite or key type is
 * reported as such rather than as an opaque library error.
 */
export function precheck(credential) {
  const problems = [];
  if(typeof credential !== 'object' || credential === null || Array.isArray(credential)) {
    return ['credential is not a JSON object'];
  }
  const proofs = Array.isArray(credential.proof) ? credential.proof : [credential.proof];
  if(credential.proof === undefined) {
    problems.push('credential has no proof');
  } else if(proofs.length !== 1) {
    problems.push(`expected exactly one proof, found ${proofs.length}`);
  } else {
    const [proof] = proofs;
    if(proof?.type !== 'DataIntegrityProof') {
      problems.push(`proof.type is ${JSON.stringify(proof?.type)}, expected "DataIntegrityProof"`);
    }
    if(proof?.cryptosuite !== CRYPTOSUITE) {
      problems.push(
        `proof.cryptosuite is ${JSON.stringify(proof?.cryptosuite)}, expected "${CRYPTOSUITE}"`);
    }
    const vm = proof?.verificationMethod;
    if(typeof vm !== 'string' || !vm.startsWith('did:key:z6Mk')) {
      problems.push('proof.verificationMethod is not an Ed25519 did:key URL');
    }
  }
  return problems;
}

function issuerId(credential) {
  const issuer = credential?.issuer;
  return typeof issuer === 'object' && issuer !== null ? issuer.id : issuer;
}

/**
 * Verifies with `vc.verifyCredential` (VCDM checks, proof, and issuer == key controller), or with
 * `--proof-only` just the proof through jsonld-signatures with an assertionMethod purpose.
 */
export async function verifyDi({credential, documentLoader, proofOnly = false, now}) {
  const base = {
    cryptosuite: CRYPTOSUITE,
    mode: proofOnly ? 'proof-only' : 'credential',
    issuer: issuerId(credential),
    verificationMethod: Array.isArray(credential?.proof) ?
      undefined : credential?.proof?.verificationMethod
  };
  const problems = precheck(credential);
  if(problems.length > 0) {
    return {...base, verified: false, errors: problems};
  }
  const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
  let result;
  if(proofOnly) {
    result = await jsigs.verify(credential, {
      suite,
      purpose: new jsigs.purposes.AssertionProofPurpose(),
      documentLoader
    });
  } else {
    result = await vc.verifyCredential({
      credential, suite, documentLoader, ...(now ? {now} : {})
    });
  }
  const errors = result.verified ? [] : errorMessages(
    result.error ?? result.results?.map(r => r.error));
  return {...base, verified: result.verified === true, errors};
}

/** Generates a did:key Ed25519 key and returns the signer key pair plus its public forms. */
export async function generateDidKey(didKey) {
  const keyPair = await Ed25519Multikey.generate();
  const {didDocument, methodFor} = await didKey.fromKeyPair({verificationKeyPair: keyPair});
  const method = methodFor({purpose: 'assertionMethod'});
  keyPair.id = method.id;
  keyPair.controller = didDocument.id;
  const publicKeyJwk = await Ed25519Multikey.toJwk({keyPair});
  return {
    keyPair,
    did: didDocument.id,
    verificationMethod: method.id,
    publicKeyMultibase: keyPair.publicKeyMultibase,
    publicKeyJwk
  };
}

/**
 * Issues with `vc.issue`. The issuer is set to the generated DID (keeping an issuer object's
 * other members): `vc.verifyCredential` requires issuer == key controller.
 */
export async function issueDi({credential, key, documentLoader}) {
  const unsigned = structuredClone(credential);
  if(typeof unsigned.issuer === 'object' && unsigned.issuer !== null) {
    unsigned.issuer = {...unsigned.issuer, id: key.did};
  } else {
    unsigned.issuer = key.did;
  }
  const suite = new DataIntegrityProof({
    signer: key.keyPair.signer(), cryptosuite: eddsaRdfc2022
  });
  return vc.issue({credential: unsigned, suite, documentLoader});
}
