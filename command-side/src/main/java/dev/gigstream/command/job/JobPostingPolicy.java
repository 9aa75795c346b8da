package dev.gigstream.command.job;

import dev.gigstream.messages.job.PostJob;
import dev.gigstream.messages.worker.Skills;

import java.time.Duration;
import java.util.List;

/**
 * What a client may post: a paid shift (pay above zero) that starts in the future and lasts at
 * most a day, needing one to ten skills from the vocabulary. Returns the skills in normal form.
 */
final class JobPostingPolicy {

    static final Duration MAX_SHIFT = Duration.ofHours(24);
    static final int MAX_REQUIRED_SKILLS = 10;

    private JobPostingPolicy() {
    }

    static List<String> check(PostJob command) {
        if (!command.shift().start().isAfter(command.postedAt())) {
            throw JobRefused.shiftInThePast(command.jobId());
        }
        if (command.shift().length().compareTo(MAX_SHIFT) > 0) {
            throw JobRefused.shiftTooLong(command.jobId(), MAX_SHIFT);
        }
        if (!command.pay().isPositive()) {
            throw JobRefused.payNotPositive(command.jobId());
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
