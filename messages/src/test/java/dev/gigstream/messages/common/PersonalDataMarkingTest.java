package dev.gigstream.messages.common;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The marking rule on records made for the test (it is pointed at the real events in issue 26's next step). */
class PersonalDataMarkingTest {

    record Place(@PersonalData(subject = "ownerId") String line, @NotPersonal String ownerId, GeoPoint point) {
    }

    record RatingGiven(@NotPersonal String ratingId, @NotPersonal String raterId, int stars,
                       @PersonalData(subject = "raterId") String comment,
                       @PersonalData(subject = "raterId") GeoPoint where,
                       List<Place> places, Currency currency) {
    }

    record Unmarked(@NotPersonal String id, String bio) {
    }

    record UnmarkedInsideAList(@NotPersonal String id, List<Unmarked> items) {
    }

    record UnmarkedContainers(@NotPersonal String id, List<String> tags, Map<String, Integer> counts,
                              Optional<String> nickname, String[] aliases) {
    }

    record WrongSubject(@NotPersonal String id, @PersonalData(subject = "workerId") String name,
                        @PersonalData(subject = "note") String note) {
    }

    record Both(@NotPersonal String id, @NotPersonal @PersonalData(subject = "id") String email) {
    }

    record Listed(@NotPersonal String id, String code) {
    }

    @Test
    void recordsWhoseTextIsAllMarkedPass() {
        assertThat(PersonalDataMarking.violations(List.of(RatingGiven.class, Money.class, ShiftWindow.class), Set.of())).isEmpty();
    }

    @Test
    void aTextComponentNeitherMarkedNorListedFails() {
        assertThat(PersonalDataMarking.violations(List.of(Unmarked.class), Set.of()))
                .containsExactly("Unmarked.bio holds text but is neither @PersonalData nor @NotPersonal");
    }

    @Test
    void recordsNestedInListsAreCheckedToo() {
        assertThat(PersonalDataMarking.violations(List.of(UnmarkedInsideAList.class), Set.of()))
                .containsExactly("Unmarked.bio holds text but is neither @PersonalData nor @NotPersonal");
    }

    @Test
    void textInsideContainersCounts() {
        assertThat(PersonalDataMarking.violations(List.of(UnmarkedContainers.class), Set.of())).containsExactlyInAnyOrder(
                "UnmarkedContainers.tags holds text but is neither @PersonalData nor @NotPersonal",
                "UnmarkedContainers.counts holds text but is neither @PersonalData nor @NotPersonal",
                "UnmarkedContainers.nickname holds text but is neither @PersonalData nor @NotPersonal",
                "UnmarkedContainers.aliases holds text but is neither @PersonalData nor @NotPersonal");
    }

    @Test
    void aSubjectMustBeAnotherComponentOfTheSameRecord() {
        assertThat(PersonalDataMarking.violations(List.of(WrongSubject.class), Set.of())).containsExactlyInAnyOrder(
                "WrongSubject.name names subject 'workerId', not another component of WrongSubject",
                "WrongSubject.note names subject 'note', not another component of WrongSubject");
    }

    @Test
    void aComponentCannotBeBothPersonalAndNot() {
        assertThat(PersonalDataMarking.violations(List.of(Both.class), Set.of()))
                .containsExactly("Both.email is both personal and not personal");
    }

    @Test
    void theExplicitListExcusesAComponent() {
        assertThat(PersonalDataMarking.violations(List.of(Listed.class), Set.of())).hasSize(1);
        assertThat(PersonalDataMarking.violations(List.of(Listed.class), Set.of("Listed.code"))).isEmpty();
    }
}
