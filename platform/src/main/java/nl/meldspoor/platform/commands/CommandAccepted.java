package nl.meldspoor.platform.commands;

/**
 * The answer to an accepted command.
 *
 * @param id      what the command created or acted on (the case id, the signal id, ...)
 * @param version the version of the aggregate the command acted on; send it back as {@code If-Match}
 */
public record CommandAccepted(String id, long version) {
}
