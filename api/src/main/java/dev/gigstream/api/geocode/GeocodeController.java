package dev.gigstream.api.geocode;

import dev.gigstream.api.web.openapi.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An address as a point on the map, for apps that let a user pick a place by typing it. */
@RestController
@Tag(name = "Geocoding")
class GeocodeController {

    private final Places places;

    GeocodeController(Places places) {
        this.places = places;
    }

    @GetMapping("/api/v1/geocode")
    @Operation(operationId = "geocodeAddress", summary = "Geocode an address in Nigeria (NG) or Ghana (GH)",
            description = "The point and the geocoder's formatted address, as a job's or a worker's address would be "
                    + "resolved, and `geocodedBy`: `GOOGLE` when a Google Maps key is set, else `GAZETTEER`, the offline "
                    + "gazetteer of the cities, towns and districts of Nigeria and Ghana (the embedded default), which "
                    + "answers the most specific place the address names (\"Yaba, Lagos, Nigeria\"). With neither, 400 "
                    + "`COORDINATES_REQUIRED`. Each account may look up a limited number of addresses a minute (429 `RATE_LIMITED`), and the "
                    + "platform's daily budget of calls to Google may be spent (503 `GEOCODING_BUDGET_SPENT`).")
    @ProblemResponse(status = 400, codes = {"ADDRESS_NOT_FOUND", "COORDINATES_REQUIRED"})
    @ProblemResponse(status = 503, codes = {"GEOCODING_UNAVAILABLE", "GEOCODING_BUDGET_SPENT"})
    LocatedAddress geocode(@RequestParam @NotBlank @Size(max = 300) String address,
                            @RequestParam(defaultValue = "NG") @Pattern(regexp = "NG|GH") String country) {
        return places.locate(address.strip(), country);
    }
}
