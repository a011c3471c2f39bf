package nl.meldspoor.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits every service applies to what it is sent, before anything else reads it.
 *
 * @param maxRequestBody the largest request body accepted; larger ones are refused with 413 before they are
 *                       parsed. The default is far above what the field limits ({@code Limits}) allow in one
 *                       command, and far below what would strain memory or Kafka.
 */
@ConfigurationProperties("meldspoor.web")
public record WebLimitsProperties(@DefaultValue("256KB") DataSize maxRequestBody) {
}
