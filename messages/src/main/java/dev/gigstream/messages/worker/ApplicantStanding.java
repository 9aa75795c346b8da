package dev.gigstream.messages.worker;

/** What a job needs to know about a worker who applies: do they exist, have a profile, are they suspended. */
public record ApplicantStanding(boolean registered, boolean hasProfile, boolean suspended) {

    public static ApplicantStanding unknown() {
        return new ApplicantStanding(false, false, false);
    }
}
