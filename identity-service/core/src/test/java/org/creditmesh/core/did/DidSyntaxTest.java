package org.creditmesh.core.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DID and DID URL syntax, W3C DID Core 1.0 sections 3.1 and 3.2 (examples from the spec text). */
class DidSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"did:example:123456789abcdefghi", "did:web:example.com%3A3000:user:alice",
            "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", "did:example:a:b:c", "did:example::a", "did:ex4mple:_.-"})
    void parsesAndRoundTripsValidDids(String text) throws Exception {
        Did did = Did.parse(text);
        assertThat(did.toString()).isEqualTo(text);
        assertThat(Did.parse(did.toString())).isEqualTo(did);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "did:", "did:example", "did:example:", "did:Example:1", "did:ex-ample:1", "DID:example:1",
            "did:example:a:", "did:example:a b", "did:example:%4", "did:example:a#b", "did:example:a/b", "urn:example:1"})
    void refusesInvalidDids(String text) {
        DidException e = catchThrowableOfType(DidException.class, () -> Did.parse(text));
        assertThat(e).as(text).isNotNull();
        assertThat(e.error()).isEqualTo(DidError.INVALID_DID);
    }

    @Test
    void refusesOverlongDid() {
        DidException e = catchThrowableOfType(DidException.class, () -> Did.parse("did:example:" + "a".repeat(DidSpecs.MAX_DID_LENGTH)));
        assertThat(e.error()).isEqualTo(DidError.INVALID_DID);
    }

    @Test
    void parsesDidUrlParts() throws Exception {
        DidUrl url = DidUrl.parse("did:example:123/path/to?versionId=1&x=y#public-key-0");
        assertThat(url.did()).isEqualTo(Did.parse("did:example:123"));
        assertThat(url.path()).isEqualTo("/path/to");
        assertThat(url.query()).isEqualTo("versionId=1&x=y");
        assertThat(url.fragment()).isEqualTo("public-key-0");
        assertThat(url.toString()).isEqualTo("did:example:123/path/to?versionId=1&x=y#public-key-0");
        assertThat(DidUrl.parse("did:example:123").isBareDid()).isTrue();
        assertThat(DidUrl.resolve(Did.parse("did:example:123"), "#key-1").toString()).isEqualTo("did:example:123#key-1");
        assertThat(Did.parse("did:example:123").withFragment("k").fragment()).isEqualTo("k");
    }

    @ParameterizedTest
    @ValueSource(strings = {"did:example:123#a#b", "did:example:123#a b", "did:example:123/a b", "did:example:123?%zz",
            "did:example#x", "#key-1"})
    void refusesInvalidDidUrls(String text) {
        DidException e = catchThrowableOfType(DidException.class, () -> DidUrl.parse(text));
        assertThat(e).as(text).isNotNull();
        assertThat(e.error()).isEqualTo(DidError.INVALID_DID_URL);
    }
}
