package dev.gigstream.api.audit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class MaskedJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aPayoutAccountIsMaskedWhereverItSits() {
        JsonNode payload = JSON.readTree("""
                {"workerId": "w1", "payout": {"bankCode": "058", "accountNumber": "0123456789", "accountName": "Ada Obi"}}""");

        JsonNode masked = MaskedJson.mask(payload);

        assertThat(masked.get("payout").get("accountNumber").asString()).isEqualTo("******6789");
        assertThat(masked.get("payout").get("bankCode").asString()).isEqualTo("058");
        assertThat(masked.get("payout").get("accountName").asString()).isEqualTo("Ada Obi");
        assertThat(masked.get("workerId").asString()).isEqualTo("w1");
    }

    @Test
    void fieldsAreMaskedByTheirNameInAnyShapeNotByTheEventTheyCameIn() {
        JsonNode payload = JSON.readTree("""
                {"contacts": [{"phone": "+2348012345678"}, {"phoneNumber": 233241234567}],
                 "phone": {"home": "0241234567", "others": ["0803123456"]}, "count": 2, "note": null}""");

        JsonNode masked = MaskedJson.mask(payload);

        assertThat(masked.get("contacts").get(0).get("phone").asString()).isEqualTo("**********5678");
        assertThat(masked.get("contacts").get(1).get("phoneNumber").asString()).isEqualTo("********4567");
        assertThat(masked.get("phone").get("home").asString()).isEqualTo("******4567");
        assertThat(masked.get("phone").get("others").get(0).asString()).isEqualTo("******3456");
        assertThat(masked.get("count").asInt()).isEqualTo(2);
        assertThat(masked.get("note").isNull()).isTrue();
    }

    @Test
    void anEmptyOrMissingNumberStaysAsItWas() {
        JsonNode masked = MaskedJson.mask(JSON.readTree("""
                {"accountNumber": null, "phone": ""}"""));

        assertThat(masked.get("accountNumber").isNull()).isTrue();
        assertThat(masked.get("phone").asString()).isEmpty();
    }
}
