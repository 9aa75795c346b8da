package dev.gigstream.messages.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record component holding personal data: something that identifies or locates a person, or that a
 * person wrote. The stored event keeps it encrypted with that person's own key, so that deleting the
 * key erases it (docs/personal-data.md). {@link #subject()} names the component of the same record
 * whose value identifies the person, e.g. {@code @PersonalData(subject = "raterId") String comment}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface PersonalData {

    /** The name of the component of the same record whose value is the id of the person the data belongs to. */
    String subject();
}
