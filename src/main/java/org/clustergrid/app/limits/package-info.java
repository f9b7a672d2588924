/** Bounded work: request body limits, the bounded pool with a time budget for expensive computations, their settings. */
package org.clustergrid.app.limits;
