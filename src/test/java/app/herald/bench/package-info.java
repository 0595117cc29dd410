/** Benchmarks run with {@code mvn -Pbench verify}: measured and written to docs/performance.md, never timed tests. */
package app.herald.bench;
