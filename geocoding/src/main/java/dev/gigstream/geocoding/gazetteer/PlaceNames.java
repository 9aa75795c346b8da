package dev.gigstream.geocoding.gazetteer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names and addresses folded so that they compare as people mean them: lower case, accents dropped
 * ("Sékondi" is "sekondi"), punctuation and runs of spaces as one space ("Ebute-Metta" is "ebute metta").
 */
final class PlaceNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_A_LETTER_OR_DIGIT = Pattern.compile("[^a-z0-9]+");
    private static final Pattern LETTERS_AND_DIGITS = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+");

    /** Words after which the words before them name a street, not a place ("Ikorodu Road", "Lagos St."). */
    private static final Set<String> STREET_WORDS = Set.of("street", "st", "str", "road", "rd", "avenue", "ave", "way",
            "close", "crescent", "cres", "lane", "ln", "drive", "dr", "expressway", "highway", "boulevard", "blvd",
            "bypass", "link", "layout", "loop");

    private PlaceNames() {
    }

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return NOT_A_LETTER_OR_DIGIT.matcher(plain).replaceAll(" ").strip();
    }

    /** A folded word of an address, and where the run of letters and digits it came from starts in the address. */
    record Word(String text, int at) {
    }

    static List<String> words(String text) {
        String folded = fold(text);
        return folded.isEmpty() ? List.of() : List.of(folded.split(" "));
    }

    /** The folded words of {@code address}, each with where it starts there. */
    static List<Word> wordsOf(String address) {
        List<Word> words = new ArrayList<>();
        Matcher run = LETTERS_AND_DIGITS.matcher(address);
        while (run.find()) {
            for (String word : words(run.group())) {
                words.add(new Word(word, run.start()));
            }
        }
        return words;
    }

    static boolean namesAStreet(String word) {
        return STREET_WORDS.contains(word);
    }
}
