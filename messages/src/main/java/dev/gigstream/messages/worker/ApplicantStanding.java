package dev.gigstream.messages.worker;

/** What a job needs to know about a worker who applies: have they a profile, are they suspended. */
public record ApplicantStanding(boolean hasProfile, boolean suspended) {

    /** A worker that does not exist has no profile. */
    public static ApplicantStanding unknown() {
        return new ApplicantStanding(false, false);
    }
}
