package org.topicline.io;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * What a table looks like on disk: its name, its columns in order (snake_case, each with a comment for the schema
 * file and the README) and its partition columns.
 */
public record TableSpec(String name, LinkedHashMap<String, String> columns, List<String> partitionBy) {

  public static Builder builder(String name) {
    return new Builder(name);
  }

  public List<String> columnNames() {
    return List.copyOf(columns.keySet());
  }

  public static final class Builder {
    private final String name;
    private final LinkedHashMap<String, String> columns = new LinkedHashMap<>();
    private List<String> partitionBy = List.of();

    private Builder(String name) {
      this.name = name;
    }

    public Builder column(String column, String comment) {
      columns.put(column, comment);
      return this;
    }

    public Builder partitionBy(String... cols) {
      partitionBy = List.of(cols);
      return this;
    }

    public TableSpec build() {
      return new TableSpec(name, columns, partitionBy);
    }
  }
}
