/** What-if scenarios: interventions on the roads, the grid, finance access and markets, priced and scored before and after. */
package org.clustergrid.scenario;
