#!/usr/bin/env node
// An independent OpenID4VCI 1.0 wallet: the OpenWallet Foundation's @openid4vc/openid4vci client runs the
// pre-authorized code flow against an issuer (offer by reference, issuer + authorization server metadata,
// token with tx_code, c_nonce, jwt key proof, credential request) with a fresh holder key from panva's jose.
// It checks the protocol as that library does; a jwt_vc_json credential is also read as a wallet for that format
// would (OpenID4VCI 1.0 Appendix A.1.1: a VCDM 1.1 JWT whose vc claim has the configuration's
// credential_definition.type), its signature checked with jose against --issuer-jwk when given. The Java test then
// verifies the credential it received.
import {EXIT_FAILED, EXIT_OK, emit, parseCli, readJson, run, UsageError} from './lib/cli.mjs';

const SCRIPT = 'oid4vci-wallet';
const USAGE = 'node oid4vci-wallet.mjs <openid-credential-offer URI> [--tx-code CODE] [--alg ES256|EdDSA] ' +
  '[--route https://published=http://reached] [--issuer-jwk FILE]';

await run(SCRIPT, async () => {
  const {Openid4vciClient} = await import('@openid4vc/openid4vci');
  const {clientAuthenticationAnonymous} = await import('@openid4vc/oauth2');
  const jose = await import('jose');
  const {createHash, randomBytes} = await import('node:crypto');
  const {values, positionals} = parseCli({
    positionals: 1,
    usage: USAGE,
    options: {'tx-code': {type: 'string'}, alg: {type: 'string'}, route: {type: 'string'},
      'issuer-jwk': {type: 'string'}}
  });
  const alg = values.alg ?? 'ES256';
  if(!['ES256', 'EdDSA'].includes(alg)) {
    throw new UsageError(`--alg must be ES256 or EdDSA\nusage: ${USAGE}`);
  }
  let route = url => url;
  if(values.route !== undefined) {
    const eq = values.route.indexOf('=');
    if(eq < 0) {
      throw new UsageError(`--route must be FROM=TO\nusage: ${USAGE}`);
    }
    const from = values.route.slice(0, eq);
    const to = values.route.slice(eq + 1);
    route = url => url.startsWith(from) ? to + url.slice(from.length) : url;
  }
  // The issuer's URLs stay the published https ones inside the library; only where requests go changes.
  const routedFetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    return fetch(route(url), init);
  };
  const {privateKey, publicKey} = await jose.generateKeyPair(alg, {crv: alg === 'EdDSA' ? 'Ed25519' : undefined});
  const publicJwk = await jose.exportJWK(publicKey);
  const client = new Openid4vciClient({
    callbacks: {
      fetch: routedFetch,
      hash: (data, hashAlg) => new Uint8Array(createHash(hashAlg.replace('-', '').toLowerCase()).update(data).digest()),
      generateRandom: length => new Uint8Array(randomBytes(length)),
      clientAuthentication: clientAuthenticationAnonymous(),
      signJwt: async (signer, {header, payload}) => {
        const jwt = await new jose.CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
          .setProtectedHeader(header).sign(privateKey);
        return {jwt, signerJwk: publicJwk};
      }
    }
  });

  const credentialOffer = await client.resolveCredentialOffer(positionals[0]);
  const issuerMetadata = await client.resolveIssuerMetadata(credentialOffer.credential_issuer);
  const credentialConfigurationId = credentialOffer.credential_configuration_ids[0];
  const {accessTokenResponse} = await client.retrievePreAuthorizedCodeAccessTokenFromOffer({
    credentialOffer, issuerMetadata, txCode: values['tx-code']
  });
  const {c_nonce: nonce} = await client.requestNonce({issuerMetadata});
  const {jwt} = await client.createCredentialRequestJwtProof({
    issuerMetadata, credentialConfigurationId, nonce,
    signer: {method: 'jwk', alg, publicJwk}
  });
  const response = await client.retrieveCredentials({
    issuerMetadata, accessToken: accessTokenResponse.access_token, credentialConfigurationId,
    proofs: {jwt: [jwt]}
  });
  const body = response.credentialResponse;
  const credentials = (body.credentials ?? []).map(c => c.credential);
  const configuration = issuerMetadata.credentialIssuer.credential_configurations_supported[credentialConfigurationId];
  let jwtVcJson;
  if(configuration?.format === 'jwt_vc_json' && credentials.length > 0) {
    const issuerJwk = values['issuer-jwk'] === undefined ? undefined : await readJson(values['issuer-jwk'], 'issuer JWK');
    jwtVcJson = await readJwtVcJson(jose, credentials[0], configuration, issuerJwk);
  }
  const ok = credentials.length > 0 && (jwtVcJson === undefined || jwtVcJson.problems.length === 0);
  emit({
    script: SCRIPT,
    issued: credentials.length > 0,
    credentialIssuer: credentialOffer.credential_issuer,
    detectedVersion: issuerMetadata.originalDraftVersion,
    credentialConfigurationId,
    format: issuerMetadata.credentialIssuer.credential_configurations_supported[credentialConfigurationId]?.format,
    credentials,
    jwtVcJson,
    holderPublicJwk: publicJwk
  }, ok ? EXIT_OK : EXIT_FAILED);
});

// What a jwt_vc_json wallet relies on (VCDM 1.1 section 6.3.1): a JWT, the credential in vc, its types covering the
// configuration's credential_definition.type, and iss/sub naming the credential's issuer and subject.
async function readJwtVcJson(jose, jwt, configuration, issuerJwk) {
  const problems = [];
  const header = jose.decodeProtectedHeader(jwt);
  const payload = jose.decodeJwt(jwt);
  const vc = payload.vc;
  const definitionTypes = configuration.credential_definition?.type ?? [];
  if(typeof vc !== 'object' || vc === null || Array.isArray(vc)) {
    problems.push('no vc claim');
  }
  const vcTypes = Array.isArray(vc?.type) ? vc.type : [vc?.type];
  for(const type of definitionTypes) {
    if(!vcTypes.includes(type)) {
      problems.push(`vc.type lacks ${type} of credential_definition.type`);
    }
  }
  const issuer = typeof vc?.issuer === 'object' ? vc?.issuer?.id : vc?.issuer;
  if(payload.iss !== issuer) {
    problems.push('iss is not vc.issuer');
  }
  if(payload.sub !== vc?.credentialSubject?.id) {
    problems.push('sub is not vc.credentialSubject.id');
  }
  let signatureVerified = false;
  if(issuerJwk !== undefined) {
    try {
      await jose.jwtVerify(jwt, await jose.importJWK(issuerJwk, header.alg), {typ: 'JWT', issuer});
      signatureVerified = true;
    } catch(e) {
      problems.push(`jose refused the JWT: ${e.code ?? e.message}`);
    }
  }
  return {typ: header.typ, vcContext: vc?.['@context'], vcTypes, definitionTypes, iss: payload.iss, sub: payload.sub,
    signatureVerified, problems};
}
