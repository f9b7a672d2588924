/** Spring wiring, configuration, first-start demo loading and the command-line entry points. */
package org.clustergrid.app;
