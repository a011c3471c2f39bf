package nl.meldspoor.platform.commands;

/**
 * The answer to an accepted command.
 *
 * @param id      the aggregate the command acted on (the case id, the signal id, ...)
 * @param version the aggregate's version after the command; send it back as {@code If-Match}
 */
public record CommandAccepted(String id, long version) {
}
