package io.quire.mail.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quire.mail.delivery.DeliveryResult;
import io.quire.mail.delivery.Envelope;
import io.quire.mail.delivery.MessageContent;
import io.quire.mail.delivery.RecipientCheck;
import io.quire.mail.store.MailStore;
import io.quire.mail.store.MailStoreException;
import io.quire.mail.store.UserMail;
import io.quire.mail.users.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How delivery outcomes of the store become per-recipient results, without sockets. */
class StoreDeliveryTest {
    final Vertx vertx = Vertx.vertx();
    final WorkerExecutor workers = vertx.createSharedWorkerExecutor("test-mail", 2);
    final Addresses addresses = new Addresses(List.of("example.org"));

    @AfterEach
    void close() throws Exception {
        await(vertx.close());
    }

    static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** A store with one user whose every append behaves as {@code append} says. */
    MailStore store(Map<String, UserMail> users) {
        return new MailStore() {
            public Optional<UserMail> user(String name) {
                return Optional.ofNullable(users.get(name));
            }

            public Optional<String> authenticate(String name, String password) {
                return Optional.empty();
            }

            public Optional<String> resolveAddress(String address) {
                String a = Addresses.normalize(address);
                return users.containsKey(a) ? Optional.of(a) : Optional.empty();
            }

            public void close() {
            }
        };
    }

    static UserMail appending(RuntimeException failure) {
        return (UserMail) Proxy.newProxyInstance(UserMail.class.getClassLoader(), new Class<?>[]{UserMail.class}, (p, m, args) -> {
            if (m.getName().equals("append")) {
                if (failure != null) throw failure;
                return new UserMail.Appended(1, 1, "m1");
            }
            if (m.getName().equals("user")) return "u@example.org";
            throw new UnsupportedOperationException(m.getName());
        });
    }

    @Test
    void recipientsShouldBeCheckedAgainstUsersAndDomains() throws Exception {
        StoreDelivery d = new StoreDelivery(store(Map.of("alice@example.org", appending(null))), addresses, workers);
        assertInstanceOf(RecipientCheck.Accepted.class, await(d.checkRecipient("Alice@example.org")));
        var unknown = assertInstanceOf(RecipientCheck.Rejected.class, await(d.checkRecipient("bob@example.org")));
        assertEquals("5.1.1", unknown.failure().status().toString());
        var relay = assertInstanceOf(RecipientCheck.Rejected.class, await(d.checkRecipient("bob@elsewhere.test")));
        assertEquals("5.7.1", relay.failure().status().toString());
    }

    @Test
    void eachRecipientShouldGetItsOwnResultAndFailuresStayTransientUnlessPermanent() throws Exception {
        StoreDelivery d = new StoreDelivery(store(Map.of(
                "ok@example.org", appending(null),
                "full@example.org", appending(new MailStoreException(MailStoreException.Kind.QUOTA, "full")),
                "bug@example.org", appending(new IllegalStateException("bug")))), addresses, workers);
        List<String> rcpts = List.of("ok@example.org", "full@example.org", "bug@example.org", "gone@example.org");
        Envelope env = new Envelope("s@remote.test", rcpts, "client.test", "127.0.0.1", false, Instant.now());
        byte[] p = "X: y\r\n".getBytes(StandardCharsets.US_ASCII);
        List<DeliveryResult> r = await(d.deliver(env, new MessageContent(List.of(p, p, p, p), "\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII))));
        assertInstanceOf(DeliveryResult.Delivered.class, r.get(0));
        assertEquals("4.2.2", assertInstanceOf(DeliveryResult.Failed.class, r.get(1)).failure().status().toString());
        assertEquals("4.3.0", assertInstanceOf(DeliveryResult.Failed.class, r.get(2)).failure().status().toString());
        var gone = assertInstanceOf(DeliveryResult.Failed.class, r.get(3)).failure();
        assertTrue(gone.status().isPermanent() && gone.status().toString().equals("5.1.1"), gone.toString());
    }
}
