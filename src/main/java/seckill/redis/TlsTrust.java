package seckill.redis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Whom a {@code rediss://} connection trusts: the JVM's truststore (the standard {@code javax.net.ssl.trustStore}
 * properties), or the certificates of one PEM file, typically the private CA that signed the server's
 * certificate. Either way the server's name must match its certificate: there is no "trust anything" mode.
 *
 * @param caFile the PEM file, or null for the JVM's truststore
 */
public record TlsTrust(Path caFile, SSLSocketFactory socketFactory) {

    public static TlsTrust jvmDefault() {
        return new TlsTrust(null, null);
    }

    /**
     * Reads every certificate in a PEM (or DER) file into a truststore of its own.
     *
     * @throws IllegalArgumentException when the file cannot be read or holds no certificate; the message names it
     */
    public static TlsTrust fromPem(Path caFile) {
        if (!Files.isRegularFile(caFile) || !Files.isReadable(caFile)) {
            throw new IllegalArgumentException("no readable file " + caFile + " (expected a PEM CA certificate)");
        }
        try (InputStream in = Files.newInputStream(caFile)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException(caFile + " holds no certificate (expected PEM: -----BEGIN "
                        + "CERTIFICATE-----)");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return new TlsTrust(caFile, context.getSocketFactory());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(caFile + " is not a usable CA certificate: " + e.getMessage(), e);
        }
    }

    /**
     * Checks the server's name against its certificate: a raw {@code SSLSocket}, which Jedis uses, does not unless
     * asked, and without it any certificate the CA ever signed would be accepted for any host.
     */
    SSLParameters parameters() {
        SSLParameters parameters = new SSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        return parameters;
    }
}
