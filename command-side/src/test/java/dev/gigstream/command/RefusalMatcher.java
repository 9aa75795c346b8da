package dev.gigstream.command;

import dev.gigstream.messages.common.ErrorCode;
import dev.gigstream.messages.common.RefusedException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a {@link RefusedException} carrying the given error code. */
public final class RefusalMatcher extends TypeSafeMatcher<RefusedException> {

    private final ErrorCode code;

    private RefusalMatcher(ErrorCode code) {
        this.code = code;
    }

    public static Matcher<RefusedException> refusedWith(ErrorCode code) {
        return new RefusalMatcher(code);
    }

    @Override
    protected boolean matchesSafely(RefusedException exception) {
        return exception.refusal().code().equals(code.name()) && exception.refusal().kind() == code.kind();
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("a refusal with code ").appendValue(code.name());
    }

    @Override
    protected void describeMismatchSafely(RefusedException exception, Description mismatch) {
        mismatch.appendText("was refused with ").appendValue(exception.refusal());
    }
}
