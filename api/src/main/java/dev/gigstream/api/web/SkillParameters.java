package dev.gigstream.api.web;

import dev.gigstream.api.web.problems.InvalidRequestException;
import dev.gigstream.messages.worker.Skills;

import java.util.ArrayList;
import java.util.List;

/** Skills as callers send them, brought to their normal form; a bad one is a 400 naming its place. */
public final class SkillParameters {

    private SkillParameters() {
    }

    /** Normalizes each skill of the list in {@code field}, dropping repeats. */
    public static List<String> normalize(String field, List<String> skills) {
        List<String> normal = new ArrayList<>(skills.size());
        for (int i = 0; i < skills.size(); i++) {
            normal.add(normalize(field + "[" + i + "]", skills.get(i)));
        }
        return normal.stream().distinct().toList();
    }

    public static String normalize(String field, String skill) {
        try {
            return Skills.normalize(skill);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, e.getMessage());
        }
    }
}
