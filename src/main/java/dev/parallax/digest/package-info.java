/** Turning stories into briefs (summary, agreements, divergences) and rendering the digest. */
package dev.parallax.digest;
