package dev.gigstream.api.docs;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The README's five-minute walkthrough, run as written: its bash blocks, in order, in one bash with
 * {@code set -euo pipefail}, against this app through real HTTP. Like the embedded default the README
 * starts, the app has no Paystack key, so the walkthrough's hire meets {@code PAYMENTS_NOT_CONFIGURED}.
 * The blocks need only bash, curl, sed and GNU date (no jq): a fresh Debian has all but curl, which
 * {@code .ci/run} installs; without curl the test is skipped and says so.
 */
@PostgresIT
@TestPropertySource(properties = "gigstream.paystack.secret-key=")
class ReadmeWalkthroughIT {

    static final String HEADING = "## Five-minute walkthrough";
    static final String BASE_LINE = "BASE=${BASE:-http://localhost:8080}";

    @LocalServerPort
    int port;

    @Autowired
    Api api;

    @Test
    void theWalkthroughRunsAsWrittenAndTheClientSeesTheWorkerAmongTheApplicants() throws Exception {
        Assumptions.assumeTrue(onPath("curl"), "README walkthrough test skipped: curl is not installed (.ci/run installs it)");
        String blocks = walkthroughBlocks(readme());
        assertThat(blocks).as("the walkthrough lets a caller point it elsewhere").contains(BASE_LINE);

        Path work = Files.createTempDirectory("gigstream-walkthrough");
        Path script = work.resolve("walkthrough.sh");
        Files.writeString(script, "set -euo pipefail\n" + blocks
                + "\nprintf '\\nKEPT JOB_ID=%s WORKER_ID=%s CLIENT=%s\\n' \"$JOB_ID\" \"$WORKER_ID\" \"$CLIENT\"\n");
        File output = work.resolve("output.txt").toFile();
        ProcessBuilder bash = new ProcessBuilder("bash", script.toString()).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(output);
        bash.environment().put("BASE", "http://127.0.0.1:" + port);
        Process process = bash.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("the walkthrough did not finish within 3 minutes:\n" + Files.readString(output.toPath()));
        }
        String printed = Files.readString(output.toPath());

        assertThat(process.exitValue()).as("the walkthrough's exit status; it printed:\n%s", printed).isZero();
        Map<String, String> kept = kept(printed);
        assertThat(printed).as("the application's answer").contains("\"eligible\":true")
                .contains("\"code\":\"PAYMENTS_NOT_CONFIGURED\"").contains("\"status\":\"OPEN\"");
        JsonNode applicants = api.get("/api/v1/jobs/" + kept.get("JOB_ID") + "/applicants", kept.get("CLIENT"))
                .expect(200).json();
        assertThat(applicants.get("items").findValuesAsString("workerId")).containsExactly(kept.get("WORKER_ID"));
        assertThat(printed).as("the applicants the walkthrough printed").contains("\"workerId\":\"" + kept.get("WORKER_ID") + "\"");
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
