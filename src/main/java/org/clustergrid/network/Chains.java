package org.clustergrid.network;

import java.util.Arrays;

/**
 * Groups segments into routing edges: maximal chains through vertices of degree 2 along which the allowed directions
 * stay the same. Nodes are the vertices of any other degree (ends, junctions) and those where a one-way road meets a
 * two-way one (or one of the other direction) end to end, so that every edge is one-way or two-way as a whole; a ring
 * with no such vertex gets one at its first vertex. Linear time, primitive arrays; the vertex → segments incidence it
 * needs is dropped after construction.
 */
final class Chains {
    final int[] segEdge;
    final double[] segOffset;
    final boolean[] segForward;
    int[] nodeVertex;
    int nodeCount;
    int[] edgeU;
    int[] edgeV;
    double[] edgeMetres;
    double[] edgeSeconds;
    int[] edgeFirstSegment;
    /** Whether the edge may be driven from its source to its target, and back. */
    boolean[] edgeForward;
    boolean[] edgeBackward;
    int edgeCount;

    private final int[] segU;
    private final int[] segV;
    private final double[] segMetres;
    private final double[] segSeconds;
    private final byte[] segDir;
    private final int[] incidence;
    private final int[] incidenceStart;
    private final int[] vertexNode;

    Chains(int vertexCount, int[] segU, int[] segV, double[] segMetres, double[] segSeconds, byte[] segDir) {
        this.segU = segU;
        this.segV = segV;
        this.segMetres = segMetres;
        this.segSeconds = segSeconds;
        this.segDir = segDir;
        int m = segU.length;
        incidenceStart = new int[vertexCount + 1];
        for (int s = 0; s < m; s++) {
            incidenceStart[segU[s] + 1]++;
            incidenceStart[segV[s] + 1]++;
        }
        for (int v = 0; v < vertexCount; v++) {
            incidenceStart[v + 1] += incidenceStart[v];
        }
        incidence = new int[2 * m];
        int[] fill = Arrays.copyOf(incidenceStart, vertexCount);
        for (int s = 0; s < m; s++) {
            incidence[fill[segU[s]]++] = s;
            incidence[fill[segV[s]]++] = s;
        }
        vertexNode = new int[vertexCount];
        Arrays.fill(vertexNode, -1);
        nodeVertex = new int[16];
        for (int v = 0; v < vertexCount; v++) {
            int degree = incidenceStart[v + 1] - incidenceStart[v];
            if (degree != 2 && degree > 0 || degree == 2 && !sameDirections(v)) {
                addNode(v);
            }
        }
        segEdge = new int[m];
        Arrays.fill(segEdge, -1);
        segOffset = new double[m];
        segForward = new boolean[m];
        int capacity = Math.max(16, nodeCount * 2);
        edgeU = new int[capacity];
        edgeV = new int[capacity];
        edgeMetres = new double[capacity];
        edgeSeconds = new double[capacity];
        edgeFirstSegment = new int[capacity];
        edgeForward = new boolean[capacity];
        edgeBackward = new boolean[capacity];
        for (int n = 0; n < nodeCount; n++) {
            walkAll(nodeVertex[n]);
        }
        for (int s = 0; s < m; s++) {
            if (segEdge[s] < 0) { // a ring of degree-2 vertices
                addNode(segU[s]);
                walkAll(segU[s]);
            }
        }
    }

    /**
     * Whether a chain may run through the degree-2 vertex {@code x}: driving on through it is allowed in the same
     * directions on both of its segments.
     */
    private boolean sameDirections(int x) {
        int s1 = incidence[incidenceStart[x]], s2 = incidence[incidenceStart[x] + 1];
        int p = other(s1, x), q = other(s2, x);
        return allowsFrom(s1, p) == allowsFrom(s2, x) && allowsFrom(s1, x) == allowsFrom(s2, q);
    }

    private int other(int seg, int end) {
        return segU[seg] == end ? segV[seg] : segU[seg];
    }

    private boolean allowsFrom(int seg, int from) {
        return RoadDirection.allowsFrom(segDir[seg], segU[seg], from);
    }

    private void addNode(int vertex) {
        if (nodeCount == nodeVertex.length) {
            nodeVertex = Arrays.copyOf(nodeVertex, nodeCount * 2);
        }
        vertexNode[vertex] = nodeCount;
        nodeVertex[nodeCount++] = vertex;
    }

    /** Walks every chain leaving a node vertex that is not walked yet. */
    private void walkAll(int start) {
        for (int i = incidenceStart[start]; i < incidenceStart[start + 1]; i++) {
            if (segEdge[incidence[i]] < 0) {
                walk(start, incidence[i]);
            }
        }
    }

    private void walk(int start, int firstSeg) {
        int edge = edgeCount++;
        if (edge == edgeU.length) {
            int cap = edge * 2;
            edgeU = Arrays.copyOf(edgeU, cap);
            edgeV = Arrays.copyOf(edgeV, cap);
            edgeMetres = Arrays.copyOf(edgeMetres, cap);
            edgeSeconds = Arrays.copyOf(edgeSeconds, cap);
            edgeFirstSegment = Arrays.copyOf(edgeFirstSegment, cap);
            edgeForward = Arrays.copyOf(edgeForward, cap);
            edgeBackward = Arrays.copyOf(edgeBackward, cap);
        }
        edgeForward[edge] = allowsFrom(firstSeg, start);
        edgeBackward[edge] = allowsFrom(firstSeg, other(firstSeg, start));
        double seconds = 0;
        double metres = 0;
        int at = start;
        int seg = firstSeg;
        while (true) {
            segEdge[seg] = edge;
            segOffset[seg] = seconds;
            segForward[seg] = segU[seg] == at;
            seconds += segSeconds[seg];
            metres += segMetres[seg];
            at = segU[seg] == at ? segV[seg] : segU[seg];
            if (vertexNode[at] >= 0) {
                break;
            }
            // a degree-2 vertex: continue on its other segment
            int a = incidence[incidenceStart[at]];
            int next = a != seg ? a : incidence[incidenceStart[at] + 1];
            seg = next;
        }
        edgeU[edge] = vertexNode[start];
        edgeV[edge] = vertexNode[at];
        edgeMetres[edge] = metres;
        edgeSeconds[edge] = seconds;
        edgeFirstSegment[edge] = firstSeg;
    }
}
