package dev.gigstream.query.worker;

import dev.gigstream.messages.common.ShiftWindow;
import dev.gigstream.messages.worker.Reliability;
import dev.gigstream.query.worker.ReliabilityPolicy.FinishedShift;
import dev.gigstream.query.worker.ReliabilityPolicy.Outcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReliabilityPolicyTest {

    private static final ShiftWindow SHIFT = new ShiftWindow(Instant.parse("2026-12-05T09:00:00Z"),
            Instant.parse("2026-12-05T17:00:00Z"));

    /**
     * A history lists the finished shifts oldest first: {@code N} is a no-show, {@code +15m1s} a completed
     * shift checked into 15 minutes and 1 second after its start ({@code -10m}: 10 minutes early), and
     * {@code 49*} repeats what follows. score = round-half-up(100 × max(0, 1 − (noShows × 1 + late × 0.25) / shifts)).
     */
    @ParameterizedTest(name = "{0} → {4}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            # history             | shifts | no-shows | late | score
            ''                    | 0      | 0        | 0    | none
            +0m                   | 1      | 0        | 0    | 100
            -10m                  | 1      | 0        | 0    | 100
            +14m59s               | 1      | 0        | 0    | 100
            # exactly 15 minutes late is not late; one second more is
            +15m                  | 1      | 0        | 0    | 100
            +15m1s                | 1      | 0        | 1    | 75
            +2h                   | 1      | 0        | 1    | 75
            N                     | 1      | 1        | 0    | 0
            # 100 × (1 − 2 / 1) is below 0: the score stops at 0
            N N                   | 2      | 2        | 0    | 0
            +0m N                 | 2      | 1        | 0    | 50
            # 100 × (1 − 0.25 / 2) = 87.5, rounded half up
            +0m +20m              | 2      | 0        | 1    | 88
            # 100 × (1 − 1 / 3) = 66.67
            2*+0m N               | 3      | 1        | 0    | 67
            # 100 × (1 − 0.25 / 4) = 93.75
            3*+0m +16m            | 4      | 0        | 1    | 94
            # 100 × (1 − (1 + 2 × 0.25) / 8) = 81.25
            5*+0m 2*+30m N        | 8      | 1        | 2    | 81
            # 100 × (1 − 1.75 / 4) = 56.25
            3*+16m N              | 4      | 1        | 3    | 56
            # 100 × (1 − 1 / 40) = 97.5, rounded half up
            39*+0m N              | 40     | 1        | 0    | 98
            50*+0m                | 50     | 0        | 0    | 100
            # 100 × (1 − 1 / 50) = 98: the newest no-show counts
            49*+0m N              | 50     | 1        | 0    | 98
            N 49*+0m              | 50     | 1        | 0    | 98
            # the 51st oldest shift drops out of the window
            N 50*+0m              | 50     | 0        | 0    | 100
            +40m 50*+0m           | 50     | 0        | 0    | 100
            50*+0m N              | 50     | 1        | 0    | 98
            # 100 × (1 − (4 + 3 × 0.25) / 50) = 90.5, rounded half up
            10*N 4*N 43*+0m 3*+20m | 50    | 4        | 3    | 91
            """)
    void theScoreWeighsNoShowsAndLateCheckInsOverTheLastFiftyShifts(String history, int shifts, int noShows, int late,
                                                                    Integer score) {
        assertThat(ReliabilityPolicy.of(shifts(history))).isEqualTo(new Reliability(score, shifts, noShows, late, 0));
    }

    @ParameterizedTest(name = "{0} shifts, {1} no-shows, {2} late, {3} cancellations → {4}")
    @CsvSource(nullValues = "none", textBlock = """
            0,  0, 0, 0, none
            4,  0, 0, 1, 88
            10, 1, 2, 1, 80
            2,  0, 0, 9, 0
            """)
    void aCancellationWeighsHalfANoShow(int shifts, int noShows, int late, int cancellations, Integer score) {
        // 100 × (1 − 0.5 / 4) = 87.5 → 88; 100 × (1 − (1 + 0.5 + 0.5) / 10) = 80
        assertThat(ReliabilityPolicy.score(shifts, noShows, late, cancellations)).isEqualTo(score);
    }

    private static List<FinishedShift> shifts(String history) {
        List<FinishedShift> shifts = new ArrayList<>();
        for (String token : history.isBlank() ? new String[0] : history.trim().split("\\s+")) {
            int star = token.indexOf('*');
            int times = star < 0 ? 1 : Integer.parseInt(token.substring(0, star));
            String shift = token.substring(star + 1);
            for (int i = 0; i < times; i++) {
                String jobId = "job-" + shifts.size();
                shifts.add(shift.equals("N") ? new FinishedShift(jobId, Outcome.NO_SHOW, false)
                        : new FinishedShift(jobId, Outcome.COMPLETED,
                        ReliabilityPolicy.isLate(SHIFT.start().plus(delay(shift)), SHIFT)));
            }
        }
        return shifts;
    }

    /** {@code +15m1s} → PT15M1S, {@code -10m} → -PT10M. */
    private static Duration delay(String token) {
        return Duration.parse((token.startsWith("-") ? "-PT" : "PT") + token.substring(1).toUpperCase());
    }
}
