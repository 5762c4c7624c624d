# Sourced by scripts/topicline, submit and standalone (not a command): what more than one of them needs.
# $1 is the repository root in each function.

# Spark's own JVM module flags, read from the pom so there is one list (spark.module.options).
topicline_module_options() {
  local flags
  flags="$(sed -n 's:.*<spark.module.options>\(.*\)</spark.module.options>.*:\1:p' "$1/pom.xml")"
  if [[ -z "$flags" ]]; then
    echo "spark.module.options not found in $1/pom.xml" >&2
    return 1
  fi
  echo "$flags"
}

# Builds the jars (mvn package) when the jar or the run classpath is missing, or older than the sources or conf.
topicline_build_if_stale() {
  local jobs="$1/jobs" jar
  jar=$(ls "$jobs"/target/topicline-jobs-*-SNAPSHOT.jar 2>/dev/null | grep -v -- '-cluster.jar' | head -n 1 || true)
  if [[ -z "$jar" || ! -f "$jobs/target/run-classpath.txt" ]] \
     || [[ -n "$(find "$jobs/src/main" "$1/conf" "$1/pom.xml" "$jobs/pom.xml" -newer "$jar" -print -quit)" ]]; then
    echo "topicline: building the jar (mvn package)..." >&2
    (cd "$1" && mvn -q -B -DskipTests package) >&2
  fi
}
