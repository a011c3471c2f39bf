package nl.meldspoor.api.meldcase;

import nl.meldspoor.api.common.PersonalData;

/** The principal's approval of a report decision, with optional remarks. */
public record ReportDecisionApproval(@PersonalData String remarks) {
}
