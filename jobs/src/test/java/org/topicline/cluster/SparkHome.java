package org.topicline.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * A Spark installation made of the Maven repository's jars, as a cluster's nodes would have one: {@code jars/} holds
 * Spark and its dependencies (the project's compile classpath without Topicline's own libraries, which must come
 * from the shaded cluster jar as they would on a real cluster), {@code RELEASE} marks it as a distribution so the
 * worker's launcher takes its classpath from {@code jars/}, and {@code bin/spark-submit} does what a distribution's
 * does: start {@code SparkSubmit} on that classpath with Spark's module flags.
 */
final class SparkHome {
  /** Libraries the cluster jar brings itself; a distribution does not have them. */
  private static final List<String> NOT_IN_SPARK = List.of("/com/hankcs/", "/com/typesafe/config/", "/info/picocli/");

  final Path dir;
  final String javaOptions;

  private SparkHome(Path dir, String javaOptions) {
    this.dir = dir;
    this.javaOptions = javaOptions;
  }

  /**
   * @param runClasspath the {@code run-classpath.txt} Maven writes at package (every compile and provided jar)
   * @param javaOptions Spark's JVM module flags, which a distribution's launcher adds to every JVM it starts
   */
  static SparkHome create(Path dir, Path runClasspath, String javaOptions) throws IOException {
    Path jars = Files.createDirectories(dir.resolve("jars"));
    String cp = Files.readString(runClasspath, StandardCharsets.UTF_8).trim();
    for (String jar : cp.split(java.io.File.pathSeparator)) {
      if (NOT_IN_SPARK.stream().noneMatch(jar::contains)) {
        Path p = Path.of(jar);
        Files.createSymbolicLink(jars.resolve(p.getFileName()), p);
      }
    }
    Files.writeString(dir.resolve("RELEASE"), "Spark (jars from the Maven repository)\n");
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path submit = bin.resolve("spark-submit");
    Files.writeString(submit, "#!/usr/bin/env bash\n"
        + "exec \"" + java() + "\" " + javaOptions + " -Xmx\"${SPARK_DRIVER_MEMORY:-1g}\" -cp \"$SPARK_HOME/jars/*\" "
        + "org.apache.spark.deploy.SparkSubmit \"$@\"\n");
    Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
    return new SparkHome(dir, javaOptions);
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  String classpath() {
    return dir.resolve("jars") + "/*";
  }

  /** The environment every process of the cluster runs with. */
  void environment(Map<String, String> env) {
    env.put("SPARK_HOME", dir.toString());
    // The worker's launcher looks for a Scala build directory unless told the version.
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
  }
}
