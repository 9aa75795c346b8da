package dev.gigstream.api.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gigstream.api.testsupport.Api;
import dev.gigstream.api.testsupport.FreshStores;
import dev.gigstream.api.testsupport.Marketplace;
import dev.gigstream.api.testsupport.PostgresIT;
import dev.gigstream.client.ApiClient;
import dev.gigstream.client.ApiException;
import dev.gigstream.client.api.AuthApi;
import dev.gigstream.client.api.JobsApi;
import dev.gigstream.client.api.PaymentsApi;
import dev.gigstream.client.api.WebhooksApi;
import dev.gigstream.client.api.WorkersApi;
import dev.gigstream.client.model.ApplicantItem;
import dev.gigstream.client.model.ApplyToJobRequest;
import dev.gigstream.client.model.ApplyToJobResponse;
import dev.gigstream.client.model.AttendancePoint;
import dev.gigstream.client.model.AttendanceRequest;
import dev.gigstream.client.model.EscrowDetails;
import dev.gigstream.client.model.HireWorkerRequest;
import dev.gigstream.client.model.HireWorkerResponse;
import dev.gigstream.client.model.JobDetails;
import dev.gigstream.client.model.JobLocation;
import dev.gigstream.client.model.JobPayAmount;
import dev.gigstream.client.model.LogInRequest;
import dev.gigstream.client.model.MoneyAmount;
import dev.gigstream.client.model.PayoutDetails;
import dev.gigstream.client.model.PaystackEventRequest;
import dev.gigstream.client.model.PostJobRequest;
import dev.gigstream.client.model.RegisterUserRequest;
import dev.gigstream.client.model.RegisterUserResponse;
import dev.gigstream.client.model.ShiftPeriod;
import dev.gigstream.client.model.TokenResponse;
import dev.gigstream.client.model.WorkerAvailabilityItem;
import dev.gigstream.client.model.WorkerHomeLocation;
import dev.gigstream.client.model.WorkerProfileRequest;
import dev.gigstream.paystack.PaystackStandIn;
import dev.gigstream.paystack.WebhookSignature;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Java client generated from the committed OpenAPI document (module {@code client}) runs a shift
 * against the application, from sign-up to the worker's payout. Every call to the application goes
 * through a generated operation, the webhooks too; only Paystack's side is the test's own: its
 * stand-in's records and the signature over the bytes the client sends. A schema or operation the
 * document gets wrong shows up here as a client that does not compile or a request the server refuses.
 */
@PostgresIT
class GeneratedClientIT {

    private static final double LAT = 6.4541;
    private static final double LNG = 3.3947;
    private static final long PAY = 1_500_000;
    private static final long PAYSTACK_FEES = 34_750;

    private final WebhookSignature paystackSignature = new WebhookSignature(FreshStores.PAYSTACK_SECRET);

    @LocalServerPort
    int port;

    @Test
    void aShiftRunsFromSignUpToPayoutThroughTheGeneratedClient() throws Exception {
        ApiClient anonymous = client(null);
        Account clientAccount = signUp(anonymous, RegisterUserRequest.RoleEnum.CLIENT);
        Account workerAccount = signUp(anonymous, RegisterUserRequest.RoleEnum.WORKER);
        ApiClient client = clientAccount.api();
        ApiClient worker = workerAccount.api();
        UUID workerId = workerAccount.userId();

        new WorkersApi(worker).updateWorkerProfile(new WorkerProfileRequest()
                .skills(List.of("barista"))
                .home(new WorkerHomeLocation().lat(LAT).lng(LNG))
                .availability(Arrays.stream(WorkerAvailabilityItem.DayOfWeekEnum.values())
                        .map(day -> new WorkerAvailabilityItem().dayOfWeek(day).from("00:00").to("24:00")).toList())
                .payout(new PayoutDetails().bankCode("058").accountNumber(accountNumber()).accountName("Ada Obi")));

        JobsApi clientJobs = new JobsApi(client);
        JobsApi workerJobs = new JobsApi(worker);
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(30); // check-in opens an hour before
        UUID jobId = clientJobs.postJob(new PostJobRequest()
                .title("Barista for a launch")
                .description("Espresso bar")
                .requiredSkills(List.of("barista"))
                .location(new JobLocation().lat(LAT).lng(LNG).address("1 Marina, Lagos"))
                .shift(new ShiftPeriod().start(start).end(start.plusHours(8)))
                .pay(new JobPayAmount().amount(PAY).currency(JobPayAmount.CurrencyEnum.NGN)), UUID.randomUUID().toString()).getJobId();

        ApplyToJobResponse applied = workerJobs.applyToJob(jobId, UUID.randomUUID().toString(),
                new ApplyToJobRequest().note("Five years behind an espresso bar"));
        assertThat(applied.getWorkerId()).isEqualTo(workerId);
        assertThat(applied.getEligible()).as("the client will see this worker among the ranked applicants").isTrue();
        assertThat(applied.getReasons()).isEmpty();
        List<ApplicantItem> applicants = eventually(() -> clientJobs.listApplicants(jobId).getItems(),
                items -> items.stream().anyMatch(applicant -> workerId.equals(applicant.getWorkerId())));
        assertThat(applicants.get(0).getMatchedSkills()).containsExactly("barista");

        var hiredAnswer = clientJobs.hireWorkerWithHttpInfo(jobId, new HireWorkerRequest().workerId(workerId));
        HireWorkerResponse hired = hiredAnswer.getData();
        // reading one's own write: the escrow the hire answered, read at the hire's Read-Position
        Long hirePosition = Long.valueOf(hiredAnswer.getHeaders().get("Read-Position").get(0));
        PaymentsApi clientPayments = new PaymentsApi(client);
        assertThat(clientPayments.getEscrow(hired.getEscrowId(), hirePosition).getStatus())
                .isEqualTo(EscrowDetails.StatusEnum.AWAITING_FUNDING);
        assertThat(hired.getAmount()).isEqualTo(new MoneyAmount().amount(PAY).currency(MoneyAmount.CurrencyEnum.NGN));
        assertThat(hired.getTotal().getAmount()).isGreaterThan(PAY);
        assertThat(hired.getAuthorizationUrl()).startsWith("https://checkout.paystack.com/");

        long total = hired.getTotal().getAmount();
        paystack().markPaid(hired.getReference(), total, "NGN", PAYSTACK_FEES);
        deliverSigned(anonymous, Marketplace.chargeSuccess(hired.getReference(), total, PAYSTACK_FEES));
        EscrowDetails funded = eventually(() -> clientPayments.getEscrow(hired.getEscrowId(), null),
                escrow -> escrow.getStatus() == EscrowDetails.StatusEnum.FUNDED);
        assertThat(funded.getFunded().getAmount()).isEqualTo(total);
        eventually(() -> clientJobs.getJob(jobId, null), job -> job.getStatus() == JobDetails.StatusEnum.FUNDED);

        workerJobs.checkIn(jobId, new AttendanceRequest().location(new AttendancePoint().lat(LAT).lng(LNG)));
        workerJobs.checkOut(jobId, new AttendanceRequest().location(new AttendancePoint().lat(LAT).lng(LNG)));
        eventually(() -> clientJobs.getJob(jobId, null), job -> job.getStatus() == JobDetails.StatusEnum.AWAITING_CONFIRMATION);
        clientJobs.confirmShift(jobId);

        String payout = "gs-pay-" + hired.getEscrowId() + "-1";
        await().atMost(Duration.ofSeconds(20)).until(() -> transfersOf(payout).size() == 1);
        paystack().markTransfer(payout, "success");
        deliverSigned(anonymous, Marketplace.transfer("transfer.success", payout, PAY));

        JobDetails completed = eventually(() -> clientJobs.getJob(jobId, null),
                job -> job.getStatus() == JobDetails.StatusEnum.COMPLETED);
        assertThat(completed.getHiredWorkerId()).isEqualTo(workerId);
        assertThat(completed.getLocation().getAddress()).isEqualTo("1 Marina, Lagos");
        assertThat(clientPayments.getEscrow(hired.getEscrowId(), null).getReleased().getAmount()).isEqualTo(PAY);
    }

    /** The generated client on the running application, sending the access token when there is one. */
    private ApiClient client(String accessToken) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        client.setReadTimeout(Duration.ofSeconds(30));
        if (accessToken != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + accessToken));
        }
        return client;
    }

    /** A new account of {@code role}, signed up and logged in through the public operations. */
    private Account signUp(ApiClient anonymous, RegisterUserRequest.RoleEnum role) throws ApiException {
        AuthApi auth = new AuthApi(anonymous);
        String email = role.getValue().toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        RegisterUserResponse registered = auth.registerUser(new RegisterUserRequest().email(email).password(Api.PASSWORD)
                .fullName("Ada Obi").phone("+2348012345678").role(role), UUID.randomUUID().toString());
        assertThat(registered.getRole().getValue()).isEqualTo(role.getValue());
        TokenResponse tokens = auth.logIn(new LogInRequest().email(email).password(Api.PASSWORD));
        assertThat(tokens.getTokenType()).isEqualTo("Bearer");
        return new Account(registered.getUserId(), client(tokens.getAccessToken()));
    }

    private record Account(UUID userId, ApiClient api) {
    }

    /**
     * Paystack's delivery, sent through the generated webhook operation. The client writes the event with
     * its own mapper, so the signature is made over exactly the bytes that mapper writes.
     */
    private void deliverSigned(ApiClient anonymous, String delivery) throws ApiException, IOException {
        ObjectMapper json = anonymous.getObjectMapper();
        PaystackEventRequest event = json.readValue(delivery, PaystackEventRequest.class);
        String signature = paystackSignature.sign(json.writeValueAsBytes(event));
        new WebhooksApi(anonymous).receivePaystackEvent(signature, event);
    }

    private static PaystackStandIn paystack() {
        return FreshStores.paystack();
    }

    private static List<PaystackStandIn.Request> transfersOf(String reference) {
        return paystack().requests().stream()
                .filter(request -> request.method().equals("POST") && request.path().equals("transfer"))
                .filter(request -> reference.equals(request.body().path("reference").asText()))
                .toList();
    }

    private static String accountNumber() {
        return String.format("%010d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 10_000_000_000L));
    }

    private static <T> T eventually(Callable<T> read, Predicate<T> until) {
        return await().atMost(Duration.ofSeconds(20)).until(read, until);
    }
}
