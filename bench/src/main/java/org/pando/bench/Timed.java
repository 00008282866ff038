package org.pando.bench;

/**
 * Wall and CPU seconds of one measured run.
 *
 * @param wallSeconds elapsed time
 * @param cpuSeconds  CPU time of the run's processes
 */
record Timed(double wallSeconds, double cpuSeconds) {

    /** Runs the action and measures it; {@code countJvm} adds this JVM's own CPU. */
    static Timed measure(Runnable action, boolean countJvm) {
        double children = ChildCpu.children();
        double self = ChildCpu.self();
        long start = System.nanoTime();
        action.run();
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = ChildCpu.children() - children + (countJvm ? ChildCpu.self() - self : 0);
        return new Timed(wall, cpu);
    }
}
