package org.creditmesh.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's round trip exactly as written, with bash, in an empty folder: {@code ./creditmesh} is
 * the CLI's main class on the test class path, and each line must exit as the README says (0, unless a
 * trailing {@code # exits N} says otherwise). So the README cannot drift from what the CLI does.
 */
class ReadmeRoundTripTest {

    private static final Pattern EXPECTED_EXIT = Pattern.compile("#\\s*exits\\s+(\\d+)");

    @TempDir
    Path work;

    static List<String> roundTripLines() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int begin = readme.indexOf("<!-- roundtrip:begin -->");
        int end = readme.indexOf("<!-- roundtrip:end -->");
        assertThat(begin).as("README has the round-trip markers").isNotNegative();
        String block = readme.substring(begin, end);
        List<String> lines = new ArrayList<>();
        for (String line : block.split("\n")) {
            if (line.startsWith("./creditmesh") || line.matches("[A-Z_]+=\\$\\(\\./creditmesh.*")) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void theReadmeRoundTripRunsAsWritten() throws Exception {
        List<String> lines = roundTripLines();
        assertThat(lines).hasSizeGreaterThanOrEqualTo(10);

        StringBuilder script = new StringBuilder("creditmesh() { \"$CM_JAVA\" -cp \"$CM_CLASSPATH\" org.creditmesh.cli.CreditMeshCli \"$@\"; }\n");
        int number = 0;
        for (String line : lines) {
            number++;
            Matcher m = EXPECTED_EXIT.matcher(line);
            int expected = m.find() ? Integer.parseInt(m.group(1)) : 0;
            String command = line.replace("./creditmesh", "creditmesh");
            script.append(command).append('\n')
                    .append("rc=$?; if [ $rc -ne ").append(expected).append(" ]; then echo \"README round-trip line ")
                    .append(number).append(" exited $rc, expected ").append(expected).append("\" >&2; exit 1; fi\n");
        }
        Path scriptFile = work.resolve("roundtrip.sh");
        Files.writeString(scriptFile, script.toString(), StandardCharsets.UTF_8);

        ProcessBuilder builder = new ProcessBuilder("bash", scriptFile.toString()).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("output.txt").toFile());
        builder.environment().put("CM_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        builder.environment().put("CM_CLASSPATH", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        builder.environment().put("CREDITMESH_HOME", work.resolve("home").toString());
        builder.environment().remove("CREDITMESH_KEYSTORE_PASSWORD");
        Process process = builder.start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        String output = Files.readString(work.resolve("output.txt"), StandardCharsets.UTF_8);
        assertThat(finished).as("round trip finished in time").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("VERIFIED credential (sd-jwt)", "[revoked]");
        assertThat(Files.exists(work.resolve("kyc.sd-jwt"))).isTrue();
    }
}
