#!/usr/bin/python3
"""PyQGIS (QGIS 3.22, Debian python3-qgis) checks for client-checks.sh, headless (QT_QPA_PLATFORM=offscreen):
  - the WMS as a QGIS raster layer ('wms' provider) rendered to 512x512 with QgsMapRendererSequentialJob: pixels drawn
  - an OGC API - Features collection through QGIS's 'OAPIF' provider: every feature read with paging, and a bbox
    (QgsFeatureRequest.setFilterRect on a layer with restrictToRequestBBOX, so the provider sends it as bbox= and pages)
    giving the expected count
  - the vector tiles as a QGIS vector tile layer ('xyz' source) rendered: pixels drawn

Usage: qgis_checks.py BASE OUTDIR BBOX EXPECTED_ROADS EXPECTED_ROADS_IN_BBOX EXTENT
  BBOX and EXTENT as minLon,minLat,maxLon,maxLat. Prints PASS/FAIL lines; the exit code is the number failed.
"""
import os
import sys
import time

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsFeatureRequest, QgsRasterLayer, QgsRectangle,
                       QgsVectorLayer, QgsVectorTileLayer, Qgis)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qgis_render import render  # noqa: E402

base, out, bbox_arg, expected_roads, expected_in_bbox, extent_arg = sys.argv[1:7]
expected_roads, expected_in_bbox = int(expected_roads), int(expected_in_bbox)
box = [float(v) for v in bbox_arg.split(",")]
extent = QgsRectangle(*[float(v) for v in extent_arg.split(",")])
fails = 0


def check(name, fn):
    global fails
    t = time.perf_counter()
    try:
        print(f"PASS pyqgis: {name}: {fn()} ({time.perf_counter() - t:.2f}s)", flush=True)
    except Exception as e:  # a failed check reports and the next one runs
        fails += 1
        print(f"FAIL pyqgis: {name}: {type(e).__name__}: {str(e)[:400]} ({time.perf_counter() - t:.2f}s)", flush=True)


app = QgsApplication([], False)
app.initQgis()
print(f"QGIS {Qgis.QGIS_VERSION}", flush=True)


def wms():
    uri = f"crs=EPSG:4326&format=image/png&layers=roads&layers=clusters&styles=&styles=&url={base}/ogc/wms"
    layer = QgsRasterLayer(uri, "wms", "wms")
    assert layer.isValid(), layer.error().summary()[:300]
    n, total, errors = render(layer, "EPSG:4326", extent, f"{out}/qgis-wms.png")
    assert not errors and n >= total // 100, f"{n} of {total} pixels drawn; errors {errors}"
    return f"WMS roads+clusters rendered 512x512: {n} of {total} pixels drawn ({100 * n / total:.1f} %)"
check("WMS raster layer renders", wms)


def oapif_all():
    layer = QgsVectorLayer(f"url='{base}/ogc/features' typename='roads' pagingEnabled='true' pageSize='500'",
                           "roads", "OAPIF")
    assert layer.isValid(), "OAPIF layer invalid"
    ids = [f["id"] for f in layer.getFeatures()]
    assert layer.featureCount() == len(ids) == len(set(ids)) == expected_roads, \
        f"featureCount {layer.featureCount()}, read {len(ids)} ({len(set(ids))} distinct), expected {expected_roads}"
    return f"roads: {len(ids)} features read in pages of 500, ids distinct, = featureCount = {expected_roads} expected"
check("OAPIF provider reads every road", oapif_all)


def oapif_bbox():
    # restrictToRequestBBOX: what QGIS's "only request features overlapping the view extent" sets; it sends the
    # request's rectangle as bbox= and pages with it (without it QGIS 3.22 reads everything and filters itself)
    layer = QgsVectorLayer(f"url='{base}/ogc/features' typename='roads' pagingEnabled='true' pageSize='100' "
                           "restrictToRequestBBOX='1'",
                           "roads", "OAPIF")
    assert layer.isValid(), "OAPIF layer invalid"
    rect = QgsRectangle(*box)
    feats = list(layer.getFeatures(QgsFeatureRequest().setFilterRect(rect)))
    ids = {f["id"] for f in feats}
    outside = [f["id"] for f in feats if not f.geometry().intersects(rect)]
    assert not outside and len(feats) == len(ids) == expected_in_bbox, \
        f"read {len(feats)} ({len(ids)} distinct, {len(outside)} outside), expected {expected_in_bbox}"
    return f"roads in bbox {bbox_arg}: {len(feats)} read in pages of 100, all intersect it = {expected_in_bbox} expected"
check("OAPIF provider bbox request pages to the exact count", oapif_bbox)


def vector_tiles():
    layer = QgsVectorTileLayer(f"type=xyz&url={base}/tiles/roads/{{z}}/{{x}}/{{y}}.mvt&zmin=0&zmax=22", "roads-mvt")
    assert layer.isValid(), layer.error().summary()[:300]
    src = QgsCoordinateReferenceSystem("EPSG:4326")
    dst = QgsCoordinateReferenceSystem("EPSG:3857")
    from qgis.core import QgsCoordinateTransform, QgsProject
    rect = QgsCoordinateTransform(src, dst, QgsProject.instance()).transformBoundingBox(QgsRectangle(*box))
    n, total, errors = render(layer, "EPSG:3857", rect, f"{out}/qgis-mvt.png")
    assert not errors and n >= total // 100, f"{n} of {total} pixels drawn; errors {errors}"
    return f"roads vector tiles over bbox {bbox_arg} rendered 512x512: {n} of {total} pixels drawn ({100 * n / total:.1f} %)"
check("vector tile layer renders", vector_tiles)

print(f"pyqgis-checks: {fails} failed", flush=True)
app.exitQgis()
sys.exit(fails)
