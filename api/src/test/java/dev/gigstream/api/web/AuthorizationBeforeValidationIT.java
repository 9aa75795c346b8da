package dev.gigstream.api.web;

import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.PostgresIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A caller without the role gets 403 whatever the body, and learns nothing about what it must contain. */
@PostgresIT
class AuthorizationBeforeValidationIT {

    @Autowired
    Api api;

    @Test
    void theRoleIsCheckedBeforeTheBody() {
        var worker = api.signUp("WORKER");
        var client = api.signUp("CLIENT");
        Map<String, Object> invalidJob = Map.of("title", "x");

        var workerPosting = api.post("/api/v1/jobs", invalidJob, worker.accessToken());
        assertThat(workerPosting.status()).as(workerPosting.body()).isEqualTo(403);
        assertThat(workerPosting.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(workerPosting.json().has("errors")).isFalse();
        var notJson = api.post("/api/v1/jobs", "{not json", worker.accessToken());
        assertThat(notJson.status()).isEqualTo(403);

        var clientProfile = api.put("/api/v1/workers/me/profile", Map.of("skills", "not a list"), client.accessToken());
        assertThat(clientProfile.status()).as(clientProfile.body()).isEqualTo(403);

        var adminOnly = api.post("/api/v1/admin/users/" + worker.id() + "/suspend", Map.of(), client.accessToken());
        assertThat(adminOnly.status()).as(adminOnly.body()).isEqualTo(403);

        var clientPosting = api.post("/api/v1/jobs", invalidJob, client.accessToken());
        assertThat(clientPosting.status()).as("the rightful role still gets the validation errors").isEqualTo(400);
        assertThat(clientPosting.json().has("errors")).isTrue();
    }
}
