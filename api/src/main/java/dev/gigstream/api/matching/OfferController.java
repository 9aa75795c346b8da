package dev.gigstream.api.matching;

import dev.gigstream.messages.common.Money;
import dev.gigstream.api.web.openapi.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A worker's live job offers, from their offer queue. Applying to an offered job accepts it. */
@RestController
@RequestMapping("/api/v1/workers")
@Tag(name = "Workers")
class OfferController {

    private final LiveOffers offers;
    private final Clock clock;

    OfferController(LiveOffers offers, Clock clock) {
        this.offers = offers;
        this.clock = clock;
    }

    @GetMapping("/me/offers")
    @PreAuthorize("hasRole('WORKER')")
    @Operation(operationId = "listOffers", summary = "The signed-in worker's live job offers, best first",
            description = "Each offer lasts until it lapses (expiresIn seconds) or the job is hired, cancelled or expires; "
                    + "apply to the job to accept it. 503 OFFERS_UNAVAILABLE while the offer store (Redis) does not "
                    + "answer: offers then arrive as job.match notifications only.")
    @ProblemResponse(status = 503, codes = "OFFERS_UNAVAILABLE")
    Offers offers(@AuthenticationPrincipal Jwt worker) {
        Instant now = clock.instant();
        return new Offers(offers.of(worker.getSubject(), now).stream().map(offer -> Offer.of(offer, now)).toList());
    }

    @Schema(name = "JobOfferList")
    record Offers(List<Offer> items) {
    }

    /** {@code distanceKm} from the worker's home to the site, to 0.1 km; {@code expiresIn} whole seconds. */
    @Schema(name = "JobOfferItem")
    record Offer(String jobId, String title, Money pay, Double distanceKm, long expiresIn) {

        static Offer of(LiveOffers.LiveOffer offer, Instant now) {
            return new Offer(offer.jobId(), offer.title(), offer.pay(),
                    offer.distanceKm() == null ? null : Math.round(offer.distanceKm() * 10) / 10.0,
                    Math.max(0, Duration.between(now, offer.expiresAt()).toSeconds()));
        }
    }
}
