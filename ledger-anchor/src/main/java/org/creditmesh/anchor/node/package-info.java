/** A local anvil EVM node, installed by the build through npm and started on a free loopback port. */
package org.creditmesh.anchor.node;
