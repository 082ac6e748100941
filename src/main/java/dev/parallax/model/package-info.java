/** Plain records shared by every stage: the article as it flows from ingest to digest. */
package dev.parallax.model;
