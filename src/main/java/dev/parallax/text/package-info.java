/** Language tooling shared by clustering, claims and summaries: sentences, tokens, tags, stems. */
package dev.parallax.text;
