package org.topicline.io;

import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Java beans use camelCase properties, tables use snake_case columns (what SQL users expect). These two functions
 * are the only place that translates (nested struct fields included), so stages keep typed beans and tables stay
 * readable from any engine.
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
    return renamed(ds, Naming::toSnake);
  }

  public static Dataset<Row> camelColumns(Dataset<?> ds) {
    return renamed(ds, Naming::toCamel);
  }

  /**
   * Every column and every field of a nested struct (in arrays and maps too) renamed: a BI query reads
   * {@code sentences[1].article_ids}, not the bean's {@code articleIds}. A struct cast keeps fields by position.
   */
  private static Dataset<Row> renamed(Dataset<?> ds, UnaryOperator<String> name) {
    StructField[] fields = ds.schema().fields();
    Column[] columns = new Column[fields.length];
    for (int i = 0; i < fields.length; i++) {
      Column c = ds.col(fields[i].name());
      DataType type = renamed(fields[i].dataType(), name);
      columns[i] = (type.equals(fields[i].dataType()) ? c : c.cast(type)).as(name.apply(fields[i].name()));
    }
    return ds.select(columns);
  }

  private static DataType renamed(DataType type, UnaryOperator<String> name) {
    if (type instanceof StructType s) {
      return new StructType(Arrays.stream(s.fields())
          .map(f -> new StructField(name.apply(f.name()), renamed(f.dataType(), name), f.nullable(), f.metadata()))
          .toArray(StructField[]::new));
    }
    if (type instanceof ArrayType a) {
      return new ArrayType(renamed(a.elementType(), name), a.containsNull());
    }
    if (type instanceof MapType m) {
      return new MapType(renamed(m.keyType(), name), renamed(m.valueType(), name), m.valueContainsNull());
    }
    return type;
  }
}
