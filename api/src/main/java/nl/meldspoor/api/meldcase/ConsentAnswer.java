package nl.meldspoor.api.meldcase;

/** The parents' answer to the request to discuss their child with external professionals. */
public enum ConsentAnswer {
    GIVEN,
    REFUSED
}
