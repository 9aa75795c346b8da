package dev.gigstream.policies.compliance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what would take a deal off the platform in a free text: Nigerian and Ghanaian phone numbers
 * (+234 803 123 4567, 0803 123 4567, +233 24 123 4567, 024 123 4567, in any grouping of spaces,
 * dots, dashes or brackets), ten-digit (NUBAN) account numbers within {@code bankWordDistance}
 * characters of a bank word, e-mail addresses, and phrases such as "pay me directly", "cash only"
 * or "whatsapp me" (plus any configured ones). Amounts, dates, times and postcodes are not phone
 * numbers: only digit runs that form a whole number of the two countries' mobile or fixed-line
 * shapes are. What it finds is masked: the last four digits of a number, the domain of an address.
 */
public final class ContactDetailsPolicy {

    public enum Kind { PHONE_NUMBER, BANK_ACCOUNT, EMAIL_ADDRESS, OFF_PLATFORM_PHRASE }

    /** One thing found, as it may be shown to an admin. */
    public record Finding(Kind kind, String shown) {

        @Override
        public String toString() {
            return switch (kind) {
                case PHONE_NUMBER -> "phone number " + shown;
                case BANK_ACCOUNT -> "account number " + shown;
                case EMAIL_ADDRESS -> "e-mail address " + shown;
                case OFF_PLATFORM_PHRASE -> "\"" + shown + "\"";
            };
        }
    }

    public static final int DEFAULT_BANK_WORD_DISTANCE = 40;

    /** Runs of digit groups joined by at most two separators each; a leading + stays with the first group. */
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![\\p{Alnum}+])\\+?\\d+(?:[ .\\-()]{1,2}\\d+)*(?![\\p{Alnum}])");
    private static final Pattern DIGIT_GROUP = Pattern.compile("\\d+");
    /** Nigeria: 0 or 234 (with a bracketed 0 sometimes kept) and ten digits from 70x, 80x, 81x, 90x, 91x. */
    private static final Pattern NIGERIAN = Pattern.compile("(?:0|234|2340)[789][01]\\d{8}");
    /** Ghana: 0 or 233 and nine digits from 2x (mobile, and 3x fixed lines) or 5x. */
    private static final Pattern GHANAIAN = Pattern.compile("(?:0|233|2330)[235]\\d{8}");
    private static final Pattern NUBAN = Pattern.compile("\\d{10}");
    private static final Pattern BANK_WORD = Pattern.compile("(?i)\\b(?:bank|banks|acct|account|a/c|acc|nuban|transfer"
            + "|gtb|gtbank|guaranty|zenith|access|uba|first ?bank|fcmb|fidelity|union ?bank|sterling|stanbic|ecobank"
            + "|wema|polaris|keystone|opay|palmpay|kuda|moniepoint|providus)\\b");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})");
    private static final List<String> PHRASES = List.of(
            "pay(?:ment)? (?:me )?direct(?:ly)?",
            "pay (?:me )?outside",
            "(?:outside|off) (?:of )?(?:the )?(?:app|platform|gigstream)",
            "pay (?:me )?(?:in )?cash",
            "cash only",
            "cash in hand",
            "whats ?app me",
            "whats ?app (?:on|number|no|line)",
            "wa\\.me/",
            "t\\.me/",
            "telegram me");

    private final List<Pattern> phrases;
    private final int bankWordDistance;

    /** @param extraPhrases     more phrases (plain words, matched whole and case-insensitively) */
    public ContactDetailsPolicy(List<String> extraPhrases, int bankWordDistance) {
        if (bankWordDistance < 0) {
            throw new IllegalArgumentException("bankWordDistance must not be negative");
        }
        List<Pattern> all = new ArrayList<>();
        PHRASES.forEach(phrase -> all.add(Pattern.compile("(?<![\\p{Alnum}])" + phrase)));
        Objects.requireNonNullElse(extraPhrases, List.<String>of()).stream()
                .map(phrase -> normalize(phrase).strip())
                .filter(phrase -> !phrase.isEmpty())
                .forEach(phrase -> all.add(Pattern.compile("(?<![\\p{Alnum}])" + Pattern.quote(phrase) + "(?![\\p{Alnum}])")));
        this.phrases = List.copyOf(all);
        this.bankWordDistance = bankWordDistance;
    }

    public ContactDetailsPolicy() {
        this(List.of(), DEFAULT_BANK_WORD_DISTANCE);
    }

    /** What the text carries that would take a deal off the platform, in the order found; empty when nothing. */
    public List<Finding> findings(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Finding> found = new ArrayList<>();
        Matcher run = DIGIT_RUN.matcher(text);
        while (run.find()) {
            numbersIn(text, run, found);
        }
        Matcher email = EMAIL.matcher(text);
        while (email.find()) {
            found.add(new Finding(Kind.EMAIL_ADDRESS, "…@" + email.group(1).toLowerCase(Locale.ROOT)));
        }
        String normalized = normalize(text);
        for (Pattern phrase : phrases) {
            Matcher matcher = phrase.matcher(normalized);
            if (matcher.find()) {
                found.add(new Finding(Kind.OFF_PLATFORM_PHRASE, matcher.group()));
            }
        }
        return List.copyOf(found);
    }

    /**
     * The phone and account numbers in one run of digit groups: the longest span of whole groups
     * from each starting group that forms a number, the search going on after it.
     */
    private void numbersIn(String text, Matcher run, List<Finding> found) {
        List<String> groups = new ArrayList<>();
        Matcher group = DIGIT_GROUP.matcher(run.group());
        while (group.find()) {
            groups.add(group.group());
        }
        int from = 0;
        while (from < groups.size()) {
            int matchedTo = -1;
            Kind kind = null;
            StringBuilder digits = new StringBuilder();
            for (int to = from; to < groups.size() && digits.length() <= 14; to++) {
                digits.append(groups.get(to));
                Kind candidate = kindOf(digits.toString(), text, run.start(), run.end());
                if (candidate != null) {
                    matchedTo = to;
                    kind = candidate;
                }
            }
            if (kind == null) {
                from++;
                continue;
            }
            String number = String.join("", groups.subList(from, matchedTo + 1));
            found.add(new Finding(kind, "…" + number.substring(number.length() - 4)));
            from = matchedTo + 1;
        }
    }

    private Kind kindOf(String digits, String text, int start, int end) {
        if (NUBAN.matcher(digits).matches() && nearABankWord(text, start, end)) {
            return Kind.BANK_ACCOUNT;
        }
        if (NIGERIAN.matcher(digits).matches() || GHANAIAN.matcher(digits).matches()) {
            return Kind.PHONE_NUMBER;
        }
        return null;
    }

    private boolean nearABankWord(String text, int start, int end) {
        String around = text.substring(Math.max(0, start - bankWordDistance), Math.min(text.length(), end + bankWordDistance));
        return BANK_WORD.matcher(around).find();
    }

    /** Lower case, curly apostrophes straightened, every run of whitespace one space. */
    private static String normalize(String text) {
        return text.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("\\s+", " ");
    }
}
