package nl.meldspoor.api.meldcase;

import nl.meldspoor.api.common.PersonalData;

/** Whether it was checked which other children live in the household and who cares for them. */
public record Kindcheck(boolean performed, @PersonalData String outcome) {
}
