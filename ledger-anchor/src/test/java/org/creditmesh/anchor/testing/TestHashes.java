package org.creditmesh.anchor.testing;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.creditmesh.anchor.merkle.Hash32;
import org.creditmesh.anchor.merkle.Keccak;

/** Deterministic 32-byte values standing in for credential hashes: keccak256 of a seed and an index. */
public final class TestHashes {

    private TestHashes() {
    }

    public static List<Hash32> of(int count, long seed) {
        List<Hash32> values = new ArrayList<>(count);
        ByteBuffer buffer = ByteBuffer.allocate(16);
        for (int i = 0; i < count; i++) {
            buffer.clear();
            buffer.putLong(seed).putLong(i);
            values.add(new Hash32(Keccak.keccak256(buffer.array())));
        }
        return values;
    }
}
