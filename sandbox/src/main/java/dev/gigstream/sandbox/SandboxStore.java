package dev.gigstream.sandbox;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What Paystack's servers would keep for the sandbox, in the app's own database (tables
 * {@code sandbox_*}), so the embedded default keeps its checkouts, payouts and subscriptions across a
 * restart.
 */
public class SandboxStore {

    /** A checkout: abandoned until paid (success) or declined (failed); a chargeback may follow a payment. */
    public record Transaction(String reference, long id, String accessCode, String email, long amount, String currency,
                              String status, String callbackUrl, String metadata, String planCode, Long fees,
                              Instant paidAt, Instant createdAt, Long disputeId, String disputeStatus) {

        public Transaction paid(long fees, Instant at) {
            return new Transaction(reference, id, accessCode, email, amount, currency, "success", callbackUrl, metadata,
                    planCode, fees, at, createdAt, disputeId, disputeStatus);
        }

        public Transaction withStatus(String newStatus) {
            return new Transaction(reference, id, accessCode, email, amount, currency, newStatus, callbackUrl, metadata,
                    planCode, fees, paidAt, createdAt, disputeId, disputeStatus);
        }

        public Transaction disputed(long dispute, String state) {
            return new Transaction(reference, id, accessCode, email, amount, currency, status, callbackUrl, metadata,
                    planCode, fees, paidAt, createdAt, dispute, state);
        }
    }

    public record Recipient(String code, String type, String name, String accountNumber, String bankCode, String currency) {
    }

    public record Transfer(String reference, long id, String transferCode, String status, long amount, String currency,
                           String reason, String recipientCode, Instant createdAt, Instant updatedAt) {
    }

    public record Refund(long id, String refundReference, String transactionReference, long amount, String currency,
                         String status, Instant createdAt) {
    }

    public record Plan(String planCode, long id, String name, long amount, String interval, String currency,
                       Instant createdAt) {
    }

    public record Subscription(String code, long id, String emailToken, String status, String planCode, String email,
                               long amount, Instant nextPaymentDate, boolean failNextRenewal, Instant createdAt) {

        public Subscription with(String newStatus, Instant next, boolean failNext) {
            return new Subscription(code, id, emailToken, newStatus, planCode, email, amount, next, failNext, createdAt);
        }
    }

    private final JdbcClient jdbc;

    public SandboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Transaction t) {
        jdbc.sql("""
                INSERT INTO sandbox_transaction (reference, id, access_code, email, amount, currency, status, callback_url,
                    metadata, plan_code, fees, paid_at, created_at, dispute_id, dispute_status)
                VALUES (:reference, :id, :accessCode, :email, :amount, :currency, :status, :callbackUrl, :metadata,
                    :planCode, :fees, :paidAt, :createdAt, :disputeId, :disputeStatus)""")
                .param("reference", t.reference()).param("id", t.id()).param("accessCode", t.accessCode())
                .param("email", t.email()).param("amount", t.amount()).param("currency", t.currency())
                .param("status", t.status()).param("callbackUrl", t.callbackUrl()).param("metadata", t.metadata())
                .param("planCode", t.planCode()).param("fees", t.fees()).param("paidAt", time(t.paidAt()))
                .param("createdAt", time(t.createdAt())).param("disputeId", t.disputeId())
                .param("disputeStatus", t.disputeStatus())
                .update();
    }

    public void update(Transaction t) {
        jdbc.sql("""
                UPDATE sandbox_transaction SET status = :status, fees = :fees, paid_at = :paidAt, dispute_id = :disputeId,
                    dispute_status = :disputeStatus WHERE reference = :reference""")
                .param("status", t.status()).param("fees", t.fees()).param("paidAt", time(t.paidAt()))
                .param("disputeId", t.disputeId()).param("disputeStatus", t.disputeStatus())
                .param("reference", t.reference())
                .update();
    }

    public Optional<Transaction> transaction(String reference) {
        return jdbc.sql("SELECT * FROM sandbox_transaction WHERE reference = :r").param("r", reference)
                .query(SandboxStore::transaction).optional();
    }

    public Optional<Transaction> transactionByAccessCode(String accessCode) {
        return jdbc.sql("SELECT * FROM sandbox_transaction WHERE access_code = :a").param("a", accessCode)
                .query(SandboxStore::transaction).optional();
    }

    /** A transaction by our reference or by the sandbox's id, as Paystack's refund takes either. */
    public Optional<Transaction> transactionByReferenceOrId(String referenceOrId) {
        return jdbc.sql("SELECT * FROM sandbox_transaction WHERE reference = :r OR CAST(id AS VARCHAR(20)) = :r")
                .param("r", referenceOrId).query(SandboxStore::transaction).optional();
    }

    public List<Transaction> recentTransactions(int limit) {
        return jdbc.sql("SELECT * FROM sandbox_transaction ORDER BY created_at DESC LIMIT :n").param("n", limit)
                .query(SandboxStore::transaction).list();
    }

    public void insert(Recipient r) {
        jdbc.sql("""
                INSERT INTO sandbox_recipient (recipient_code, type, name, account_number, bank_code, currency)
                VALUES (:code, :type, :name, :accountNumber, :bankCode, :currency)""")
                .param("code", r.code()).param("type", r.type()).param("name", r.name())
                .param("accountNumber", r.accountNumber()).param("bankCode", r.bankCode()).param("currency", r.currency())
                .update();
    }

    public Optional<Recipient> recipient(String code) {
        return jdbc.sql("SELECT * FROM sandbox_recipient WHERE recipient_code = :c").param("c", code)
                .query((rs, n) -> new Recipient(rs.getString("recipient_code"), rs.getString("type"), rs.getString("name"),
                        rs.getString("account_number"), rs.getString("bank_code"), rs.getString("currency")))
                .optional();
    }

    public Optional<Recipient> recipientOf(String type, String accountNumber, String bankCode, String currency) {
        return jdbc.sql("""
                SELECT * FROM sandbox_recipient WHERE type = :type AND account_number = :account
                    AND COALESCE(bank_code, '') = :bank AND COALESCE(currency, '') = :currency""")
                .param("type", type).param("account", accountNumber).param("bank", bankCode == null ? "" : bankCode)
                .param("currency", currency == null ? "" : currency)
                .query((rs, n) -> new Recipient(rs.getString("recipient_code"), rs.getString("type"), rs.getString("name"),
                        rs.getString("account_number"), rs.getString("bank_code"), rs.getString("currency")))
                .optional();
    }

    public void insert(Transfer t) {
        jdbc.sql("""
                INSERT INTO sandbox_transfer (reference, id, transfer_code, status, amount, currency, reason, recipient_code,
                    created_at, updated_at)
                VALUES (:reference, :id, :code, :status, :amount, :currency, :reason, :recipient, :createdAt, :updatedAt)""")
                .param("reference", t.reference()).param("id", t.id()).param("code", t.transferCode())
                .param("status", t.status()).param("amount", t.amount()).param("currency", t.currency())
                .param("reason", t.reason()).param("recipient", t.recipientCode())
                .param("createdAt", time(t.createdAt())).param("updatedAt", time(t.updatedAt()))
                .update();
    }

    /** Moves a transfer from {@code from} to {@code to}; false when it was not in {@code from} (settled meanwhile). */
    public boolean settle(String reference, String from, String to, Instant at) {
        return jdbc.sql("UPDATE sandbox_transfer SET status = :to, updated_at = :at WHERE reference = :r AND status = :from")
                .param("to", to).param("at", time(at)).param("r", reference).param("from", from).update() == 1;
    }

    public Optional<Transfer> transfer(String reference) {
        return jdbc.sql("SELECT * FROM sandbox_transfer WHERE reference = :r").param("r", reference)
                .query(SandboxStore::transfer).optional();
    }

    public List<Transfer> transfers(String status) {
        return jdbc.sql("SELECT * FROM sandbox_transfer WHERE status = :s ORDER BY created_at").param("s", status)
                .query(SandboxStore::transfer).list();
    }

    public List<Transfer> recentTransfers(int limit) {
        return jdbc.sql("SELECT * FROM sandbox_transfer ORDER BY created_at DESC LIMIT :n").param("n", limit)
                .query(SandboxStore::transfer).list();
    }

    public void insert(Refund r) {
        jdbc.sql("""
                INSERT INTO sandbox_refund (id, refund_reference, transaction_reference, amount, currency, status, created_at)
                VALUES (:id, :reference, :transaction, :amount, :currency, :status, :createdAt)""")
                .param("id", r.id()).param("reference", r.refundReference()).param("transaction", r.transactionReference())
                .param("amount", r.amount()).param("currency", r.currency()).param("status", r.status())
                .param("createdAt", time(r.createdAt()))
                .update();
    }

    /** Marks a pending refund processed; false when it was not pending. */
    public boolean process(long refundId) {
        return jdbc.sql("UPDATE sandbox_refund SET status = 'processed' WHERE id = :id AND status = 'pending'")
                .param("id", refundId).update() == 1;
    }

    public Optional<Refund> refund(long id) {
        return jdbc.sql("SELECT * FROM sandbox_refund WHERE id = :id").param("id", id).query(SandboxStore::refund).optional();
    }

    public List<Refund> refunds(String status) {
        return jdbc.sql("SELECT * FROM sandbox_refund WHERE status = :s ORDER BY created_at").param("s", status)
                .query(SandboxStore::refund).list();
    }

    /** What the refunds of a charge add up to, processed or not. */
    public long refunded(String transactionReference) {
        return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM sandbox_refund WHERE transaction_reference = :r")
                .param("r", transactionReference).query(Long.class).single();
    }

    public List<Refund> recentRefunds(int limit) {
        return jdbc.sql("SELECT * FROM sandbox_refund ORDER BY created_at DESC LIMIT :n").param("n", limit)
                .query(SandboxStore::refund).list();
    }

    public void insert(Plan p) {
        jdbc.sql("""
                INSERT INTO sandbox_plan (plan_code, id, name, amount, plan_interval, currency, created_at)
                VALUES (:code, :id, :name, :amount, :interval, :currency, :createdAt)""")
                .param("code", p.planCode()).param("id", p.id()).param("name", p.name()).param("amount", p.amount())
                .param("interval", p.interval()).param("currency", p.currency()).param("createdAt", time(p.createdAt()))
                .update();
    }

    public Optional<Plan> plan(String idOrCode) {
        return jdbc.sql("SELECT * FROM sandbox_plan WHERE plan_code = :c OR CAST(id AS VARCHAR(20)) = :c")
                .param("c", idOrCode)
                .query((rs, n) -> new Plan(rs.getString("plan_code"), rs.getLong("id"), rs.getString("name"),
                        rs.getLong("amount"), rs.getString("plan_interval"), rs.getString("currency"), instant(rs, "created_at")))
                .optional();
    }

    public void insert(Subscription s) {
        jdbc.sql("""
                INSERT INTO sandbox_subscription (subscription_code, id, email_token, status, plan_code, email, amount,
                    next_payment_date, fail_next_renewal, created_at)
                VALUES (:code, :id, :token, :status, :plan, :email, :amount, :next, :failNext, :createdAt)""")
                .param("code", s.code()).param("id", s.id()).param("token", s.emailToken()).param("status", s.status())
                .param("plan", s.planCode()).param("email", s.email()).param("amount", s.amount())
                .param("next", time(s.nextPaymentDate())).param("failNext", s.failNextRenewal())
                .param("createdAt", time(s.createdAt()))
                .update();
    }

    public void update(Subscription s) {
        jdbc.sql("""
                UPDATE sandbox_subscription SET status = :status, next_payment_date = :next, fail_next_renewal = :failNext
                WHERE subscription_code = :code""")
                .param("status", s.status()).param("next", time(s.nextPaymentDate())).param("failNext", s.failNextRenewal())
                .param("code", s.code())
                .update();
    }

    public Optional<Subscription> subscription(String idOrCode) {
        return jdbc.sql("SELECT * FROM sandbox_subscription WHERE subscription_code = :c OR CAST(id AS VARCHAR(20)) = :c")
                .param("c", idOrCode).query(SandboxStore::subscription).optional();
    }

    public List<Subscription> renewingSubscriptions() {
        return jdbc.sql("""
                SELECT * FROM sandbox_subscription WHERE status IN ('active', 'attention') AND next_payment_date IS NOT NULL
                ORDER BY next_payment_date""").query(SandboxStore::subscription).list();
    }

    public List<Subscription> recentSubscriptions(int limit) {
        return jdbc.sql("SELECT * FROM sandbox_subscription ORDER BY created_at DESC LIMIT :n").param("n", limit)
                .query(SandboxStore::subscription).list();
    }

    private static Transaction transaction(ResultSet rs, int row) throws SQLException {
        return new Transaction(rs.getString("reference"), rs.getLong("id"), rs.getString("access_code"),
                rs.getString("email"), rs.getLong("amount"), rs.getString("currency"), rs.getString("status"),
                rs.getString("callback_url"), rs.getString("metadata"), rs.getString("plan_code"),
                (Long) rs.getObject("fees", Long.class), instant(rs, "paid_at"), instant(rs, "created_at"),
                (Long) rs.getObject("dispute_id", Long.class), rs.getString("dispute_status"));
    }

    private static Transfer transfer(ResultSet rs, int row) throws SQLException {
        return new Transfer(rs.getString("reference"), rs.getLong("id"), rs.getString("transfer_code"),
                rs.getString("status"), rs.getLong("amount"), rs.getString("currency"), rs.getString("reason"),
                rs.getString("recipient_code"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static Refund refund(ResultSet rs, int row) throws SQLException {
        return new Refund(rs.getLong("id"), rs.getString("refund_reference"), rs.getString("transaction_reference"),
                rs.getLong("amount"), rs.getString("currency"), rs.getString("status"), instant(rs, "created_at"));
    }

    private static Subscription subscription(ResultSet rs, int row) throws SQLException {
        return new Subscription(rs.getString("subscription_code"), rs.getLong("id"), rs.getString("email_token"),
                rs.getString("status"), rs.getString("plan_code"), rs.getString("email"), rs.getLong("amount"),
                instant(rs, "next_payment_date"), rs.getBoolean("fail_next_renewal"), instant(rs, "created_at"));
    }

    private static Timestamp time(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

}
