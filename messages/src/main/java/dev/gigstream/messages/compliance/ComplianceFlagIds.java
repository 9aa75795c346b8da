package dev.gigstream.messages.compliance;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A flag's id follows from what it is about: its rule, its subject and the keys of the finding (the
 * evidence's event ids, a location signal's id, the set of workers sharing an account), in any order.
 * A policy that finds the same thing again (a replay, a redelivery, a second instance) names the same flag.
 */
public final class ComplianceFlagIds {

    private ComplianceFlagIds() {
    }

    public static String of(ComplianceRule rule, String subjectId, List<String> findingKeys) {
        String key = "compliance:" + rule + ":" + subjectId + ":" + String.join(",", new TreeSet<>(findingKeys));
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
