// VC-JOSE-COSE "vc+jwt" (W3C Securing Verifiable Credentials using JOSE and COSE, §3.1.1)
// through panva's jose.
import {CompactSign, importJWK, jwtVerify} from 'jose';
import {defaultAlgFor, publicJwk} from './jwk.mjs';
import {errorMessages} from './cli.mjs';

export const TYP = 'vc+jwt';
const VCDM2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

// Algorithms accepted per key type; jose enforces the list, so an "alg" that does not fit the
// issuer's key (or "none") is rejected before any signature check.
function algorithmsFor(jwk) {
  const alg = defaultAlgFor(jwk);
  return alg === 'EdDSA' ? ['EdDSA', 'Ed25519'] : [alg];
}

function vcdmProblems(payload, nowMs) {
  const problems = [];
  const ctx = payload['@context'];
  if(!Array.isArray(ctx) || ctx[0] !== VCDM2_CONTEXT) {
    problems.push(`payload @context must be an array starting with ${VCDM2_CONTEXT}`);
  }
  const type = Array.isArray(payload.type) ? payload.type : [payload.type];
  if(!type.includes('VerifiableCredential')) {
    problems.push('payload type does not include "VerifiableCredential"');
  }
  const issuer = typeof payload.issuer === 'object' && payload.issuer !== null ?
    payload.issuer.id : payload.issuer;
  if(typeof issuer !== 'string') {
    problems.push('payload has no issuer id');
  }
  if(payload.credentialSubject === undefined) {
    problems.push('payload has no credentialSubject');
  }
  for(const [name, after] of [['validFrom', true], ['validUntil', false]]) {
    if(payload[name] === undefined) {
      continue;
    }
    const t = Date.parse(payload[name]);
    if(Number.isNaN(t)) {
      problems.push(`${name} is not a date-time`);
    } else if(after ? t > nowMs : t < nowMs) {
      problems.push(after ? 'credential is not yet valid (validFrom)' :
        'credential has expired (validUntil)');
    }
  }
  return problems;
}

export async function verifyVcJwt({jwt, issuerJwk, nowMs = Date.now()}) {
  const out = {verified: false, errors: []};
  try {
    const algorithms = algorithmsFor(issuerJwk);
    const {payload, protectedHeader} = await jwtVerify(jwt.trim(), async header => {
      out.alg = header.alg;
      out.typ = header.typ;
      out.cty = header.cty;
      out.kid = header.kid;
      return importJWK(publicJwk(issuerJwk), header.alg);
    }, {typ: TYP, algorithms, currentDate: new Date(nowMs)});
    // jose normalises "application/vc+jwt" to "vc+jwt"; report what was really there
    out.typ = protectedHeader.typ;
    const problems = vcdmProblems(payload, nowMs);
    if(problems.length > 0) {
      out.errors = problems;
      out.credential = payload;
      return out;
    }
    out.credential = payload;
    out.verified = true;
  } catch(e) {
    out.errors = errorMessages(e);
  }
  return out;
}

/** Signs the credential JSON as the JWS payload unchanged (no added JWT claims). */
export async function issueVcJwt({credential, issuerPrivateJwk, kid}) {
  const alg = defaultAlgFor(issuerPrivateJwk);
  const key = await importJWK(issuerPrivateJwk, alg);
  return new CompactSign(new TextEncoder().encode(JSON.stringify(credential)))
    .setProtectedHeader({alg, typ: TYP, cty: 'vc', ...(kid ? {kid} : {})})
    .sign(key);
}
