#!/usr/bin/env node
// An independent OpenID4VCI 1.0 wallet: the OpenWallet Foundation's @openid4vc/openid4vci client runs the
// pre-authorized code flow against an issuer (offer by reference, issuer + authorization server metadata,
// token with tx_code, c_nonce, jwt key proof, credential request) with a fresh holder key from panva's jose.
// It checks the protocol as that library does; the Java test then verifies the credential it received.
import {EXIT_FAILED, EXIT_OK, emit, parseCli, run, UsageError} from './lib/cli.mjs';

const SCRIPT = 'oid4vci-wallet';
const USAGE = 'node oid4vci-wallet.mjs <openid-credential-offer URI> [--tx-code CODE] [--alg ES256|EdDSA] ' +
  '[--route https://published=http://reached]';

await run(SCRIPT, async () => {
  const {Openid4vciClient} = await import('@openid4vc/openid4vci');
  const {clientAuthenticationAnonymous} = await import('@openid4vc/oauth2');
  const jose = await import('jose');
  const {createHash, randomBytes} = await import('node:crypto');
  const {values, positionals} = parseCli({
    positionals: 1,
    usage: USAGE,
    options: {'tx-code': {type: 'string'}, alg: {type: 'string'}, route: {type: 'string'}}
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
  emit({
    script: SCRIPT,
    issued: credentials.length > 0,
    credentialIssuer: credentialOffer.credential_issuer,
    detectedVersion: issuerMetadata.originalDraftVersion,
    credentialConfigurationId,
    format: issuerMetadata.credentialIssuer.credential_configurations_supported[credentialConfigurationId]?.format,
    credentials,
    holderPublicJwk: publicJwk
  }, credentials.length > 0 ? EXIT_OK : EXIT_FAILED);
});
