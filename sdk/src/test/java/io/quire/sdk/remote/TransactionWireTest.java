package io.quire.sdk.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quire.sdk.DocumentId;
import io.quire.sdk.QuireException;
import io.quire.sdk.Revision;
import io.quire.sdk.Transaction;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransactionWireTest {
    static final DocumentId ANN = DocumentId.of("contact", "ann");

    @Test
    void aTransactionSurvivesTheWireWithBlobsAndPreconditions() throws Exception {
        ObjectNode data = (ObjectNode) Wire.MAPPER.readTree("{\"name\":\"Ann\"}");
        byte[] bytes = {0, 1, (byte) 0xfe};
        Transaction tx = Transaction.builder()
                .put(ANN, data, Map.of("avatar", bytes), Optional.of(new Revision("a".repeat(40))))
                .delete(DocumentId.of("note", "n1"))
                .message("why")
                .build();
        Transaction back = TransactionWire.fromJson(Wire.MAPPER.readTree(Wire.bytes(TransactionWire.toJson(tx))));
        assertEquals("why", back.message());
        Transaction.Put put = (Transaction.Put) back.ops().get(0);
        assertEquals(ANN, put.id());
        assertEquals(data, put.data());
        assertArrayEquals(bytes, put.blobs().get("avatar"));
        assertEquals(Optional.of(new Revision("a".repeat(40))), put.ifMatch());
        assertEquals(new Transaction.Delete(DocumentId.of("note", "n1"), Optional.empty()), back.ops().get(1));
    }

    @Test
    void errorsNameTheFailingWrite() {
        var e = assertThrows(QuireException.InvalidRequest.class, () -> TransactionWire.fromJson(Wire.MAPPER.readTree(
                "{\"writes\":[{\"op\":\"delete\",\"type\":\"t\",\"id\":\"x\"},{\"op\":\"put\",\"type\":\"t\",\"id\":\"y\",\"data\":[]}]}")));
        assertEquals("writes[1].data: expected a JSON object", e.getMessage());
        e = assertThrows(QuireException.InvalidRequest.class, () -> TransactionWire.fromJson(Wire.MAPPER.readTree(
                "{\"writes\":[{\"op\":\"put\",\"type\":\"t\",\"id\":\"y\",\"data\":{},\"ifMatch\":\"nope\"}]}")));
        assertEquals("writes[0].ifMatch: expected a revision (40 hex digits)", e.getMessage());
        e = assertThrows(QuireException.InvalidRequest.class, () -> TransactionWire.fromJson(Wire.MAPPER.readTree(
                "{\"writes\":[{\"op\":\"put\",\"type\":\"t\",\"id\":\"y\",\"data\":{},\"blobs\":{\"f\":\"***\"}}]}")));
        assertEquals("writes[0].blobs.f: expected base64", e.getMessage());
    }

    @Test
    void pathSegmentsArePercentEncodedSoNoIdAddsASegment() {
        assertEquals("/api/v1/db/a/docs/t/x%2F..%2Fy%20z%2B", ApiClient.path("db", "a", "docs", "t", "x/../y z+"));
        assertEquals("caf%C3%A9", ApiClient.encode("café"));
    }
}
