package dev.gigstream.messages.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text component said, on purpose, not to be personal data (an id, a code, a currency), so it is
 * stored in clear. Every text component of an event is either this or {@link PersonalData}: a test
 * fails on one that is neither, so a new field cannot leak personal data unnoticed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface NotPersonal {
}
