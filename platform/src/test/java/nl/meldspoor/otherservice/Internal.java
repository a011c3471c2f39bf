package nl.meldspoor.otherservice;

/** Stands in for another service's internals in the architecture rules' own tests. */
public class Internal {
}
