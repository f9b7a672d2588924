package org.clustergrid.network;

import java.util.Arrays;

/**
 * Groups segments into routing edges: maximal chains through vertices of degree 2. Nodes are the vertices of any
 * other degree (ends, junctions); a ring with no such vertex gets one at its first vertex. Linear time, primitive
 * arrays; the vertex → segments incidence it needs is dropped after construction.
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
    int edgeCount;

    private final int[] segU;
    private final int[] segV;
    private final double[] segMetres;
    private final double[] segSeconds;
    private final int[] incidence;
    private final int[] incidenceStart;
    private final int[] vertexNode;

    Chains(int vertexCount, int[] segU, int[] segV, double[] segMetres, double[] segSeconds) {
        this.segU = segU;
        this.segV = segV;
        this.segMetres = segMetres;
        this.segSeconds = segSeconds;
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
            if (degree != 2 && degree > 0) {
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
        }
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
