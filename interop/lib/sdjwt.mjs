// SD-JWT (RFC 9901) and SD-JWT VC through the OpenWallet Foundation's @sd-jwt libraries.
import {SDJwtInstance} from '@sd-jwt/core';
import {SDJwtVcInstance} from '@sd-jwt/sd-jwt-vc';
import {digest, generateSalt} from '@sd-jwt/crypto-nodejs';
import {decodeHeader, defaultAlgFor, publicJwk, signerFor, verifierFor} from './jwk.mjs';
import {errorMessages} from './cli.mjs';

export const VC_TYPES = ['dc+sd-jwt', 'vc+sd-jwt'];
// 32 hex characters = 128 bits, the salt entropy RFC 9901 §9.3 recommends
// (generateSalt(n) returns n hex characters, not n bytes).
const SALT_HEX_CHARS = 32;

const hasher = (data, alg) => digest(data, alg);
const saltGenerator = () => generateSalt(SALT_HEX_CHARS);

// The library would fetch a status list over the network when a `status` claim is present;
// the harness is offline, so it refuses instead of silently passing.
const offlineStatusFetcher = async uri => {
  throw new Error(`status list fetching is disabled in the offline harness (uri ${uri})`);
};

/** Issues a dc+sd-jwt with the given top-level claim names selectively disclosable. */
export async function issueSdJwtVc({
  claims, disclose, issuerPrivateJwk, holderJwk, kid
}) {
  const signAlg = defaultAlgFor(issuerPrivateJwk);
  const sdjwt = new SDJwtVcInstance({
    signer: signerFor(issuerPrivateJwk, signAlg),
    signAlg,
    hasher,
    hashAlg: 'sha-256',
    saltGenerator
  });
  const payload = {...claims};
  if(payload.iat === undefined) {
    payload.iat = Math.floor(Date.now() / 1000);
  }
  if(holderJwk) {
    payload.cnf = {jwk: publicJwk(holderJwk)};
  }
  const header = kid ? {kid} : undefined;
  return sdjwt.issue(payload, {_sd: disclose}, header ? {header} : undefined);
}

/**
 * Builds a presentation frame from claim paths: "a" or "a.b.c" (objects only) → {a: {b: {c: true}}}.
 */
export function presentationFrame(paths) {
  const frame = {};
  for(const path of paths) {
    const parts = path.split('.');
    let node = frame;
    parts.forEach((part, i) => {
      if(i === parts.length - 1) {
        node[part] = true;
      } else {
        node = node[part] = typeof node[part] === 'object' ? node[part] : {};
      }
    });
  }
  return frame;
}

/**
 * Holder side: keeps the disclosures for `disclose` (undefined = all) and, with a holder key,
 * appends a KB-JWT over nonce and aud.
 */
export async function presentSdJwt({compact, disclose, holderPrivateJwk, nonce, aud, iat}) {
  const kbSignAlg = holderPrivateJwk ? defaultAlgFor(holderPrivateJwk) : undefined;
  const instance = new SDJwtInstance({
    hasher,
    ...(holderPrivateJwk ? {kbSigner: signerFor(holderPrivateJwk, kbSignAlg), kbSignAlg} : {})
  });
  const frame = disclose ? presentationFrame(disclose) : undefined;
  const options = holderPrivateJwk ?
    {kb: {payload: {iat: iat ?? Math.floor(Date.now() / 1000), aud, nonce}}} : undefined;
  if(frame === undefined) {
    // the library's present(undefined) drops every disclosure; "all" means all presentable keys
    const all = await instance.presentableKeys(compact);
    return instance.present(compact, presentationFrame(all), options);
  }
  return instance.present(compact, frame, options);
}

function collectDigests(value, into) {
  if(Array.isArray(value)) {
    for(const element of value) {
      if(element && typeof element === 'object' && !Array.isArray(element) &&
        Object.keys(element).length === 1 && typeof element['...'] === 'string') {
        into.push(element['...']);
      } else {
        collectDigests(element, into);
      }
    }
  } else if(value && typeof value === 'object') {
    for(const [k, v] of Object.entries(value)) {
      if(k === '_sd' && Array.isArray(v)) {
        into.push(...v.filter(d => typeof d === 'string'));
      } else {
        collectDigests(v, into);
      }
    }
  }
}

/**
 * RFC 9901 §7.1 step 5: every Disclosure must be referenced by a digest in the Issuer-signed
 * JWT (directly or through other Disclosures), and no digest may appear twice (step 3.4). The
 * @sd-jwt libraries (0.19.0) silently drop an unreferenced Disclosure instead of rejecting the
 * SD-JWT, so the harness checks this itself.
 */
async function checkDisclosureReferences(compact, issuerPayload) {
  const parts = compact.trim().split('~');
  const disclosures = parts.slice(1, -1);
  const alg = issuerPayload._sd_alg ?? 'sha-256';
  const referenced = [];
  collectDigests(issuerPayload, referenced);
  const own = new Map();
  for(const d of disclosures) {
    const digestB64 = Buffer.from(await hasher(d, alg)).toString('base64url');
    if(own.has(digestB64)) {
      throw new Error('the same Disclosure appears more than once');
    }
    own.set(digestB64, d);
    let decoded;
    try {
      decoded = JSON.parse(Buffer.from(d, 'base64url').toString('utf8'));
    } catch{
      throw new Error('a Disclosure is not base64url JSON');
    }
    collectDigests(decoded[decoded.length - 1], referenced);
  }
  const seen = new Set();
  for(const digestB64 of referenced) {
    if(seen.has(digestB64)) {
      throw new Error('a digest appears more than once in the SD-JWT');
    }
    seen.add(digestB64);
  }
  const unreferenced = [...own.keys()].filter(x => !seen.has(x));
  if(unreferenced.length > 0) {
    throw new Error(`${unreferenced.length} Disclosure(s) not referenced by any digest ` +
      '(RFC 9901 §7.1)');
  }
}

function splitCompact(compact) {
  const parts = compact.trim().split('~');
  if(parts.length < 2) {
    throw new Error('not an SD-JWT compact serialization (no "~" separator)');
  }
  const last = parts[parts.length - 1];
  return {issuerJwt: parts[0], kbJwt: last === '' ? undefined : last};
}

// Tolerated clock skew for a KB-JWT's iat lying in the future.
const KB_FUTURE_SKEW_SECONDS = 300;

/**
 * Verifies an SD-JWT presentation. SD-JWT VC (typ dc+sd-jwt, or the older vc+sd-jwt) goes
 * through SDJwtVcInstance and must carry a string `vct`; any other typ is verified as a plain
 * RFC 9901 SD-JWT. The KB-JWT, when present, is always checked (signature against cnf.jwk,
 * sd_hash, iat window); nonce, aud and maximum age are checked when given.
 */
export async function verifySdJwt({
  compact, issuerJwk, holderRequired, nonce, aud, now, kbMaxAge
}) {
  const out = {verified: false, errors: []};
  try {
    const {issuerJwt, kbJwt} = splitCompact(compact);
    const header = decodeHeader(issuerJwt);
    out.typ = header.typ;
    out.alg = header.alg;
    const isVc = VC_TYPES.includes(header.typ);
    out.format = isVc ? 'sd-jwt-vc' : 'sd-jwt';
    if(holderRequired && !kbJwt) {
      throw new Error('holder binding required but the presentation has no KB-JWT');
    }
    if((nonce !== undefined || aud !== undefined) && !kbJwt) {
      throw new Error('--nonce/--aud given but the presentation has no KB-JWT');
    }
    let kbAlg;
    let kbPayloadUnverified;
    if(kbJwt) {
      const kbHeader = decodeHeader(kbJwt);
      kbAlg = kbHeader.alg;
      kbPayloadUnverified = JSON.parse(
        Buffer.from(kbJwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
    }
    const config = {
      hasher,
      verifier: verifierFor(issuerJwk, header.alg),
      kbVerifier: async (data, signature, payload) => {
        const cnfJwk = payload?.cnf?.jwk;
        if(!cnfJwk) {
          throw new Error('KB-JWT present but the issuer-signed JWT has no cnf.jwk');
        }
        return verifierFor(cnfJwk, kbAlg)(data, signature);
      },
      ...(isVc ? {statusListFetcher: offlineStatusFetcher} : {})
    };
    const instance = isVc ? new SDJwtVcInstance(config) : new SDJwtInstance(config);
    const options = {};
    if(now !== undefined) {
      options.currentDate = now;
    }
    if(kbJwt) {
      // The library checks the KB-JWT only when given a nonce; without --nonce we still want
      // its signature and sd_hash checked, so we pass its own nonce and report that.
      options.keyBindingNonce = nonce ?? String(kbPayloadUnverified?.nonce ?? '');
    }
    const result = await instance.verify(compact.trim(), options);
    await checkDisclosureReferences(compact,
      JSON.parse(Buffer.from(issuerJwt.split('.')[1], 'base64url').toString('utf8')));
    if(isVc && typeof result.payload?.vct !== 'string') {
      throw new Error('SD-JWT VC has no string "vct" claim');
    }
    if(holderRequired && !result.payload?.cnf?.jwk) {
      throw new Error('holder binding required but the credential has no cnf.jwk');
    }
    if(kbJwt && !result.kb) {
      // the library skips the KB-JWT when it has no nonce to compare; never report that as bound
      throw new Error('KB-JWT present but not checked (it carries no nonce)');
    }
    if(result.kb) {
      out.keyBinding = {present: true, verified: false};
      if(aud !== undefined && result.kb.payload.aud !== aud) {
        throw new Error(`KB-JWT aud ${JSON.stringify(result.kb.payload.aud)} is not ${aud}`);
      }
      // RFC 9901 §7.3 step 5: the KB-JWT's iat must lie in an acceptable window; the library
      // does not look at it.
      const nowSeconds = now ?? Math.floor(Date.now() / 1000);
      const kbIat = result.kb.payload.iat;
      if(typeof kbIat !== 'number' || kbIat > nowSeconds + KB_FUTURE_SKEW_SECONDS) {
        throw new Error('KB-JWT iat is missing or in the future');
      }
      if(kbMaxAge !== undefined && nowSeconds - kbIat > kbMaxAge) {
        throw new Error(`KB-JWT is older than ${kbMaxAge} s`);
      }
      out.keyBinding = {
        present: true,
        verified: true,
        nonce: result.kb.payload.nonce,
        nonceChecked: nonce !== undefined,
        aud: result.kb.payload.aud,
        audChecked: aud !== undefined,
        iat: result.kb.payload.iat
      };
    } else {
      out.keyBinding = {present: false};
    }
    out.claims = result.payload;
    out.verified = true;
  } catch(e) {
    out.errors = errorMessages(e);
  }
  return out;
}
