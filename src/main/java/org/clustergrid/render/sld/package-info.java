/** SLD 1.0 / SE 1.1 user styles: parsed safely into rules with filters, scale ranges and symbols of the renderer. */
package org.clustergrid.render.sld;
