// JWS signing and verification callbacks for the sd-jwt library, on node:crypto. The library
// leaves crypto to the caller; @sd-jwt/crypto-nodejs only covers ES256/384/512, and the
// harness also needs Ed25519 (EdDSA), so both go through node:crypto's JWK import.
import {
  createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify
} from 'node:crypto';
import {UsageError, readJson} from './cli.mjs';

// JWS alg → key it needs (RFC 7518 §3.4, RFC 8037 §3.1; "Ed25519" is the fully-specified name
// from RFC 9864 that newer issuers may use).
const ALGS = {
  EdDSA: {kty: 'OKP', crv: 'Ed25519', hash: null},
  Ed25519: {kty: 'OKP', crv: 'Ed25519', hash: null},
  ES256: {kty: 'EC', crv: 'P-256', hash: 'sha256'},
  ES384: {kty: 'EC', crv: 'P-384', hash: 'sha384'}
};

export function defaultAlgFor(jwk) {
  if(jwk?.kty === 'OKP' && jwk.crv === 'Ed25519') {
    return 'EdDSA';
  }
  if(jwk?.kty === 'EC' && jwk.crv === 'P-256') {
    return 'ES256';
  }
  if(jwk?.kty === 'EC' && jwk.crv === 'P-384') {
    return 'ES384';
  }
  throw new UsageError(
    `unsupported JWK (kty ${jwk?.kty}, crv ${jwk?.crv}): need OKP Ed25519, EC P-256 or P-384`);
}

export function publicJwk(jwk) {
  const {kty, crv, x, y} = jwk;
  return y === undefined ? {kty, crv, x} : {kty, crv, x, y};
}

export async function readJwk(path, what, {needPrivate = false} = {}) {
  const jwk = await readJson(path, what);
  defaultAlgFor(jwk);
  if(needPrivate && typeof jwk.d !== 'string') {
    throw new UsageError(`${what} file ${path} has no private part "d"`);
  }
  return jwk;
}

export function generateEd25519() {
  const {privateKey} = generateKeyPairSync('ed25519');
  const privateJwk = privateKey.export({format: 'jwk'});
  return {privateJwk, publicJwk: publicJwk(privateJwk)};
}

/** sd-jwt Signer: (data) => base64url signature over the ASCII signing input. */
export function signerFor(privateJwk, alg = defaultAlgFor(privateJwk)) {
  const spec = ALGS[alg];
  const key = createPrivateKey({key: privateJwk, format: 'jwk'});
  return async data => sign(
    spec.hash, Buffer.from(data, 'ascii'), {key, dsaEncoding: 'ieee-p1363'}
  ).toString('base64url');
}

/**
 * Checks that `alg` is one we accept and matches the key, then returns an sd-jwt Verifier.
 * Throws (→ not verified) on a mismatch such as an EdDSA header with an EC key or alg "none".
 */
export function verifierFor(jwk, alg) {
  const spec = ALGS[alg];
  if(!spec) {
    throw new Error(`JWS alg ${JSON.stringify(alg)} is not accepted`);
  }
  if(jwk?.kty !== spec.kty || jwk?.crv !== spec.crv) {
    throw new Error(`JWS alg ${alg} does not match the key (kty ${jwk?.kty}, crv ${jwk?.crv})`);
  }
  if(jwk.alg !== undefined && jwk.alg !== alg &&
    !(spec.kty === 'OKP' && ['EdDSA', 'Ed25519'].includes(jwk.alg))) {
    throw new Error(`JWS alg ${alg} differs from the key's "alg" ${jwk.alg}`);
  }
  const key = createPublicKey({key: publicJwk(jwk), format: 'jwk'});
  return async (data, signatureB64u) => verify(
    spec.hash, Buffer.from(data, 'ascii'), {key, dsaEncoding: 'ieee-p1363'},
    Buffer.from(signatureB64u, 'base64url'));
}

/** Decodes the protected header of a compact JWS without trusting it. */
export function decodeHeader(compact) {
  const [h] = compact.split('.');
  try {
    return JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
  } catch{
    throw new Error('JWS protected header is not base64url JSON');
  }
}
