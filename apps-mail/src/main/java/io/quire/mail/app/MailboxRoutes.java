package io.quire.mail.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.mail.store.MailStore;
import io.quire.mail.store.MailStoreException;
import io.quire.mail.store.MailboxInfo;
import io.quire.mail.store.MailboxSnapshot;
import io.quire.mail.store.MessageEntry;
import io.quire.mail.store.UserMail;
import io.quire.sdk.remote.Wire;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The routes import and export use, one user's mail at a time:
 * <ul>
 *   <li>{@code POST /mail/users/{user}/import}: a batch ({@link ImportRequest}) appended in order,
 *       missing mailboxes created; answers the UID each message got;</li>
 *   <li>{@code GET /mail/users/{user}/mailboxes}: names, UIDVALIDITY, UIDNEXT, counts;</li>
 *   <li>{@code GET /mail/users/{user}/mailboxes/{name}/messages?after=UID&limit=N}: messages in UID
 *       order with flags, internal date and the raw bytes in base64; {@code next} is the {@code after}
 *       of the following page, null at the end. A name with {@code /} is sent as {@code %2F}.</li>
 * </ul>
 * Source UIDs are kept where that cannot reuse a UID ({@link UserMail#importKeepingUids}): a
 * mailbox that never handed out a UID takes the source's UIDVALIDITY, then every source UID at or
 * above UIDNEXT is kept, and UIDNEXT is raised to the source's. Any other message (the mailbox held
 * mail under its own UIDVALIDITY, or no UID was given) gets a fresh UID from UIDNEXT; the order is
 * kept either way, each mailbox's messages being stored in the order sent. The answer's
 * {@code uidsKept} counts the messages stored under their source UID.
 */
final class MailboxRoutes {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    /** Raw bytes per page: base64 makes it a third larger, well under the API's 16 MiB body limit for clients too. */
    static final long PAGE_BYTES = 8L * 1024 * 1024;

    private final MailStore store;
    private final JsonRoutes json;

    MailboxRoutes(MailStore store, JsonRoutes json) {
        this.store = store;
        this.json = json;
    }

    void mount(Router api) {
        api.post("/mail/users/:user/import").handler(this::importBatch);
        api.get("/mail/users/:user/mailboxes").handler(ctx -> json.run(ctx, () -> mailboxes(ctx.pathParam("user"))));
        api.get("/mail/users/:user/mailboxes/:name/messages").handler(ctx -> {
            long after;
            int limit;
            try {
                after = number(ctx, "after", 0);
                limit = (int) Math.min(MAX_LIMIT, Math.max(1, number(ctx, "limit", DEFAULT_LIMIT)));
            } catch (RuntimeException e) {
                ApiProblems.fail(ctx, e);
                return;
            }
            json.run(ctx, () -> messages(ctx.pathParam("user"), ctx.pathParam("name"), after, limit));
        });
    }

    private UserMail user(String name) {
        return store.user(name).orElseThrow(() -> ApiProblems.notFound("no mail user named '" + name + "' on this node"));
    }

    private void importBatch(RoutingContext ctx) {
        ImportRequest request;
        try {
            request = ImportRequest.parse(ApiProblems.body(ctx));
        } catch (RuntimeException e) {
            ApiProblems.fail(ctx, e);
            return;
        }
        String user = ctx.pathParam("user");
        json.run(ctx, () -> {
            UserMail mail = user(user);
            Set<String> created = new LinkedHashSet<>();
            for (ImportRequest.Folder f : request.mailboxes()) {
                ensure(mail, f.name(), created);
                if (f.subscribed()) mail.subscribe(f.name(), true);
                // Before its messages: a mailbox that never handed out a UID takes the source's UIDVALIDITY.
                if (f.uidValidity() > 0) mail.importKeepingUids(f.name(), new UserMail.KeptUids(f.uidValidity(), 0, List.of(), List.of()));
            }
            ObjectNode out = Wire.object();
            ArrayNode results = Wire.MAPPER.createArrayNode();
            int kept = 0;
            List<ImportRequest.Message> all = request.messages();
            for (int i = 0; i < all.size(); ) {
                ImportRequest.Message first = all.get(i);
                List<UserMail.NewMessage> run = new ArrayList<>();
                List<Long> uids = new ArrayList<>();
                int start = i;
                for (; i < all.size() && all.get(i).mailbox().equals(first.mailbox())
                        && all.get(i).sourceUidValidity().equals(first.sourceUidValidity()); i++) {
                    run.add(new UserMail.NewMessage(all.get(i).raw(), all.get(i).flags(), all.get(i).internalDate()));
                    uids.add(all.get(i).sourceUid().orElse(0));
                }
                ensure(mail, first.mailbox(), created);
                List<UserMail.Appended> appended = first.sourceUidValidity().isPresent()
                        ? mail.importKeepingUids(first.mailbox(), new UserMail.KeptUids(first.sourceUidValidity().getAsLong(), 0, run, uids))
                        : mail.appendAll(first.mailbox(), run);
                for (int k = 0; k < appended.size(); k++) {
                    ImportRequest.Message m = all.get(start + k);
                    UserMail.Appended a = appended.get(k);
                    ObjectNode r = results.addObject().put("mailbox", m.mailbox()).put("uid", a.uid()).put("uidValidity", a.uidValidity());
                    m.sourceUid().ifPresent(u -> r.put("sourceUid", u));
                    if (m.sourceUid().isPresent() && m.sourceUid().getAsLong() == a.uid()
                            && m.sourceUidValidity().getAsLong() == a.uidValidity()) kept++;
                }
            }
            // After the messages: UIDNEXT up to the source's, so later mail never takes a UID the source used.
            for (ImportRequest.Folder f : request.mailboxes())
                if (f.uidValidity() > 0 && f.uidNext() > 0)
                    mail.importKeepingUids(f.name(), new UserMail.KeptUids(f.uidValidity(), f.uidNext(), List.of(), List.of()));
            out.put("appended", results.size());
            out.put("uidsKept", kept);
            created.forEach(out.putArray("createdMailboxes")::add);
            out.set("messages", results);
            return new JsonRoutes.Reply(200, out);
        });
    }

    private static void ensure(UserMail mail, String name, Set<String> created) {
        if (mail.mailbox(name).isPresent()) return;
        try {
            mail.create(name, Optional.empty());
            created.add(name);
        } catch (MailStoreException e) {
            if (e.kind() != MailStoreException.Kind.ALREADY_EXISTS) throw e; // created meanwhile: fine
        }
    }

    private JsonRoutes.Reply mailboxes(String user) {
        ObjectNode out = Wire.object();
        ArrayNode list = out.putArray("mailboxes");
        for (MailboxInfo m : user(user).mailboxes()) {
            ObjectNode o = list.addObject().put("name", m.name());
            m.specialUse().ifPresentOrElse(s -> o.put("specialUse", s), () -> o.putNull("specialUse"));
            o.put("subscribed", m.subscribed()).put("uidValidity", m.uidValidity()).put("uidNext", m.uidNext())
                    .put("highestModseq", m.highestModseq()).put("messages", m.messages()).put("unseen", m.unseen());
        }
        return new JsonRoutes.Reply(200, out);
    }

    private JsonRoutes.Reply messages(String user, String mailbox, long after, int limit) {
        UserMail mail = user(user);
        MailboxSnapshot snap = mail.snapshot(mailbox);
        ObjectNode out = Wire.object().put("mailbox", snap.mailbox().name()).put("uidValidity", snap.mailbox().uidValidity());
        ArrayNode list = out.putArray("messages");
        long bytes = 0;
        long last = -1;
        boolean more = false;
        for (MessageEntry e : snap.messages()) {
            if (e.uid() <= after) continue;
            if (list.size() >= limit || (bytes > 0 && bytes + e.size() > PAGE_BYTES)) {
                more = true;
                break;
            }
            byte[] raw = mail.body(e);
            ObjectNode m = list.addObject().put("uid", e.uid()).put("internalDate", e.internalDate().toString())
                    .put("size", raw.length).put("id", e.id());
            new TreeSet<>(e.flags()).forEach(m.putArray("flags")::add);
            m.put("raw", Base64.getEncoder().encodeToString(raw));
            bytes += raw.length;
            last = e.uid();
        }
        if (more) out.put("next", last);
        else out.putNull("next");
        return new JsonRoutes.Reply(200, out);
    }

    private static long number(RoutingContext ctx, String name, long fallback) {
        String v = ctx.request().getParam(name);
        if (v == null || v.isEmpty()) return fallback;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiProblems.invalid(name + ": expected a number, got '" + v + "'");
        }
    }
}
