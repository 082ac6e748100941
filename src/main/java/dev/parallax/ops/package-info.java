/** Operations: Prometheus metrics through Micrometer and the local health endpoint. */
package dev.parallax.ops;
