#!/usr/bin/env python3
"""Writes the vcjwt-*, vpjwt-*, vcdm-* and status-* cases of src/test/resources/negative/.

Independent of the Java code on purpose: the JWS are made with Python's `cryptography` package, so the
cases also check that our verifier reads JWS made by another implementation. Keys are fixed (derived
from constant seeds), times are fixed, so re-running gives the same files (EdDSA is deterministic).
Run from identity-service/core: python3 src/test/scripts/generate_vc_negative_cases.py
"""
import base64, copy, gzip, hashlib, hmac, json, os
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives import serialization

OUT = os.path.join(os.path.dirname(__file__), '..', 'resources', 'negative')
NOW = '2026-06-01T00:00:00Z'
NOW_EPOCH = 1780272000  # 2026-06-01T00:00:00Z
B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz'


def b58(data):
    n = int.from_bytes(data, 'big')
    out = ''
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    return '1' * (len(data) - len(data.lstrip(b'\0'))) + out


def b64u(data):
    return base64.urlsafe_b64encode(data).rstrip(b'=').decode()


class Key:
    def __init__(self, label):
        self.seed = hashlib.sha256(label.encode()).digest()
        self.sk = Ed25519PrivateKey.from_private_bytes(self.seed)
        self.pub = self.sk.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        self.multikey = 'z' + b58(bytes([0xed, 0x01]) + self.pub)
        self.did = 'did:key:' + self.multikey
        self.kid = self.did + '#' + self.multikey


ISSUER = Key('creditmesh negative corpus issuer')
HOLDER = Key('creditmesh negative corpus holder')
ATTACKER = Key('creditmesh negative corpus attacker')


def compact(header, payload, key=None, sig=None):
    h = b64u(json.dumps(header, separators=(',', ':')).encode()) if not isinstance(header, bytes) else b64u(header)
    p = b64u(json.dumps(payload, separators=(',', ':')).encode()) if not isinstance(payload, bytes) else b64u(payload)
    if sig is None:
        sig = key.sk.sign((h + '.' + p).encode()) if key else b''
    return h + '.' + p + '.' + b64u(sig)


def credential(issuer=ISSUER, **changes):
    vc = {
        '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
        'id': 'urn:uuid:6a1b8f0e-6c0c-4d41-9a55-3c2f0f1e9b10',
        'type': ['VerifiableCredential', 'ExampleKycCredential'],
        'issuer': issuer.did,
        'validFrom': '2026-01-01T00:00:00Z',
        'validUntil': '2027-01-01T00:00:00Z',
        'credentialSubject': {'id': HOLDER.did, 'kycLevel': 'substantial'},
    }
    for k, v in changes.items():
        if v is None:
            vc.pop(k, None)
        else:
            vc[k] = v
    return vc


def vc_header(key=ISSUER, **extra):
    h = {'alg': 'EdDSA', 'typ': 'vc+jwt', 'kid': key.kid}
    h.update(extra)
    return h


def vc_jwt(payload=None, header=None, key=ISSUER):
    return compact(header or vc_header(key), payload or credential(), key)


def presentation(vc_jwts, holder=HOLDER, nonce='n-0S6_WzA2Mj', aud='https://lender.example/verifier', embedded=None):
    vp = {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        'type': 'VerifiablePresentation',
        'holder': holder.did,
        'verifiableCredential': embedded or [
            {'@context': ['https://www.w3.org/ns/credentials/v2'], 'id': 'data:application/vc+jwt,' + j,
             'type': 'EnvelopedVerifiableCredential'} for j in vc_jwts],
        'nonce': nonce,
        'aud': aud,
    }
    return vp


def vp_header(key=HOLDER):
    return {'alg': 'EdDSA', 'typ': 'vp+jwt', 'kid': key.kid}


KEYS = {
    'issuerDid': ISSUER.did, 'issuerSeedHex': ISSUER.seed.hex(),
    'holderDid': HOLDER.did, 'holderSeedHex': HOLDER.seed.hex(),
    'attackerDid': ATTACKER.did, 'attackerSeedHex': ATTACKER.seed.hex(),
}
VC_CONTEXT = dict(KEYS, now=NOW)
VP_CONTEXT = dict(KEYS, now=NOW, nonce='n-0S6_WzA2Mj', aud='https://lender.example/verifier')


def write(name, description, spec, kind, input_, expected, context=None):
    case = {'description': description, 'spec': spec, 'kind': kind, 'input': input_}
    if context is not None:
        case['context'] = context
    case['expectedCode'] = expected
    with open(os.path.join(OUT, name + '.json'), 'w') as f:
        json.dump(case, f, indent=2)
        f.write('\n')


# ---- vc+jwt -------------------------------------------------------------------------------------------
good = vc_jwt()
h, p, s = good.split('.')
write('vcjwt-alg-none', 'an unsecured JWS (alg none) carrying a valid credential, signature empty',
      'RFC 8725 section 3.1; RFC 7518 section 3.6', 'vc-jwt',
      compact({'alg': 'none', 'typ': 'vc+jwt', 'kid': ISSUER.kid}, credential()), 'alg_none', VC_CONTEXT)
hs_header = {'alg': 'HS256', 'typ': 'vc+jwt', 'kid': ISSUER.kid}
hs_h = b64u(json.dumps(hs_header, separators=(',', ':')).encode())
hs_p = b64u(json.dumps(credential(), separators=(',', ':')).encode())
hs_sig = hmac.new(ISSUER.pub, (hs_h + '.' + hs_p).encode(), hashlib.sha256).digest()
write('vcjwt-hs256-public-key-as-secret', 'HS256 MAC computed with the issuer\'s public key bytes as the HMAC secret (algorithm confusion)',
      'RFC 8725 section 2.1', 'vc-jwt', hs_h + '.' + hs_p + '.' + b64u(hs_sig), 'alg_not_allowed', VC_CONTEXT)
write('vcjwt-unknown-crit', 'a correctly signed vc+jwt whose header marks an unknown extension critical',
      'RFC 7515 section 4.1.11', 'vc-jwt',
      vc_jwt(header=vc_header(crit=['urn:example:policy'], **{'urn:example:policy': 'strict'})), 'unknown_crit', VC_CONTEXT)
write('vcjwt-wrong-typ', 'a correctly signed credential JWS with typ JWT instead of vc+jwt',
      'VC-JOSE-COSE section 3.1.1; RFC 8725 section 3.11', 'vc-jwt', vc_jwt(header=vc_header(typ='JWT')), 'wrong_typ', VC_CONTEXT)
write('vcjwt-missing-typ', 'a correctly signed credential JWS without typ',
      'VC-JOSE-COSE section 3.1.1; RFC 8725 section 3.11', 'vc-jwt',
      vc_jwt(header={'alg': 'EdDSA', 'kid': ISSUER.kid}), 'wrong_typ', VC_CONTEXT)
write('vcjwt-vp-typ-for-credential', 'a credential signed with typ vp+jwt',
      'VC-JOSE-COSE sections 3.1.1, 3.1.2', 'vc-jwt', vc_jwt(header=vc_header(typ='vp+jwt')), 'wrong_typ', VC_CONTEXT)
tampered = credential()
tampered['credentialSubject']['kycLevel'] = 'high'
write('vcjwt-tampered-payload', 'the payload was changed after signing (kycLevel raised); header and signature are the original',
      'RFC 7515 section 5.2', 'vc-jwt', h + '.' + b64u(json.dumps(tampered, separators=(',', ':')).encode()) + '.' + s,
      'signature_invalid', VC_CONTEXT)
write('vcjwt-signed-by-other-key', 'the header names the issuer\'s key but another key signed',
      'RFC 7515 section 5.2', 'vc-jwt', compact(vc_header(ISSUER), credential(), ATTACKER), 'signature_invalid', VC_CONTEXT)
write('vcjwt-kid-of-another-did', 'signed with the attacker\'s own did:key, claiming the victim issuer in the payload',
      'VC-JOSE-COSE section 4.1.1 (kid) and 4.1.2 (iss)', 'vc-jwt', vc_jwt(key=ATTACKER, payload=credential(ISSUER)),
      'issuer_mismatch', VC_CONTEXT)
write('vcjwt-iss-claim-mismatch', 'an iss claim that differs from the credential\'s issuer',
      'VC-JOSE-COSE section 4.1.2', 'vc-jwt', vc_jwt(payload=dict(credential(), iss='did:example:someone-else')),
      'issuer_mismatch', VC_CONTEXT)
write('vcjwt-iss-header-mismatch', 'an iss header parameter that differs from the credential\'s issuer',
      'VC-JOSE-COSE section 4.1.2', 'vc-jwt', vc_jwt(header=vc_header(iss='did:example:someone-else')),
      'issuer_mismatch', VC_CONTEXT)
write('vcjwt-kid-unresolvable', 'a kid in a DID method the resolver does not know',
      'VC-JOSE-COSE section 4.1.1', 'vc-jwt',
      compact({'alg': 'EdDSA', 'typ': 'vc+jwt', 'kid': 'did:example:bank#key-1'},
              dict(credential(), issuer='did:example:bank'), ISSUER), 'key_not_resolved', VC_CONTEXT)
write('vcjwt-missing-kid', 'no kid in the header',
      'VC-JOSE-COSE section 4.1.1', 'vc-jwt', compact({'alg': 'EdDSA', 'typ': 'vc+jwt'}, credential(), ISSUER),
      'key_not_resolved', VC_CONTEXT)
write('vcjwt-alg-not-the-keys', 'alg ES256 on an Ed25519 did:key (the bytes are an Ed25519 signature)',
      'RFC 8725 section 3.1; RFC 7515 section 5.2', 'vc-jwt', vc_jwt(header=vc_header(alg='ES256')), 'alg_not_allowed', VC_CONTEXT)
write('vcjwt-expired', 'a correctly signed credential whose validUntil (2026-03-01) is before now',
      'VCDM 2.0 section 4.9', 'vc-jwt', vc_jwt(payload=credential(validUntil='2026-03-01T00:00:00Z')), 'expired', VC_CONTEXT)
write('vcjwt-not-yet-valid', 'a correctly signed credential whose validFrom (2026-09-01) is after now',
      'VCDM 2.0 section 4.9', 'vc-jwt', vc_jwt(payload=credential(validFrom='2026-09-01T00:00:00Z')), 'not_yet_valid', VC_CONTEXT)
write('vcjwt-exp-claim-passed', 'the JWT exp (signature expiry) is before now',
      'VC-JOSE-COSE section 3.1.3; RFC 7519 section 4.1.4', 'vc-jwt',
      vc_jwt(payload=dict(credential(), exp=NOW_EPOCH - 3600)), 'expired', VC_CONTEXT)
write('vcjwt-nbf-in-future', 'the JWT nbf is after now',
      'RFC 7519 section 4.1.5', 'vc-jwt', vc_jwt(payload=dict(credential(), nbf=NOW_EPOCH + 3600)), 'not_yet_valid', VC_CONTEXT)
write('vcjwt-vc-claim-present', 'a VCDM 1.1-style vc claim in a vc+jwt payload',
      'VC-JOSE-COSE section 3.1.3 (vc and vp MUST NOT be present)', 'vc-jwt',
      vc_jwt(payload=dict(credential(), vc={'type': ['VerifiableCredential']})), 'payload_invalid', VC_CONTEXT)
write('vcjwt-payload-not-a-credential', 'a correctly signed payload without credentialSubject',
      'VCDM 2.0 section 4.8; VC-JOSE-COSE section "Validation"', 'vc-jwt',
      vc_jwt(payload=credential(credentialSubject=None)), 'payload_invalid', VC_CONTEXT)
write('vcjwt-payload-not-json', 'a correctly signed payload that is not JSON',
      'VC-JOSE-COSE section 3.1.1', 'vc-jwt', compact(vc_header(), b'not json', ISSUER), 'payload_invalid', VC_CONTEXT)
write('vcjwt-header-duplicate-alg', 'a header with alg twice (EdDSA, then none)',
      'RFC 7515 section 5.2 step 4 (duplicate header parameter names)', 'vc-jwt',
      compact(('{"alg":"EdDSA","typ":"vc+jwt","kid":"%s","alg":"none"}' % ISSUER.kid).encode(), credential(), ISSUER),
      'malformed_jws', VC_CONTEXT)
write('vcjwt-garbage-segments', 'three segments that are not base64url', 'RFC 7515 section 7.1', 'vc-jwt',
      'eyJ!bad.***.$$$', 'malformed_jws', VC_CONTEXT)
write('vcjwt-two-parts', 'a header and a payload, no signature part', 'RFC 7515 section 7.1', 'vc-jwt',
      h + '.' + p, 'malformed_jws', VC_CONTEXT)
write('vcjwt-four-parts', 'four dot-separated parts', 'RFC 7515 section 7.1', 'vc-jwt',
      good + '.' + s, 'malformed_jws', VC_CONTEXT)
write('vcjwt-padded-base64url', 'base64url with = padding in the signature', 'RFC 7515 section 2', 'vc-jwt',
      good + '==', 'malformed_jws', VC_CONTEXT)
jwe_header = b64u(b'{"alg":"RSA-OAEP-256","enc":"A256GCM","cty":"vc+jwt"}')
write('vcjwt-jwe-compact', 'a five-part JWE compact serialization where a JWS is expected', 'RFC 7516 section 7.1', 'vc-jwt',
      jwe_header + '.' + b64u(b'k' * 32) + '.' + b64u(b'iv-iv-iv-iv') + '.' + b64u(b'ciphertext') + '.' + b64u(b'tag-tag-tag-tag-'),
      'jwe_not_supported', VC_CONTEXT)
v11_payload = {'@context': ['https://www.w3.org/2018/credentials/v1'], 'type': ['VerifiableCredential'],
               'issuer': ISSUER.did, 'issuanceDate': '2026-01-01T00:00:00Z',
               'credentialSubject': {'id': HOLDER.did, 'kycLevel': 'substantial'}}
write('vcjwt-vcdm11-payload', 'a VCDM 1.1 credential as a vc+jwt payload (1.1 JWTs use the vc claim, not this media type)',
      'VC-JOSE-COSE section "Validation" (a VCDM 2.0 document)', 'vc-jwt', vc_jwt(payload=v11_payload), 'payload_invalid', VC_CONTEXT)
write('vcjwt-empty', 'an empty string', 'RFC 7515 section 7.1', 'vc-jwt', '', 'malformed_jws', VC_CONTEXT)

# The enveloped credential of VC-JOSE-COSE section 3.1.2, Example 2: signed with ES384, which we do not accept.
with open(os.path.join(os.path.dirname(__file__), '..', 'resources', 'vc-jose-cose',
                       'example-2-presentation-with-enveloped-credential.json')) as f:
    spec_vp = json.load(f)
spec_jwt = spec_vp['verifiableCredential'][0]['id'].split(',', 1)[1]
write('vcjwt-es384-spec-example', 'the ES384 enveloped credential of the VC-JOSE-COSE example (alg outside EdDSA/ES256/ES256K)',
      'VC-JOSE-COSE section 3.1.2, Example 2', 'vc-jwt', spec_jwt, 'alg_not_allowed', VC_CONTEXT)

# ---- vp+jwt -------------------------------------------------------------------------------------------
inner = vc_jwt()
write('vpjwt-nonce-mismatch', 'a holder-signed presentation answering another challenge', 'VCDM 2.0 section 4.13 (bound to a challenge)',
      'vp-jwt', compact(vp_header(), presentation([inner], nonce='old-nonce'), HOLDER), 'nonce_mismatch', VP_CONTEXT)
write('vpjwt-wrong-audience', 'a holder-signed presentation addressed to another verifier', 'RFC 7519 section 4.1.3',
      'vp-jwt', compact(vp_header(), presentation([inner], aud='https://other.example'), HOLDER), 'audience_mismatch', VP_CONTEXT)
write('vpjwt-signed-by-someone-else', 'the attacker signs a presentation of the holder\'s credential with the attacker\'s own key',
      'VC-JOSE-COSE section 4.1.1; holder binding', 'vp-jwt',
      compact(vp_header(ATTACKER), presentation([inner]), ATTACKER), 'holder_binding_failed', VP_CONTEXT)
write('vpjwt-holder-not-subject', 'the attacker presents, as holder, a credential issued about someone else',
      'holder binding (credentialSubject.id is the holder)', 'vp-jwt',
      compact(vp_header(ATTACKER), presentation([inner], holder=ATTACKER), ATTACKER), 'holder_binding_failed', VP_CONTEXT)
write('vpjwt-tampered-inner-credential', 'the enveloped vc+jwt was altered after the issuer signed it', 'RFC 7515 section 5.2',
      'vp-jwt', compact(vp_header(), presentation([h + '.' + b64u(json.dumps(tampered, separators=(',', ':')).encode()) + '.' + s]), HOLDER),
      'signature_invalid', VP_CONTEXT)
write('vpjwt-embedded-credential', 'a credential embedded as JSON (with a proof object) instead of enveloped',
      'VC-JOSE-COSE section 3.1.2 (MUST use EnvelopedVerifiableCredential)', 'vp-jwt',
      compact(vp_header(), presentation([], embedded=[dict(credential(), proof={'type': 'DataIntegrityProof'})]), HOLDER),
      'payload_invalid', VP_CONTEXT)
write('vpjwt-credential-given-as-presentation', 'a vc+jwt handed to the presentation verifier', 'VC-JOSE-COSE section 3.1.2',
      'vp-jwt', inner, 'wrong_typ', VP_CONTEXT)

# ---- credentials (data model) ---------------------------------------------------------------------------
def vcdm(name, description, section, doc, expected, kind='credential', context=None):
    write('vcdm-' + name, description, 'VCDM 2.0 section ' + section if section[0].isdigit() else section, kind, doc, expected, context)

base = credential()
vcdm('first-context-not-v2', 'the examples context listed before the base context', '4.3',
     dict(base, **{'@context': list(reversed(base['@context']))}), 'invalid_base_context')
vcdm('missing-context', 'no @context', '4.3', credential(**{'@context': None}), 'missing_context')
vcdm('context-not-url', 'a later context entry that is neither a URL nor an object', '4.3',
     dict(base, **{'@context': [base['@context'][0], 'not a url']}), 'invalid_context')
vcdm('unknown-context', 'a context URL the verifier has not vetted', '4.3',
     dict(base, **{'@context': [base['@context'][0], 'https://evil.example/contexts/v1']}), 'unknown_context')
vcdm('missing-type-verifiablecredential', 'type without VerifiableCredential', '4.5',
     credential(type=['ExampleKycCredential']), 'missing_base_type')
vcdm('type-not-strings', 'type is a number', '4.5', credential(type=42), 'invalid_type')
vcdm('missing-issuer', 'no issuer', '4.7', {k: v for k, v in base.items() if k != 'issuer'}, 'missing_issuer')
vcdm('issuer-not-url', 'issuer is a plain name', '4.7', dict(base, issuer='Example Bank'), 'invalid_issuer')
vcdm('issuer-object-without-id', 'issuer object with a name and no id', '4.7', dict(base, issuer={'name': 'Example Bank'}), 'invalid_issuer')
vcdm('missing-credential-subject', 'no credentialSubject', '4.8', credential(credentialSubject=None), 'missing_credential_subject')
vcdm('empty-credential-subject-array', 'credentialSubject is an empty array', '4.8', credential(credentialSubject=[]), 'missing_credential_subject')
vcdm('credential-subject-string', 'credentialSubject is a string', '4.8', credential(credentialSubject=HOLDER.did), 'invalid_credential_subject')
vcdm('validfrom-without-timezone', 'validFrom without a time zone (dateTime, not dateTimeStamp)', '4.9',
     credential(validFrom='2026-01-01T00:00:00'), 'invalid_date_time')
vcdm('validuntil-february-30', 'validUntil on a day that does not exist', '4.9',
     credential(validUntil='2027-02-30T00:00:00Z'), 'invalid_date_time')
vcdm('validfrom-after-validuntil', 'validFrom later than validUntil', '4.9',
     credential(validFrom='2027-06-01T00:00:00Z', validUntil='2027-01-01T00:00:00Z'), 'invalid_validity_period')
vcdm('credential-status-without-type', 'a credentialStatus entry without type', '4.10',
     credential(credentialStatus={'id': 'https://bank.example/status/1#5', 'statusPurpose': 'revocation'}), 'invalid_credential_status')
vcdm('credential-schema-without-id', 'a credentialSchema entry without id', '4.11',
     credential(credentialSchema=[{'type': 'JsonSchema'}]), 'invalid_credential_schema')
vcdm('id-not-url', 'credential id that is not a URL', '4.4', credential(id='credential 42'), 'invalid_id')
v11 = {
    '@context': ['https://www.w3.org/2018/credentials/v1'],
    'type': ['VerifiableCredential'],
    'issuer': ISSUER.did,
    'credentialSubject': {'id': HOLDER.did, 'kycLevel': 'substantial'},
}
vcdm('v11-missing-issuance-date', 'a VCDM 1.1 credential without issuanceDate', 'VCDM 1.1 section 4.6', v11, 'missing_issuance_date')
vcdm('v11-status-without-id', 'a VCDM 1.1 credentialStatus without id', 'VCDM 1.1 section 4.9',
     dict(v11, issuanceDate='2026-01-01T00:00:00Z', credentialStatus={'type': 'StatusList2021Entry'}), 'invalid_credential_status')
vcdm('expired', 'validUntil before now', '4.9', credential(validUntil='2026-03-01T00:00:00Z'), 'expired', context={'now': NOW})
vcdm('not-yet-valid', 'validFrom after now', '4.9', credential(validFrom='2026-09-01T00:00:00Z'), 'not_yet_valid', context={'now': NOW})
vcdm('v11-expired', 'a VCDM 1.1 credential whose expirationDate is before now', 'VCDM 1.1 section 4.7',
     dict(v11, issuanceDate='2025-01-01T00:00:00Z', expirationDate='2026-01-01T00:00:00Z'), 'expired', context={'now': NOW})
vcdm('presentation-string-credential', 'a presentation whose verifiableCredential is a string', '4.13',
     {'@context': ['https://www.w3.org/ns/credentials/v2'], 'type': 'VerifiablePresentation', 'verifiableCredential': [inner]},
     'invalid_verifiable_credential', kind='presentation')
vcdm('presentation-missing-type', 'a presentation without VerifiablePresentation in type', '4.13',
     {'@context': ['https://www.w3.org/ns/credentials/v2'], 'type': 'ExamplePresentation'}, 'missing_base_type', kind='presentation')
vcdm('enveloped-credential-not-data-url', 'an EnvelopedVerifiableCredential whose id is an https URL', '4.13.1',
     {'@context': ['https://www.w3.org/ns/credentials/v2'], 'type': 'VerifiablePresentation',
      'verifiableCredential': [{'@context': 'https://www.w3.org/ns/credentials/v2', 'id': 'https://bank.example/vc/1',
                                'type': 'EnvelopedVerifiableCredential'}]},
     'invalid_enveloped_credential', kind='presentation')

# ---- status checks ------------------------------------------------------------------------------------
LIST_URL = 'https://bank.example/status/1'


def encoded(raw):
    return 'u' + b64u(gzip.compress(raw, mtime=0))


def status_list(encoded_list, purpose='revocation', **changes):
    c = {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        'id': LIST_URL,
        'type': ['VerifiableCredential', 'BitstringStatusListCredential'],
        'issuer': ISSUER.did,
        'validFrom': '2026-01-01T00:00:00Z',
        'credentialSubject': {'id': LIST_URL + '#list', 'type': 'BitstringStatusList',
                              'statusPurpose': purpose, 'encodedList': encoded_list},
    }
    c.update(changes)
    return c


def entry(index='94567', purpose='revocation', **changes):
    e = {'id': LIST_URL + '#' + str(index), 'type': 'BitstringStatusListEntry', 'statusPurpose': purpose,
         'statusListIndex': index, 'statusListCredential': LIST_URL}
    for k, v in changes.items():
        if v is None:
            e.pop(k, None)
        else:
            e[k] = v
    return e


FULL = encoded(bytes(16384))
SC = {'now': NOW}


def status(name, description, section, entry_, list_, expected):
    write('status-' + name, description, 'Bitstring Status List v1.0 section ' + section, 'status-check',
          {'entry': entry_, 'statusListCredential': list_}, expected, SC)

status('index-out-of-range', 'index 131072 in a list of 131,072 entries (0..131071)', '3.2 (RANGE_ERROR)',
       entry('131072'), status_list(FULL), 'status_index_out_of_range')
status('purpose-mismatch', 'a suspension entry checked against a revocation list', '3.2 (STATUS_VERIFICATION_ERROR)',
       entry(purpose='suspension'), status_list(FULL), 'status_purpose_mismatch')
status('list-too-short', 'a list of 8,192 entries (1 KB), below the 131,072 minimum', '3.2 (STATUS_LIST_LENGTH_ERROR)',
       entry('5'), status_list(encoded(bytes(1024))), 'status_list_too_short')
status('gzip-bomb', 'an encodedList of ~8 KB that inflates to 8 MiB', '3.4; gzip bomb guard',
       entry('5'), status_list(encoded(bytes(8 << 20))), 'status_list_too_large')
status('not-multibase-base64url', 'encodedList with the base58btc prefix z instead of u', '2.2 (encodedList)',
       entry(), status_list('z' + FULL[1:]), 'invalid_encoded_list')
status('padded-base64url', 'encodedList with = padding', '2.2 (base64url with no padding)',
       entry(), status_list('u' + base64.urlsafe_b64encode(gzip.compress(bytes(16384), mtime=0)).decode() + ('=' if len(FULL) % 4 else '==')),
       'invalid_encoded_list')
status('not-gzip', 'encodedList that is base64url of plain bytes, not GZIP', '2.2 (GZIP-compressed)',
       entry(), status_list('u' + b64u(bytes(16384))), 'invalid_encoded_list')
status('index-not-a-string', 'statusListIndex given as a JSON number', '2.1 (statusListIndex)',
       entry(statusListIndex=94567), status_list(FULL), 'invalid_status_entry')
status('index-negative', 'statusListIndex "-1"', '2.1 (statusListIndex)', entry('-1'), status_list(FULL), 'invalid_status_entry')
status('entry-wrong-type', 'an entry of type StatusList2021Entry', '2.1 (type)',
       entry(type='StatusList2021Entry'), status_list(FULL), 'invalid_status_entry')
status('size-without-messages', 'statusSize 2 without statusMessage', '2.1 (statusSize)',
       entry(statusSize=2), status_list(FULL), 'invalid_status_entry')
wrong_subject = status_list(FULL)
wrong_subject['credentialSubject']['type'] = 'StatusList2021'
status('list-subject-wrong-type', 'a status list whose subject type is StatusList2021', '2.2 (credentialSubject.type)',
       entry(), wrong_subject, 'invalid_status_list_credential')
status('list-id-mismatch', 'the fetched list names another URL as its id (a list replayed from elsewhere)', '2.2 (id)',
       entry(), status_list(FULL, id='https://bank.example/status/2'), 'status_list_mismatch')
status('list-expired', 'the status list credential\'s validUntil is before now', '2.2 (validUntil); VCDM 2.0 section 4.9',
       entry(), status_list(FULL, validUntil='2026-02-01T00:00:00Z'), 'status_list_not_current')
print('written')

# ---- valid counterparts (the same keys and times), read by VcJwtInteropTest ---------------------------
os.makedirs(os.path.join(OUT, '..', 'interop'), exist_ok=True)
with open(os.path.join(OUT, '..', 'interop', 'python-cryptography-vc-jwt.json'), 'w') as f:
    json.dump({'description': 'vc+jwt and vp+jwt made by Python cryptography (Ed25519, did:key) with the negative '
                              'corpus keys; both must verify at now',
               'now': NOW, 'nonce': VP_CONTEXT['nonce'], 'aud': VP_CONTEXT['aud'],
               'issuerDid': ISSUER.did, 'holderDid': HOLDER.did,
               'credential': credential(), 'vcJwt': inner,
               'vpJwt': compact(vp_header(), presentation([inner]), HOLDER)}, f, indent=2)
    f.write('\n')
