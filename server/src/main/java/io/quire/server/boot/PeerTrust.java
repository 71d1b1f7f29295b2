package io.quire.server.boot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Makes this JVM trust the cluster's certificates (PEM: the peers' own, or the CA that signed
 * them) besides the usual public CAs, for the peer connections: JGit's HTTPS transport and the
 * peer calls use the JVM's default TLS context. Hostnames are still verified.
 */
final class PeerTrust {
    private PeerTrust() {
    }

    static void install(Path pem) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        try (InputStream in = Files.newInputStream(pem)) {
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) store.setCertificateEntry("peer" + i++, c);
        }
        if (i == 0) throw new GeneralSecurityException("cluster.tls.trust: no certificate in " + pem);
        TrustManagerFactory peers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        peers.init(store);
        TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        system.init((KeyStore) null);
        X509TrustManager a = first(peers.getTrustManagers()), b = first(system.getTrustManagers());
        X509TrustManager both = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String auth) throws java.security.cert.CertificateException {
                b.checkClientTrusted(chain, auth);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String auth) throws java.security.cert.CertificateException {
                try {
                    a.checkServerTrusted(chain, auth);
                } catch (java.security.cert.CertificateException notAPeer) {
                    b.checkServerTrusted(chain, auth);
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                List<X509Certificate> all = new ArrayList<>(List.of(a.getAcceptedIssuers()));
                all.addAll(List.of(b.getAcceptedIssuers()));
                return all.toArray(X509Certificate[]::new);
            }
        };
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[]{both}, null);
        SSLContext.setDefault(ctx);
        HttpsURLConnection.setDefaultSSLSocketFactory(ctx.getSocketFactory());
    }

    private static X509TrustManager first(TrustManager[] tms) throws GeneralSecurityException {
        for (TrustManager t : tms) if (t instanceof X509TrustManager x) return x;
        throw new GeneralSecurityException("no X.509 trust manager");
    }
}
