/** Load generators for the realtime socket: idle connections and broadcast fan-out (see docs/benchmarks.md). */
@org.jspecify.annotations.NullMarked
package org.gamebackend.bench.realtime;
