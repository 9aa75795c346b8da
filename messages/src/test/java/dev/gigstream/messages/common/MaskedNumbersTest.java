package dev.gigstream.messages.common;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class MaskedNumbersTest {

    /** Names that say a component holds a phone or an account number, however it is spelled. */
    private static final Pattern LOOKS_LIKE_A_NUMBER = Pattern.compile(
            "(?i).*(phone|mobile|msisdn|account_?(number|no|num)|acct_?(number|no|num)|iban|nuban).*");

    @Test
    void allButTheLastFourCharactersAreHidden() {
        assertThat(MaskedNumbers.mask("0123456789")).isEqualTo("******6789");
        assertThat(MaskedNumbers.mask("+2348012345678")).isEqualTo("**********5678");
    }

    @Test
    void aNumberOfFourCharactersOrFewerIsHiddenWhole() {
        assertThat(MaskedNumbers.mask("6789")).isEqualTo("****");
        assertThat(MaskedNumbers.mask("89")).isEqualTo("**");
        assertThat(MaskedNumbers.mask("")).isEmpty();
    }

    @Test
    void everyMessageComponentNamedLikeAPhoneOrAccountNumberIsMasked() {
        List<Class<?>> records = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.gigstream.messages").stream()
                .map(JavaClass::reflect).filter(Class::isRecord).<Class<?>>map(type -> type).toList();

        assertThat(records).as("the messages' records are found").hasSizeGreaterThan(100);
        assertThat(unmasked(records)).as("add them to MaskedNumbers.FIELDS").isEmpty();
    }

    @Test
    void aComponentNamedLikeANumberButNotListedIsFound() {
        record Contact(String mobileNumber, String phone, String accountNo, String bankCode, String maskedAccountNumber,
                       boolean phoneVerified) {
        }

        assertThat(unmasked(List.of(Contact.class))).containsExactlyInAnyOrder("Contact.mobileNumber", "Contact.accountNo");
    }

    private static List<String> unmasked(Collection<Class<?>> records) {
        return records.stream()
                .flatMap(type -> Arrays.stream(type.getRecordComponents()))
                .filter(component -> LOOKS_LIKE_A_NUMBER.matcher(component.getName()).matches())
                .filter(component -> component.getType() != boolean.class) // a yes or no about a number (phoneVerified) holds none
                .filter(component -> !component.getName().startsWith("masked")) // masked where it is made, e.g. an export's
                .filter(component -> !MaskedNumbers.FIELDS.contains(component.getName()))
                .map(MaskedNumbersTest::named).toList();
    }

    private static String named(RecordComponent component) {
        return component.getDeclaringRecord().getSimpleName() + "." + component.getName();
    }
}
