package org.creditmesh.scoring.federated;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Secure aggregation by pairwise masking, a simplified Bonawitz et al. (CCS 2017) protocol.
 *
 * <p>Every pair of parties (lenders) i &lt; j agrees on a secret by X25519 (the JDK's
 * {@code KeyAgreement}). For each vector to be summed, identified by a label such as
 * {@code "round 7/gradient"}, the pair derives a 32-byte seed with HKDF-SHA256 (salt: the session id;
 * info: version, i, j, label) and expands it by AES-256-CTR into a mask over Z<sub>2<sup>64</sup></sub>.
 * Party i adds the masks of pairs with j &gt; i and subtracts those with j &lt; i, so the masks cancel
 * exactly in the sum of all parties' vectors and the coordinator learns the sum only.
 *
 * <p>Dropout: when parties fail to send their vector for a label, the coordinator fixes the set of
 * dropped parties, then every survivor reveals the per-label seeds it shares with the dropped ones
 * ({@link Party#revealSeed}); the coordinator removes those orphaned masks. Only the seed of that one
 * label is revealed, never the X25519 secret, so masks of other rounds stay hidden.
 *
 * <p>Threat model, honestly: an honest-but-curious coordinator and lenders that follow the protocol;
 * authenticated channels and a public-key directory are assumed (the coordinator relays public keys and
 * could substitute them if it were malicious). There are no self-masks and no secret sharing: a survivor
 * that reveals its seed with a party believed dropped would expose that party's vector if it arrived
 * late, so the coordinator must refuse late vectors for a label once reveals were asked for
 * ({@link Aggregator} does), and a malicious coordinator could lie about dropouts. A coordinator
 * colluding with lenders learns the sum of the others' vectors, which is what it learns anyway when
 * the colluders subtract their own.
 */
public final class SecureAggregation {

    private static final String VERSION = "creditmesh-secagg-v1";

    private SecureAggregation() {
    }

    /** One lender's side: its X25519 key pair and the pairwise secrets. */
    public static final class Party {

        private final int id;
        private final byte[] session;
        private final KeyPair keys;
        private final Map<Integer, byte[]> secrets = new TreeMap<>();

        public Party(int id, byte[] session, SecureRandom random) {
            this.id = id;
            this.session = session.clone();
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("X25519");
                g.initialize(new java.security.spec.NamedParameterSpec("X25519"), random);
                this.keys = g.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("X25519 is not available", e);
            }
        }

        public int id() {
            return id;
        }

        public PublicKey publicKey() {
            return keys.getPublic();
        }

        /** Agrees a secret with every other party from its public key (the directory, own key excluded). */
        public void agree(Map<Integer, PublicKey> directory) throws GeneralSecurityException {
            for (var e : directory.entrySet()) {
                if (e.getKey() == id) {
                    continue;
                }
                KeyAgreement ka = KeyAgreement.getInstance("X25519");
                ka.init(keys.getPrivate());
                ka.doPhase(e.getValue(), true);
                secrets.put(e.getKey(), ka.generateSecret());
            }
        }

        /** The parties this one shares a secret with. */
        public Set<Integer> peers() {
            return new TreeSet<>(secrets.keySet());
        }

        /** The vector with every pairwise mask of this label added (peer above) or subtracted (peer below). */
        public long[] mask(long[] plain, String label) {
            long[] out = plain.clone();
            for (var e : secrets.entrySet()) {
                int other = e.getKey();
                long[] m = expand(seed(e.getValue(), Math.min(id, other), Math.max(id, other), label), plain.length);
                for (int k = 0; k < out.length; k++) {
                    out[k] = other > id ? out[k] + m[k] : out[k] - m[k];
                }
            }
            return out;
        }

        /** Dropout recovery: the seed of this label shared with a dropped party (not the long-term secret). */
        public byte[] revealSeed(int dropped, String label) {
            byte[] s = secrets.get(dropped);
            if (s == null) {
                throw new IllegalArgumentException("no secret with party " + dropped);
            }
            return seed(s, Math.min(id, dropped), Math.max(id, dropped), label);
        }

        private byte[] seed(byte[] secret, int lo, int hi, String label) {
            HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
            byte[] info = (VERSION + "|" + lo + "|" + hi + "|" + label).getBytes(StandardCharsets.UTF_8);
            hkdf.init(new HKDFParameters(secret, session, info));
            byte[] out = new byte[32];
            hkdf.generateBytes(out, 0, out.length);
            return out;
        }
    }

    /** AES-256-CTR keystream from a seed, read as little-endian 64-bit ring elements. */
    static long[] expand(byte[] seed, int length) {
        try {
            Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(seed, "AES"), new IvParameterSpec(new byte[16]));
            byte[] stream = c.doFinal(new byte[length * 8]);
            long[] out = new long[length];
            ByteBuffer.wrap(stream).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CTR is not available", e);
        }
    }

    /**
     * The coordinator's side for one label: collects masked vectors, and when some parties dropped,
     * asks the survivors for their seeds with them and removes the orphaned masks.
     */
    public static final class Aggregator {

        private final String label;
        private final Set<Integer> expected;
        private final int length;
        private final Map<Integer, long[]> received = new TreeMap<>();
        private boolean closed;

        public Aggregator(String label, Collection<Integer> expected, int length) {
            this.label = label;
            this.expected = new TreeSet<>(expected);
            this.length = length;
        }

        public String label() {
            return label;
        }

        public void submit(int party, long[] masked) {
            if (closed) {
                throw new IllegalStateException("late vector from party " + party + ": the dropped set is fixed");
            }
            if (!expected.contains(party) || masked.length != length || received.containsKey(party)) {
                throw new IllegalArgumentException("unexpected vector from party " + party);
            }
            received.put(party, masked.clone());
        }

        /** Closes the label: from now on vectors are refused. Returns the dropped parties. */
        public Set<Integer> close() {
            closed = true;
            Set<Integer> dropped = new TreeSet<>(expected);
            dropped.removeAll(received.keySet());
            return dropped;
        }

        /**
         * The sum of the survivors' plain vectors. {@code seeds} holds, for every survivor s and dropped
         * d, the seed s revealed for (s, d); without dropouts it is empty.
         */
        public long[] sum(Map<Integer, Map<Integer, byte[]>> seeds) {
            Set<Integer> dropped = close();
            long[] total = new long[length];
            for (long[] v : received.values()) {
                for (int k = 0; k < length; k++) {
                    total[k] += v[k];
                }
            }
            for (int s : received.keySet()) {
                for (int d : dropped) {
                    byte[] seed = seeds.getOrDefault(s, Map.of()).get(d);
                    if (seed == null) {
                        throw new IllegalStateException("party " + s + " did not reveal its seed with dropped party " + d);
                    }
                    long[] m = expand(seed, length);
                    for (int k = 0; k < length; k++) {
                        // s added m when d > s, subtracted it when d < s: undo that.
                        total[k] = d > s ? total[k] - m[k] : total[k] + m[k];
                    }
                }
            }
            return total;
        }

        public Set<Integer> survivors() {
            return new TreeSet<>(received.keySet());
        }
    }

    /** Sets up parties 0..n−1 of a session: key pairs and pairwise agreement over a public directory. */
    public static Party[] setUp(int n, byte[] session, SecureRandom random) throws GeneralSecurityException {
        Party[] parties = new Party[n];
        Map<Integer, PublicKey> directory = new HashMap<>();
        for (int i = 0; i < n; i++) {
            parties[i] = new Party(i, session, random);
            directory.put(i, parties[i].publicKey());
        }
        for (Party p : parties) {
            p.agree(directory);
        }
        return parties;
    }

    /** Sums the given parties' vectors through masking when every one of them answers (the common path). */
    public static long[] sumAll(Party[] parties, long[][] plain, String label) {
        Aggregator agg = new Aggregator(label, Arrays.stream(parties).map(Party::id).toList(), plain[0].length);
        for (int i = 0; i < parties.length; i++) {
            agg.submit(parties[i].id(), parties[i].mask(plain[i], label));
        }
        return agg.sum(Map.of());
    }
}
