/** Load generators and JMH benchmarks. Run on demand (see docs/benchmarks.md), never as part of the test suite. */
@org.jspecify.annotations.NullMarked
package org.gamebackend.bench;
