/**
 * The Tribuo scorecard: training, evaluation, fairness, private training and the score credential.
 *
 * <p>Placeholder until its issue is worked on: the module exists so that the build and the layout are in place.
 */
package org.creditmesh.scoring;
