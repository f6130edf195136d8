package org.creditmesh.scoring.scorecard;

/**
 * One reason a score is lower than it could be: an attribute whose value scored fewer points than
 * its best bin, as an adverse-action notice states it.
 *
 * @param code stable code of the attribute in this model ({@code R01} is the most informative attribute)
 * @param attribute the attribute
 * @param value the applicant's bin, described
 * @param best the best bin of the attribute, described
 * @param pointsLost points below the best bin
 * @param text a readable sentence
 */
public record ReasonCode(String code, String attribute, String value, String best, double pointsLost, String text) {
}
