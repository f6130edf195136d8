/**
 * CreditMesh's credential types: JSON-LD contexts, JSON Schemas (2020-12) and SHACL shapes, shipped as
 * resources so that every other module loads them from the class path and never from the network.
 */
package org.creditmesh.schemas;
