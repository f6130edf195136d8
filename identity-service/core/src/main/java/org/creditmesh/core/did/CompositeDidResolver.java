package org.creditmesh.core.did;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Dispatches each DID to the resolver of its method; unknown methods are {@link DidError#METHOD_NOT_SUPPORTED}. */
public final class CompositeDidResolver implements DidResolver {

    private final Map<String, DidMethodResolver> byMethod;

    /** One resolver per method; a method listed twice is an error. */
    public CompositeDidResolver(Collection<? extends DidMethodResolver> resolvers) {
        Map<String, DidMethodResolver> map = new LinkedHashMap<>();
        for (DidMethodResolver r : resolvers) {
            if (map.put(r.method(), r) != null) {
                throw new IllegalArgumentException("two resolvers for did:" + r.method());
            }
        }
        this.byMethod = Map.copyOf(map);
    }

    /** did:key (Multikey documents), did:jwk and did:web through {@code webFetcher}. */
    public static CompositeDidResolver standard(DidWebFetcher webFetcher) {
        return new CompositeDidResolver(List.of(new DidKey(), new DidJwk(), new DidWeb(webFetcher)));
    }

    /** The resolver for {@code method}, if any. */
    public Optional<DidMethodResolver> resolverFor(String method) {
        return Optional.ofNullable(byMethod.get(method));
    }

    @Override
    public DidDocument resolve(String did) throws DidException {
        Did parsed = Did.parse(did);
        DidMethodResolver resolver = byMethod.get(parsed.method());
        if (resolver == null) {
            throw new DidException(DidError.METHOD_NOT_SUPPORTED, "no resolver for did:" + parsed.method());
        }
        return resolver.resolve(parsed.toString());
    }

    @Override
    public String toString() {
        return "CompositeDidResolver" + byMethod.keySet();
    }
}
