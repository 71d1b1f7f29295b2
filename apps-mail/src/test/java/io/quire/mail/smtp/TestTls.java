package io.quire.mail.smtp;

import io.vertx.core.net.PfxOptions;
import io.vertx.core.net.ServerSSLOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** A throw-away self-signed certificate for STARTTLS tests, made with the JDK's {@code keytool}. */
public final class TestTls {

    private TestTls() {
    }

    /** Creates a PKCS#12 key store for {@code mx.test} in {@code dir} and returns server options using it. */
    public static ServerSSLOptions serverOptions(Path dir) throws IOException {
        Path store = dir.resolve("mx.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        var result = Clients.run(List.of(keytool, "-genkeypair", "-alias", "mx", "-keyalg", "RSA", "-keysize",
                "2048", "-dname", "CN=mx.test", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                store.toString(), "-storepass", "changeit", "-keypass", "changeit"));
        if (result.exit() != 0) {
            throw new IOException("keytool failed: " + result.all());
        }
        return new ServerSSLOptions().setKeyCertOptions(new PfxOptions().setPath(store.toString())
                .setPassword("changeit"));
    }
}
