package dev.gigstream.command.job;

import dev.gigstream.messages.job.JobLimits;
import dev.gigstream.messages.job.PostJob;
import dev.gigstream.messages.worker.Skills;

import java.time.Duration;
import java.util.List;

/**
 * What a client may post: a paid shift (pay above zero) that starts in the future and lasts at
 * most a day, needing one to ten skills from the vocabulary. Returns the skills in normal form.
 */
final class JobPostingPolicy {

    static final Duration MAX_SHIFT = Duration.ofHours(JobLimits.MAX_SHIFT_HOURS);
    /** How far ahead a shift may start: further than this is a typo, not a booking. */
    static final Duration HORIZON = Duration.ofDays(JobLimits.HORIZON_DAYS);
    static final int MAX_REQUIRED_SKILLS = 10;

    private JobPostingPolicy() {
    }

    static List<String> check(PostJob command) {
        if (!command.shift().start().isAfter(command.postedAt())) {
            throw JobRefused.shiftInThePast(command.jobId());
        }
        if (command.shift().start().isAfter(command.postedAt().plus(HORIZON))) {
            throw JobRefused.shiftTooFarAhead(command.jobId(), JobLimits.HORIZON_DAYS);
        }
        if (command.shift().length().compareTo(MAX_SHIFT) > 0) {
            throw JobRefused.shiftTooLong(command.jobId(), MAX_SHIFT);
        }
        if (!command.pay().isPositive()) {
            throw JobRefused.payNotPositive(command.jobId());
        }
        if (command.pay().amount() > JobLimits.MAX_PAY) {
            throw JobRefused.payTooLarge(command.jobId(), JobLimits.MAX_PAY);
        }
        List<String> skills;
        try {
            skills = Skills.normalize(command.requiredSkills());
        } catch (IllegalArgumentException e) {
            throw JobRefused.invalidSkill(command.jobId(), e.getMessage());
        }
        if (skills.isEmpty() || skills.size() > MAX_REQUIRED_SKILLS) {
            throw JobRefused.requiredSkillCount(command.jobId(), MAX_REQUIRED_SKILLS);
        }
        return skills;
    }
}
