# Chooses the JDK the suite builds and runs on, JDK 25 or newer: JAVA_HOME when it is one,
# then Temurin 25 where Debian installs it, then the java on the PATH. Sourced (POSIX sh) by
# ./mvnw, ./run and .ci/run; exports JAVA_HOME, or stops with what is needed.
suite_jdk_required=25

suite_jdk_major() {
	"$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1
}

suite_jdk_ok() {
	[ -n "$1" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
	suite_jdk_major_found="$(suite_jdk_major "$1")"
	[ "${suite_jdk_major_found%%.*}" -ge "$suite_jdk_required" ] 2>/dev/null
}

suite_jdk_select() {
	for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-25-jdk-arm64; do
		if suite_jdk_ok "$candidate"; then
			JAVA_HOME="$candidate"
			export JAVA_HOME
			return 0
		fi
	done
	if command -v javac >/dev/null 2>&1; then
		candidate="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
		if suite_jdk_ok "$candidate"; then
			JAVA_HOME="$candidate"
			export JAVA_HOME
			return 0
		fi
	fi
	echo "The suite needs a JDK ${suite_jdk_required} or newer (java and javac): set JAVA_HOME to one," >&2
	echo "or install Temurin ${suite_jdk_required} (/usr/lib/jvm/temurin-25-jdk-amd64)." >&2
	echo "Found: JAVA_HOME=${JAVA_HOME:-unset}, java on the PATH: $(command -v java || echo none)." >&2
	return 1
}

suite_jdk_select || exit 1
