# Sourced (POSIX sh) by ./mvnw, ./creditmesh and .ci/run: makes JAVA_HOME point at a JDK >= 21.
# The project targets Java 21 (web3j 4.14 is compiled for it) while many machines default to 17,
# so every entry point chooses the JDK itself instead of trusting whatever `java` is first on PATH.
creditmesh_jdk_feature() {
  # Prints the feature version (17, 21, 25...) of the JDK at $1, or nothing.
  [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}
creditmesh_select_jdk() {
  # `ls` rather than a glob: ./mvnw runs with `set -f`. Newest names sort last, so reverse.
  for candidate in "${JAVA_HOME:-}" $(ls -r /usr/lib/jvm 2>/dev/null | sed 's|^|/usr/lib/jvm/|') \
      "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$candidate" ] && [ -d "$candidate" ] || continue
    feature=$(creditmesh_jdk_feature "$candidate")
    if [ -n "$feature" ] && [ "$feature" -ge 21 ]; then
      JAVA_HOME=$candidate
      export JAVA_HOME
      return 0
    fi
  done
  echo "CreditMesh needs a JDK 21 or newer: none was found in JAVA_HOME, /usr/lib/jvm or on PATH; install one (e.g. apt-get install openjdk-21-jdk-headless or Temurin 21+) and set JAVA_HOME to it." >&2
  return 1
}
creditmesh_select_jdk || exit 1
