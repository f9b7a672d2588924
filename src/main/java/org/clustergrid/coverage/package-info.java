/** Where each dataset has data: coverage areas from file headers, the user, or derived from the features. */
package org.clustergrid.coverage;
