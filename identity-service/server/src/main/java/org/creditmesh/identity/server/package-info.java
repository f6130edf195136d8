/**
 * The Quarkus identity service: issuer, wallet protocols, lender verification, trust registry and audit.
 *
 * <p>Placeholder until its issue is worked on: the module exists so that the build and the layout are in place.
 */
package org.creditmesh.identity.server;
