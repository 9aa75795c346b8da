package dev.gigstream.api.json;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Jackson mix-in for {@link dev.gigstream.messages.common.Money}: its {@code isPositive()} and the like
 * are arithmetic, not fields, so money is written as {@code {amount, currency}} only, in answers and in
 * stored events alike (events stored before still read, the extra fields ignored).
 */
@JsonIgnoreProperties({"positive", "zero", "negative"})
public interface MoneyJson {
}
