/** Investment portfolios: which candidate projects a budget should buy to close the most priority-weighted gap. */
package org.clustergrid.portfolio;
