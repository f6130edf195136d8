package org.creditmesh.cli;

import org.creditmesh.core.verifier.SecuringFormat;
import picocli.CommandLine;

/** The securing formats by the names the CLI takes: jwt, sd-jwt, di. */
final class Formats {

    private Formats() {
    }

    enum Format {
        JWT("jwt", SecuringFormat.JOSE), SD_JWT("sd-jwt", SecuringFormat.SD_JWT), DI("di", SecuringFormat.DATA_INTEGRITY);

        private final String name;
        private final SecuringFormat securing;

        Format(String name, SecuringFormat securing) {
            this.name = name;
            this.securing = securing;
        }

        SecuringFormat securing() {
            return securing;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final class Converter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            for (Format f : Format.values()) {
                if (f.name.equals(value)) {
                    return f;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not one of jwt, sd-jwt, di");
        }
    }
}
