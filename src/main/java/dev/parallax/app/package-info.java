/** The command line (picocli) and the one place that wires the application together with constructors. */
package dev.parallax.app;
