package dev.gigstream.api.auth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    @Test
    void aLongUnguessablePasswordIsAccepted() {
        assertThat(PasswordPolicy.weakness("correct horse battery staple", "ada@example.com")).isEmpty();
    }

    @Test
    void aPasswordHasAtLeastTenCharacters() {
        assertThat(PasswordPolicy.weakness("Shrt!9x", null)).contains("must be at least 10 characters");
    }

    @Test
    void aPasswordFitsBcryptsSeventyTwoBytes() {
        String seventyTwoBytes = "ê".repeat(30) + "correcthorse"; // 30 two-byte characters and 12 one-byte ones
        assertThat(PasswordPolicy.weakness(seventyTwoBytes, null)).isEmpty();
        assertThat(PasswordPolicy.weakness(seventyTwoBytes + "s", null)).contains("must be at most 72 bytes");
    }

    @Test
    void runsRepeatsAndWellKnownPasswordsAreTooEasy() {
        assertThat(PasswordPolicy.weakness("zzzzzzzzzzzz", null)).contains("must not be one character repeated");
        assertThat(PasswordPolicy.weakness("1234567890", null)).contains("is too easy to guess");
        assertThat(PasswordPolicy.weakness("0987654321", null)).contains("is too easy to guess");
        assertThat(PasswordPolicy.weakness("QwertyUiop", null)).contains("is too easy to guess");
        assertThat(PasswordPolicy.weakness("Password123", null)).contains("is too easy to guess");
    }

    @Test
    void thePasswordIsNotTheEmail() {
        assertThat(PasswordPolicy.weakness("ada@example.com", " Ada@Example.com")).contains("must not be the email address");
    }
}
