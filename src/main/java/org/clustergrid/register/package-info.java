/** The living cluster register: edits of single clusters, each one transaction with its version in the history. */
package org.clustergrid.register;
