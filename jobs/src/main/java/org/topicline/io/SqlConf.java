package org.topicline.io;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/** Spark SQL settings changed for one piece of work and restored after it, whether it succeeds or throws. */
public final class SqlConf {
  private SqlConf() {}

  public static <T> T with(SparkSession spark, Map<String, String> settings, Supplier<T> body) {
    Map<String, String> before = new HashMap<>();
    settings.forEach((k, v) -> {
      before.put(k, spark.conf().contains(k) ? spark.conf().get(k) : null);
      spark.conf().set(k, v);
    });
    try {
      return body.get();
    } finally {
      before.forEach((k, v) -> {
        if (v == null) {
          spark.conf().unset(k);
        } else {
          spark.conf().set(k, v);
        }
      });
    }
  }
}
