package dev.gigstream.api.erasure;

import dev.gigstream.api.testsupport.Api;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every read model replayed through the admin's endpoint, one after the other, each to its end. */
final class ReadModelReplays {

    private ReadModelReplays() {
    }

    static List<String> replayEvery(Api api, Api.User admin) {
        List<String> replayed = new ArrayList<>();
        for (JsonNode projection : api.get("/api/v1/admin/projections", admin.accessToken()).expect(200).json()) {
            if (!projection.get("replayable").asBoolean()) {
                continue;
            }
            String name = projection.get("name").asText();
            // another read model of its processor may still be replaying: asked again until it is free
            await().atMost(Duration.ofSeconds(60)).until(() -> api.post("/api/v1/admin/projections/" + name + "/replay",
                    null, admin.accessToken()).status() == 202);
            replayed.add(name);
        }
        assertThat(replayed).isNotEmpty();
        await().atMost(Duration.ofSeconds(120)).until(() -> replayed.stream().noneMatch(name -> replaying(api, admin, name)));
        return replayed;
    }

    private static boolean replaying(Api api, Api.User admin, String name) {
        for (JsonNode projection : api.get("/api/v1/admin/projections", admin.accessToken()).expect(200).json()) {
            if (name.equals(projection.get("name").asText())) {
                return projection.get("replaying").asBoolean();
            }
        }
        return false;
    }
}
