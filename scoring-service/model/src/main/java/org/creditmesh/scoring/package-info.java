/**
 * The Tribuo scorecard. {@link org.creditmesh.scoring.TrainingRun} is the entry point of a training run
 * (CSV in; model directory, JSON and HTML report out); {@code data} reads CSV tables, {@code scorecard}
 * bins, fits, scales, scores, stores and fingerprints, {@code evaluation} cross-validates against the
 * one-hot baseline and reports fairness, {@code report} renders the reports.
 */
package org.creditmesh.scoring;
