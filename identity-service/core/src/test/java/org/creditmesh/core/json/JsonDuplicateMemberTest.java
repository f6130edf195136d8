package org.creditmesh.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/**
 * RFC 8259 section 4 / RFC 7515 section 5.2: a member twice in any object, at any depth, with any kind of value,
 * is refused as {@link JsonError#DUPLICATE_MEMBER} (the tree builder finds it; the parser no longer tracks names).
 */
class JsonDuplicateMemberTest {

    @Test
    void refusesADuplicateMemberWhereverItIs() {
        for (String json : new String[] {
                "{\"a\":1,\"a\":1}",
                "{\"a\":1,\"b\":2,\"c\":3,\"a\":4}",
                "{\"a\":{\"b\":true,\"b\":false}}",
                "{\"a\":[1,{\"x\":null,\"y\":1,\"x\":null}]}",
                "[{\"k\":\"v\"},{\"k\":\"v\",\"k\":\"w\"}]",
                "{\"a\":{},\"a\":[]}",
                "{\"a\":[],\"a\":{}}",
                "{\"a\":{\"b\":{\"c\":{\"d\":1,\"d\":{\"e\":2}}}}}",
                "{\"\\u0061\":1,\"a\":2}"}) {
            MalformedJsonException e = catchThrowableOfType(MalformedJsonException.class, () -> Json.parse(json));
            assertThat(e).as(json).isNotNull();
            assertThat(e.code()).as(json).isEqualTo(JsonError.DUPLICATE_MEMBER);
        }
    }

    @Test
    void theSameNameInDifferentObjectsIsNoDuplicate() throws Exception {
        assertThat(Json.parse("{\"a\":{\"a\":{\"a\":1}},\"b\":[{\"a\":1},{\"a\":2}]}").path("b").size()).isEqualTo(2);
    }
}
