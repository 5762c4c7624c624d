package org.topicline.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Data paths are Hadoop URIs ({@code file://}, {@code hdfs://}, {@code s3a://}; a plain path is the local file
 * system), handled through the Hadoop client so the same job runs unchanged on a cluster.
 */
public final class DataPaths {
  private DataPaths() {}

  /** A plain local path becomes an absolute {@code file:} URI; anything with a scheme is kept. */
  public static String normalise(String path) {
    if (path.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") || path.startsWith("file:")) {
      return path;
    }
    // Not Path.toUri(): Hadoop does not decode percent-escapes, and People's Daily folder names are not ASCII.
    return "file://" + java.nio.file.Path.of(path).toAbsolutePath().normalize();
  }

  public static FileSystem fileSystem(SparkSession spark, String path) {
    return fileSystem(spark.sparkContext().hadoopConfiguration(), path);
  }

  public static FileSystem fileSystem(Configuration conf, String path) {
    try {
      return new Path(path).getFileSystem(conf);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the file system of " + path, e);
    }
  }

  public static boolean exists(SparkSession spark, String path) {
    try {
      return fileSystem(spark, path).exists(new Path(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void writeText(SparkSession spark, String path, String text) {
    writeBytes(spark, path, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code bytes} to {@code path} (any Hadoop file system), replacing what is there. */
  public static void writeBytes(SparkSession spark, String path, byte[] bytes) {
    writeBytes(fileSystem(spark, path), new Path(path), bytes);
  }

  /**
   * Writes a whole small file, replacing what is there. On the local file system without the {@code .crc} file
   * Hadoop would add beside it: pages, manifests, the sample and the report are opened by people and other tools,
   * and a file without one reads back as well.
   */
  public static void writeBytes(FileSystem fs, Path p, byte[] bytes) {
    try {
      FileSystem target = fs;
      if (fs instanceof ChecksumFileSystem local) {
        // Deleting through the checksummed view also removes an old .crc, which would no longer match.
        local.delete(p, false);
        target = local.getRawFileSystem();
      }
      try (FSDataOutputStream out = target.create(p, true)) {
        out.write(bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + p, e);
    }
  }

  public static String readText(SparkSession spark, String path) {
    Path p = new Path(path);
    try (var in = fileSystem(spark, path).open(p)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  public static void delete(SparkSession spark, String path) {
    try {
      fileSystem(spark, path).delete(new Path(path), true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }
}
