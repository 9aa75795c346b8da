package dev.gigstream.sms;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Phone numbers as people type them, read with Google's libphonenumber and its numbering plans:
 * {@code +234 803 123 4567}, {@code 0803-123-4567} in Nigeria or {@code 024 123 4567} in Ghana all
 * become one E.164 form ({@code +2348031234567}), the one form stored and sent. Only numbers that can
 * receive a text are valid targets: mobile numbers, and those the plan cannot tell from fixed lines
 * ({@code FIXED_LINE_OR_MOBILE}); a landline, a toll-free or premium number is not.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Set<PhoneNumberType> TEXTABLE = Set.of(PhoneNumberType.MOBILE,
            PhoneNumberType.FIXED_LINE_OR_MOBILE);
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private PhoneNumbers() {
    }

    /**
     * {@code raw} in E.164, when it is a valid number that can receive a text. A number without its
     * country code is read as dialled in {@code defaultRegion} (ISO 3166-1 alpha-2, e.g. NG, GH).
     */
    public static Optional<String> e164(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String region = defaultRegion == null ? null : defaultRegion.strip().toUpperCase(Locale.ROOT);
        try {
            PhoneNumber number = UTIL.parse(raw, region);
            if (!UTIL.isValidNumber(number) || !TEXTABLE.contains(UTIL.getNumberType(number))) {
                return Optional.empty();
            }
            return Optional.of(UTIL.format(number, PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The country {@code e164} belongs to ("NG", "GH", ...), "ZZ" when its plan names none. */
    public static String regionOf(String e164) {
        String region = UTIL.getRegionCodeForNumber(parse(e164));
        return region == null ? "ZZ" : region;
    }

    /** {@code e164} as Termii takes it: the international digits without the '+' ({@code 2348031234567}). */
    public static String termiiFormat(String e164) {
        return UTIL.format(parse(e164), PhoneNumberFormat.E164).substring(1);
    }

    private static PhoneNumber parse(String e164) {
        if (e164 == null || !E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("not a number in E.164 (+ and 7 to 15 digits): " + e164);
        }
        try {
            return UTIL.parse(e164, null);
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("not a number in E.164: " + e164, e);
        }
    }
}
