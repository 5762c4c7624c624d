package org.topicline.topics;

import java.util.Arrays;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/** The schema checks the ML stages of this package share: input vector columns present, output columns new. */
final class StageSchemas {
  private StageSchemas() {}

  /** Fails unless every column exists and holds ML vectors. */
  static void requireVectors(StructType schema, String... columns) {
    for (String c : columns) {
      if (!Arrays.asList(schema.fieldNames()).contains(c)
          || !schema.apply(c).dataType().equals(SQLDataTypes.VectorType())) {
        throw new IllegalArgumentException("column " + c + " must exist and hold vectors");
      }
    }
  }

  /** {@code schema} with a new non-null column; a stage never overwrites a column it did not write. */
  static StructType withNew(StructType schema, String column, DataType type) {
    if (Arrays.asList(schema.fieldNames()).contains(column)) {
      throw new IllegalArgumentException("output column " + column + " already exists");
    }
    return schema.add(column, type, false);
  }
}
