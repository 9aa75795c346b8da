package dev.gigstream.api.reach;

/** Why a delivery was skipped or failed, as its record says. */
public enum DeliveryReason {
    /** The person turned the channel off for the notification's type. */
    PREFERENCE,
    /** The person's quiet hours covered the moment. */
    QUIET_HOURS,
    /** The person's daily text messages were spent. */
    SMS_CAP,
    /** The platform's daily text messages were spent. */
    SMS_BUDGET,
    NO_DEVICE,
    /** No phone number, or none that reads as a number of a country we text. */
    NO_PHONE,
    /** Every device the push went to is unregistered (and forgotten). */
    DEVICE_GONE,
    PROVIDER_REJECTED,
    /** The send was cut short (the instance stopped mid-call): it may have gone out, so it is not sent again. */
    OUTCOME_UNKNOWN,
    RETRIES_EXHAUSTED
}
