package org.topicline.io;

import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Java beans use camelCase properties, tables use snake_case columns (what SQL users expect). These two functions
 * are the only place that translates, so stages keep typed beans and tables stay readable from any engine.
 */
public final class Naming {
  private Naming() {}

  public static String toSnake(String camel) {
    StringBuilder b = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          b.append('_');
        }
        b.append(Character.toLowerCase(c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  public static String toCamel(String snake) {
    StringBuilder b = new StringBuilder(snake.length());
    boolean up = false;
    for (char c : snake.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return b.toString();
  }

  public static Dataset<Row> snakeColumns(Dataset<?> ds) {
    return ds.toDF(Arrays.stream(ds.columns()).map(Naming::toSnake).toArray(String[]::new));
  }

  public static Dataset<Row> camelColumns(Dataset<?> ds) {
    return ds.toDF(Arrays.stream(ds.columns()).map(Naming::toCamel).toArray(String[]::new));
  }
}
