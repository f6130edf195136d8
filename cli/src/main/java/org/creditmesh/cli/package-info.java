/** The {@code ./creditmesh} command line: one picocli command per user task. */
package org.creditmesh.cli;
