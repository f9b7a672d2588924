/** Importing a file as a context layer: every attribute kept, its type declared by the file or read off its values. */
package org.clustergrid.ingest.context;
