package org.topicline.bench;

import java.util.List;
import java.util.Map;

/**
 * What one worker JVM runs: the stages on a Spark master over the corpus at a scale. The orchestrator writes it as
 * JSON and the worker reads it, so a worker is started with a file name only.
 *
 * @param inputs    ingest inputs as {@code FORMAT:PATH}
 * @param workDir   folder for the run's tables (replaced)
 * @param rawLoop   also segment the same texts with HanLP in a plain loop in this JVM (the tokeniser ceiling)
 * @param limit     keep only this many articles after ingest (0: all)
 */
public record WorkerSpec(String master, int cores, int scale, List<String> inputs, String workDir, List<String> stages,
    boolean rawLoop, long limit, String confFile, Map<String, String> overrides) {}
