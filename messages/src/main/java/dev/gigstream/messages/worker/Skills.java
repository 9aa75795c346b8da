package dev.gigstream.messages.worker;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The skill vocabulary's normal form: trimmed, inner whitespace collapsed, lower case, duplicates
 * removed, order of first appearance kept. "Barista ", "barista" and "BARISTA" are one skill.
 */
public final class Skills {

    public static final int MAX_LENGTH = 40;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} &+./'-]*");

    private Skills() {
    }

    public static String normalize(String skill) {
        if (skill == null) {
            throw new IllegalArgumentException("a skill must not be null");
        }
        String normal = WHITESPACE.matcher(skill.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
        if (normal.isEmpty() || normal.length() > MAX_LENGTH || !ALLOWED.matcher(normal).matches()) {
            throw new IllegalArgumentException("a skill is 1 to " + MAX_LENGTH
                    + " letters, digits, spaces or & + . / ' - and starts with a letter or digit");
        }
        return normal;
    }

    public static List<String> normalize(Collection<String> skills) {
        return skills.stream().map(Skills::normalize).distinct().toList();
    }
}
