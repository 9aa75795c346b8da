package dev.gigstream.api.docs;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.PackagedApp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assertions.within;

/**
 * The README's five-minute walkthrough, run as written: the packaged app started by the README's own
 * start line on the embedded default (only that line's settings, a port and a fresh data directory,
 * so payments run in the built-in Paystack sandbox and addresses in the gazetteer, as a new user meets
 * them), then its bash blocks, in order, in one bash with {@code set -euo pipefail}, through real HTTP.
 * The blocks need only bash, curl, sed and GNU date (no jq): a fresh Debian has all but curl, which
 * {@code .ci/run} installs; without curl the test is skipped and says so.
 */
class ReadmeWalkthroughIT {

    static final String HEADING = "## Five-minute walkthrough";
    static final String BASE_LINE = "BASE=${BASE:-http://localhost:8080}";
    static final String START_COMMAND = "java -jar api/target/gigstream.jar";
    private static final Pattern SETTING = Pattern.compile("([A-Z_]+)=('[^']*'|\\S+)\\s+");

    @Test
    void theWalkthroughRunsAsWrittenFromSignUpToThePayoutTheRatingsAndAnAdminsDecision() throws Exception {
        Assumptions.assumeTrue(onPath("curl"), "README walkthrough test skipped: curl is not installed (.ci/run installs it)");
        String readme = readme();
        String blocks = walkthroughBlocks(readme);
        assertThat(blocks).as("the walkthrough lets a caller point it elsewhere").contains(BASE_LINE);
        PackagedApp app = PackagedApp.asNewUser("readme-walkthrough", startSettings(readme)).start();
        try {
            Path work = Files.createTempDirectory("gigstream-walkthrough");
            Path script = work.resolve("walkthrough.sh");
            Files.writeString(script, "set -euo pipefail\n" + blocks + "\nprintf '\\nKEPT JOB_ID=%s ESCROW_ID=%s JOB2=%s ESCROW2=%s"
                    + " DISPUTE_ID=%s WORKER_ID=%s CLIENT=%s WORKER=%s\\n' \"$JOB_ID\" \"$ESCROW_ID\" \"$JOB2\" \"$ESCROW2\""
                    + " \"$DISPUTE_ID\" \"$WORKER_ID\" \"$CLIENT\" \"$WORKER\"\n");
            File output = work.resolve("output.txt").toFile();
            ProcessBuilder bash = new ProcessBuilder("bash", script.toString()).directory(work.toFile())
                    .redirectErrorStream(true).redirectOutput(output);
            bash.environment().put("BASE", "http://127.0.0.1:" + app.port());
            Process process = bash.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("the walkthrough did not finish within 5 minutes:\n" + Files.readString(output.toPath()));
            }
            String printed = Files.readString(output.toPath());
            assertThat(process.exitValue()).as("the walkthrough's exit status; it printed:\n%s\nthe app logged %s",
                    printed, app.log()).isZero();
            theWalkthroughReachedItsEnd(app.api(), kept(printed), printed);
        } finally {
            app.stop();
        }
    }

    private static void theWalkthroughReachedItsEnd(Api api, Map<String, String> kept, String printed) {
        assertThat(printed).as("the application's answers").contains("\"eligible\":true")
                .contains("\"workerId\":\"" + kept.get("WORKER_ID") + "\"").contains("/sandbox/checkout/").contains("\"geocodedBy\":\"GAZETTEER\"");
        String client = kept.get("CLIENT");
        assertThat(api.get("/api/v1/jobs/" + kept.get("JOB_ID"), client).expect(200).json().get("status").asString())
                .isEqualTo("COMPLETED");
        JsonNode escrow = api.get("/api/v1/escrows/" + kept.get("ESCROW_ID"), client).expect(200).json();
        assertThat(escrow.get("status").asString()).isEqualTo("RELEASED");
        assertThat(escrow.get("released").get("amount").asLong()).isEqualTo(1_500_000);
        List<JsonNode> ledger = new ArrayList<>();
        escrow.get("ledger").forEach(ledger::add);
        assertThat(ledger.stream().mapToLong(entry -> entry.get("amount").asLong()).sum()).as("the ledger balances").isZero();
        assertThat(ledger.stream().filter(entry -> entry.get("eventType").asString().equals("PayoutCompleted"))
                .map(entry -> entry.get("entryId").asString().substring(0, entry.get("entryId").asString().lastIndexOf('-')))
                .distinct()).as("one transfer paid the worker").hasSize(1);
        JsonNode ratings = api.get("/api/v1/jobs/" + kept.get("JOB_ID") + "/ratings", kept.get("WORKER")).expect(200).json();
        assertThat(ratings.get("revealed").asBoolean()).isTrue();
        assertThat(ratings.get("items")).hasSize(2);
        JsonNode placed = api.get("/api/v1/jobs/" + kept.get("JOB2"), client).expect(200).json();
        assertThat(placed.get("geocodedBy").asString()).as("the second job placed offline").isEqualTo("GAZETTEER");
        assertThat(placed.get("location").get("lat").asDouble()).as("Yaba's latitude").isCloseTo(6.511, within(0.02));
        assertThat(api.get("/api/v1/disputes/" + kept.get("DISPUTE_ID"), client).expect(200).json().get("status").asString())
                .isEqualTo("RESOLVED");
        assertThat(api.get("/api/v1/escrows/" + kept.get("ESCROW2"), client).expect(200).json().get("status").asString())
                .isEqualTo("SPLIT");
    }

    /** The settings on the README's start line ({@code NAME=value ... java -jar ...}), as a shell would pass them. */
    static Map<String, String> startSettings(String readme) {
        String line = readme.lines().filter(l -> l.endsWith(START_COMMAND) && l.contains("=")).findFirst()
                .orElseThrow(() -> new AssertionError("the walkthrough names its start line ending in " + START_COMMAND));
        Map<String, String> settings = new HashMap<>();
        Matcher setting = SETTING.matcher(line.substring(0, line.length() - START_COMMAND.length()));
        while (setting.lookingAt()) {
            settings.put(setting.group(1), setting.group(2).replaceAll("^'|'$", ""));
            setting.region(setting.end(), setting.regionEnd());
        }
        assertThat(settings).as("the start line's settings").containsKey("GIGSTREAM_ADMIN_EMAIL");
        return settings;
    }

    /** The README at the root of the repository (tests run in the module's directory). */
    static String readme() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path readme = dir.resolve("README.md");
            if (Files.exists(readme) && Files.exists(dir.resolve("mvnw"))) {
                return Files.readString(readme);
            }
        }
        throw new IllegalStateException("No README.md above " + Path.of("").toAbsolutePath());
    }

    /** Every fenced bash block under the walkthrough's heading, up to the next heading of its level, in order. */
    static String walkthroughBlocks(String readme) {
        List<String> lines = readme.lines().toList();
        int start = lines.indexOf(HEADING);
        assertThat(start).as("the README has a section '%s'", HEADING).isNotNegative();
        StringBuilder blocks = new StringBuilder();
        boolean inBash = false;
        boolean inOther = false;
        int count = 0;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (!inBash && !inOther && line.startsWith("## ")) {
                break;
            }
            if (inBash || inOther) {
                if (line.startsWith("```")) {
                    inBash = false;
                    inOther = false;
                } else if (inBash) {
                    blocks.append(line).append('\n');
                }
            } else if (line.equals("```bash")) {
                inBash = true;
                count++;
            } else if (line.startsWith("```")) {
                inOther = true;
            }
        }
        assertThat(count).as("bash blocks under '%s'", HEADING).isPositive();
        return blocks.toString();
    }

    private static Map<String, String> kept(String printed) {
        String line = printed.lines().filter(l -> l.startsWith("KEPT ")).reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("the walkthrough kept nothing:\n" + printed));
        Map<String, String> kept = new HashMap<>();
        for (String pair : line.substring("KEPT ".length()).split(" ")) {
            String[] nameValue = pair.split("=", 2);
            assertThat(nameValue[1]).as("%s after the walkthrough; it printed:\n%s", nameValue[0], printed).isNotBlank();
            kept.put(nameValue[0], nameValue[1]);
        }
        return kept;
    }

    private static boolean onPath(String command) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        return dirs.stream().anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, command)));
    }
}
