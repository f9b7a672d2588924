/** The Intervention grid of the register: each cluster's needs and the support planned or given, versioned. */
package org.clustergrid.register.interventions;
