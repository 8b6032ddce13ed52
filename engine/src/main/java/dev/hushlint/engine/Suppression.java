package dev.hushlint.engine;

/**
 * Why a finding does not count.
 *
 * @param kind          {@code inSource} (an inline marker or template metadata) or {@code external} (a baseline)
 * @param justification the reason given, possibly empty
 */
public record Suppression(String kind, String justification) {
}
