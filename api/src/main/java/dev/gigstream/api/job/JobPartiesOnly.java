package dev.gigstream.api.job;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint acting on the job named by its path's {@code {jobId}} (or on a dispute about a job, by
 * {@code {disputeId}}) that only the job's {@link #value() party} may call. {@link JobPartyCheck} refuses anyone else with 403 and {@link #code()} before the
 * body is read or any other rule is applied, so a stranger learns nothing from a refusal (that payments
 * are off, what the body must hold, what state the job is in). The command's own check still decides.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface JobPartiesOnly {

    Party value();

    /** The refusal's code, as the endpoint documents it for a caller who is not the party. */
    String code();

    enum Party { CLIENT, HIRED_WORKER, CLIENT_OR_HIRED_WORKER }
}
