package io.quire.merge.js;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits on one script merge call.
 *
 * @param cpuTime           CPU time per call ({@code sandbox.MaxCPUTime})
 * @param statements        statements per call ({@code sandbox.MaxStatements}); the only limit that
 *                          stops a script at the same point on every machine, so keep it the one
 *                          that binds first
 * @param deadline          wall-clock time per call, after which the watchdog closes the context
 * @param allocatedBytes    bytes the calling thread may allocate per call before the watchdog
 *                          closes the context (GraalVM Community has no heap limit)
 * @param inputChars        total size of the four JSON arguments
 * @param outputChars       size of the JSON result
 * @param concurrentCalls   script calls running at once, across all scripts: each may briefly
 *                          hold up to a few hundred MiB before a limit stops it
 */
public record SandboxLimits(Duration cpuTime, long statements, Duration deadline, long allocatedBytes,
                            int inputChars, int outputChars, int concurrentCalls) {
    public SandboxLimits {
        Objects.requireNonNull(cpuTime, "cpuTime");
        Objects.requireNonNull(deadline, "deadline");
        if (cpuTime.toMillis() < 1 || deadline.toMillis() < 1 || statements < 1 || allocatedBytes < 1
                || inputChars < 1 || outputChars < 1 || concurrentCalls < 1)
            throw new IllegalArgumentException("limits must be positive: " + this);
    }

    /** 500 ms CPU, 1,000,000 statements, 2 s deadline, 128 MiB allocated, 256 KiB in and out, 1 call at a time. */
    public static SandboxLimits defaults() {
        return new SandboxLimits(Duration.ofMillis(500), 1_000_000, Duration.ofSeconds(2), 128L << 20,
                256 << 10, 256 << 10, 1);
    }
}
