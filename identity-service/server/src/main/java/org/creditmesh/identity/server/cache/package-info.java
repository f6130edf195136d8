/** In-memory copies of what every verify reads (trust registry, own status lists, organisations), kept in step across replicas. */
package org.creditmesh.identity.server.cache;
