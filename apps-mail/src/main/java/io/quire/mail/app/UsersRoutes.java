package io.quire.mail.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.mail.users.CreateUserOutcome;
import io.quire.mail.users.UserDirectory;
import io.quire.mail.users.UserRecord;
import io.quire.sdk.remote.Wire;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/v1/mail/users} (create) and {@code GET /api/v1/mail/users} (list, without
 * password hashes). Both sit behind the admin token like every API route.
 */
final class UsersRoutes {
    private final UserDirectory directory;
    private final JsonRoutes json;

    UsersRoutes(UserDirectory directory, JsonRoutes json) {
        this.directory = directory;
        this.json = json;
    }

    void mount(Router api) {
        api.post("/mail/users").handler(this::create);
        api.get("/mail/users").handler(ctx -> json.run(ctx, this::list));
    }

    /** Body {@code {"name": "alice@example.org", "password": "...", "aliases": ["al@example.org"]}}; 201 {@code {"name": ...}}. */
    private void create(RoutingContext ctx) {
        JsonNode body;
        try {
            body = ApiProblems.body(ctx);
        } catch (RuntimeException e) {
            ApiProblems.fail(ctx, e);
            return;
        }
        json.run(ctx, () -> {
            if (!body.isObject()) throw ApiProblems.invalid("expected a JSON object {\"name\", \"password\", \"aliases\"}");
            String name = Wire.text(body, "name", "");
            String password = Wire.optionalText(body, "password", "").orElse(null);
            List<String> aliases = new ArrayList<>();
            JsonNode a = body.path("aliases");
            if (!a.isMissingNode() && !a.isNull() && !a.isArray()) throw ApiProblems.invalid("aliases: expected an array of addresses");
            for (JsonNode x : a) {
                if (!x.isTextual()) throw ApiProblems.invalid("aliases: expected an array of addresses");
                aliases.add(x.asText());
            }
            CreateUserOutcome outcome = directory.create(new UserDirectory.NewUser(name, password, aliases));
            return switch (outcome) {
                case CreateUserOutcome.Created c -> new JsonRoutes.Reply(201, c.user().toPublicJson());
                case CreateUserOutcome.Taken t -> throw ApiProblems.exists(t.detail());
                case CreateUserOutcome.Invalid i -> throw ApiProblems.invalid(i.detail());
            };
        });
    }

    private JsonRoutes.Reply list() {
        ObjectNode out = Wire.object();
        ArrayNode users = out.putArray("users");
        for (UserRecord u : directory.list()) users.add(u.toPublicJson());
        return new JsonRoutes.Reply(200, out);
    }
}
