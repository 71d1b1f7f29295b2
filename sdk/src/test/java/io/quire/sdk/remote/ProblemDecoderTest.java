package io.quire.sdk.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quire.sdk.QuireException;
import org.junit.jupiter.api.Test;

class ProblemDecoderTest {
    static JsonNode json(String s) throws Exception {
        return Wire.MAPPER.readTree(s);
    }

    static QuireException decode(ProblemType type, String extra) throws Exception {
        return ProblemDecoder.decode(type.status(), json("{\"type\":\"" + type.uri() + "\",\"title\":\"" + type.title()
                + "\",\"status\":" + type.status() + ",\"detail\":\"why\"" + extra + "}"));
    }

    @Test
    void eachProblemTypeComesBackAsItsExceptionKind() throws Exception {
        assertInstanceOf(QuireException.NotFound.class, decode(ProblemType.NOT_FOUND, ""));
        assertInstanceOf(QuireException.InvalidRequest.class, decode(ProblemType.INVALID_REQUEST, ""));
        assertInstanceOf(QuireException.InvalidRequest.class, decode(ProblemType.MALFORMED_JSON, ""));
        assertInstanceOf(QuireException.InvalidRequest.class, decode(ProblemType.UNAUTHORIZED, ""));
        assertInstanceOf(QuireException.AlreadyExists.class, decode(ProblemType.ALREADY_EXISTS, ""));
        assertInstanceOf(QuireException.Unavailable.class, decode(ProblemType.UNAVAILABLE, ""));
        assertInstanceOf(QuireException.Unavailable.class, decode(ProblemType.INTERNAL, ""));
        assertEquals("why", decode(ProblemType.NOT_FOUND, "").getMessage());
    }

    @Test
    void aPreconditionFailureKeepsTheCurrentRevision() throws Exception {
        var e = (QuireException.PreconditionFailed) decode(ProblemType.PRECONDITION_FAILED, ",\"currentRevision\":\"" + "a".repeat(40) + "\"");
        assertEquals("a".repeat(40), e.currentRevision());
        var absent = (QuireException.PreconditionFailed) decode(ProblemType.PRECONDITION_FAILED, ",\"currentRevision\":null");
        assertEquals(null, absent.currentRevision());
    }

    @Test
    void violationsAndSchemaProblemsKeepTheirPaths() throws Exception {
        var v = (QuireException.SchemaViolation) decode(ProblemType.SCHEMA_VIOLATION,
                ",\"violations\":[{\"path\":\"/emails/0\",\"message\":\"expected a string\"}]");
        assertEquals("/emails/0", v.violations().get(0).path());
        var s = (QuireException.InvalidSchema) decode(ProblemType.INVALID_SCHEMA,
                ",\"problems\":[{\"line\":3,\"column\":7,\"path\":\"types.t\",\"message\":\"bad\"}]");
        assertEquals(3, s.problems().get(0).line());
        assertEquals("types.t", s.problems().get(0).path());
    }

    @Test
    void answersThatAreNotOurProblemsMapByStatus() throws Exception {
        assertInstanceOf(QuireException.Unavailable.class, ProblemDecoder.decode(502, json("{\"error\":\"bad gateway\"}")));
        assertInstanceOf(QuireException.NotFound.class, ProblemDecoder.byStatus(404, "x"));
        assertTrue(ProblemDecoder.byStatus(503, "x").isTransient());
        assertInstanceOf(QuireException.InvalidRequest.class, ProblemDecoder.byStatus(418, "x"));
    }
}
