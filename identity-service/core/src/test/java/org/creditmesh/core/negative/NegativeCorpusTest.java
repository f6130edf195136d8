package org.creditmesh.core.negative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.creditmesh.core.error.CreditMeshException;
import org.creditmesh.core.json.Json;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus: every file in {@code src/test/resources/negative/} is one case that must be
 * refused with a typed {@link CreditMeshException} carrying the expected stable code — never accepted,
 * never a stack trace from an unchecked exception.
 *
 * <p>A case file is JSON: {@code description}, {@code spec} (the section it enforces), {@code kind}
 * (which entry point receives it, see {@link NegativeInputs}), {@code input} (a string or a JSON value),
 * optional {@code context} (keys, times, nonces the entry point needs) and {@code expectedCode}.
 */
class NegativeCorpusTest {

    static Stream<Arguments> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(NegativeCorpusTest.class.getResource("/negative").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted()
                    .map(p -> Arguments.of(p.getFileName().toString(), read(p))).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesWithTheExpectedCode(String file, JsonNode testCase) {
        assertThat(testCase.hasNonNull("description") && testCase.hasNonNull("spec")
                && testCase.hasNonNull("kind") && testCase.has("input") && testCase.hasNonNull("expectedCode"))
                .as("%s has description, spec, kind, input and expectedCode", file).isTrue();
        Throwable thrown = catchThrowable(() -> NegativeInputs.process(testCase.get("kind").asText(),
                testCase.get("input"), testCase.path("context")));
        assertThat(thrown).as("%s: %s", file, testCase.get("description").asText())
                .isInstanceOf(CreditMeshException.class);
        assertThat(((CreditMeshException) thrown).code().code()).as(file + ": " + thrown)
                .isEqualTo(testCase.get("expectedCode").asText());
    }

    private static JsonNode read(Path file) {
        try {
            return Json.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CreditMeshException e) {
            throw new IllegalStateException(file + " is not valid JSON: " + e.getMessage(), e);
        }
    }
}
