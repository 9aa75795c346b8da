package dev.gigstream.api.escrow;

/**
 * The port through which a hire or a premium checkout asks whether money can move at all: without a
 * payment provider configured, both are refused {@code PAYMENTS_NOT_CONFIGURED} before anything happens.
 */
public interface PaymentProvider {

    boolean configured();
}
