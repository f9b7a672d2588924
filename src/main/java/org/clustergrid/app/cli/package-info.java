/** The {@code import} command: imports files into the configured store without starting the web server. */
package org.clustergrid.app.cli;
