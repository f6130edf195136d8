/**
 * The W3C Verifiable Credentials Data Model: {@link org.creditmesh.core.credential.Credential} and
 * {@link org.creditmesh.core.credential.Presentation} (immutable JSON with typed accessors), the normative
 * rules of VCDM 2.0 section 4 (and of VCDM 1.1, still accepted for verification) in
 * {@link org.creditmesh.core.credential.DataModelValidator}, and enveloped credentials (section 4.13.1).
 * Securing mechanisms live elsewhere: {@code jose} (vc+jwt), {@code sdjwt}, {@code dataintegrity}.
 */
package org.creditmesh.core.credential;
