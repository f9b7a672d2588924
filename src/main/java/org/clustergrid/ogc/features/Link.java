package org.clustergrid.ogc.features;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A link object as OGC API – Features defines it (link.yaml): {@code href} and {@code rel} required. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Link(String href, String rel, String type, String title) {}
