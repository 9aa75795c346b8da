package dev.gigstream.command.rating;

import dev.gigstream.command.job.Job;
import org.axonframework.modelling.command.Repository;

/** Reads who took part in a job and when it finished from the Job aggregate itself, in the rating's unit of work. */
public class AggregateRatedJobs implements RatedJobs {

    private final Repository<Job> jobs;

    public AggregateRatedJobs(Repository<Job> jobs) {
        this.jobs = jobs;
    }

    @Override
    public RatedJob of(String jobId) {
        return jobs.load(jobId).invoke(Job::ratingTerms);
    }
}
