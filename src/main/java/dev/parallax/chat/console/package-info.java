/** Chat platforms that need no account: the console (stdout) and a folder of Markdown files. */
package dev.parallax.chat.console;
