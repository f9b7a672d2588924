#!/usr/bin/python3
"""Checks of a raster layer of one's own (a GeoTIFF imported with `import layer FILE.tif --as NAME --ramp R`) for
client-checks.sh, in GDAL, OWSLib and PyQGIS: at cell centres whose values GDAL reads from the source file
(gdallocationinfo), each client's map shows the ramp's colour of that value, and GetFeatureInfo answers the value.

Usage: raster_layer_checks.py BASE OUTDIR NAME SOURCE.tif RAMP_MAX
The ramp is black at 0 to pure red at RAMP_MAX. Prints PASS/FAIL lines; the exit code is the number failed.
"""
import json
import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from client_checks import png_pixels  # noqa: E402

base, out, name, source, ramp_max = sys.argv[1:6]
ramp_max = float(ramp_max)
# cell centres of the test grid (gdaltransform from EPSG:32644), well inside their 250 m cells
CELLS = [(83.9486619, 28.2292766), (84.0113275, 28.1940847), (83.9728591, 28.1836511)]
BOX = (83.93, 28.17, 84.04, 28.245)   # lon/lat, drawn 440 x 300: 0.00025° a pixel
W, H = 440, 300
fails = 0


def gdal_value(lon, lat):
    out_ = subprocess.run(["gdallocationinfo", "-valonly", "-wgs84", source, str(lon), str(lat)],
                          capture_output=True, text=True, check=True).stdout.strip()
    return float(out_)


VALUES = [gdal_value(lon, lat) for lon, lat in CELLS]


def ramp(v):
    return (round(255 * min(max(v / ramp_max, 0), 1)), 0, 0)


def pixel(lon, lat):
    return int((lon - BOX[0]) / (BOX[2] - BOX[0]) * W), int((BOX[3] - lat) / (BOX[3] - BOX[1]) * H)


def colours_match(path, tolerance=0):
    w, h, rows = png_pixels(path)
    assert (w, h) == (W, H), f"{w}x{h}"
    seen = []
    for (lon, lat), v in zip(CELLS, VALUES):
        i, j = pixel(lon, lat)
        got = rows[j][i]
        want = ramp(v)
        assert got[3] == 255 and all(abs(a - b) <= tolerance for a, b in zip(got[:3], want)), \
            f"at {lon},{lat} (value {v}): pixel {got}, want {want}"
        seen.append(f"{v:g}->{got[:3]}")
    return ", ".join(seen)


def check(label, fn):
    global fails
    t = time.perf_counter()
    try:
        print(f"PASS raster layer {name}: {label}: {fn()} ({time.perf_counter() - t:.2f}s)", flush=True)
    except Exception as e:  # a failed check reports and the next one runs
        fails += 1
        print(f"FAIL raster layer {name}: {label}: {type(e).__name__}: {str(e)[:400]} ({time.perf_counter() - t:.2f}s)",
              flush=True)


def gdal_wms():
    url = (f"WMS:{base}/ogc/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS={name}&STYLES=&CRS=CRS:84"
           f"&BBOX={','.join(map(str, BOX))}&FORMAT=image/png&TRANSPARENT=TRUE")
    path = f"{out}/gdal-{name}.png"
    subprocess.run(["gdal_translate", "-q", "-of", "PNG", "-outsize", str(W), str(H), url, path], check=True,
                   capture_output=True, text=True)
    return "gdal_translate of the WMS: " + colours_match(path)


def owslib_wms():
    from owslib.wms import WebMapService
    wms = WebMapService(base + "/ogc/wms", version="1.3.0", timeout=60)
    assert name in wms.contents and wms[name].queryable, f"layers {sorted(wms.contents)}"
    img = wms.getmap(layers=[name], styles=[""], srs="CRS:84", bbox=BOX, size=(W, H), format="image/png",
                     transparent=True)
    path = f"{out}/owslib-{name}.png"
    with open(path, "wb") as fh:
        fh.write(img.read())
    drawn = colours_match(path)
    i, j = pixel(*CELLS[1])
    info = wms.getfeatureinfo(layers=[name], styles=[""], srs="CRS:84", bbox=BOX, size=(W, H), format="image/png",
                              query_layers=[name], info_format="application/json", xy=(i, j))
    props = json.loads(info.read())["features"][0]["properties"]
    assert props["value"] == VALUES[1], f"GetFeatureInfo {props}, gdallocationinfo {VALUES[1]}"
    return f"GetMap {drawn}; GetFeatureInfo value {props['value']:g} = gdallocationinfo's"


check("GDAL WMS driver", gdal_wms)
check("OWSLib WMS", owslib_wms)

from qgis.core import QgsApplication, QgsRasterLayer, QgsRectangle  # noqa: E402
import qgis_render  # noqa: E402

app = QgsApplication([], False)
app.initQgis()


def qgis_wms():
    layer = QgsRasterLayer(f"crs=CRS:84&format=image/png&layers={name}&styles=&url={base}/ogc/wms", name, "wms")
    assert layer.isValid(), layer.error().summary()[:300]
    path = f"{out}/qgis-{name}.png"
    # rendered square: 256 px over a square box around the grid, so pixels map as above only after rescaling
    global W, H, BOX
    W, H, BOX = 256, 256, (83.945, 28.17, 84.02, 28.245)
    n, total, errors = qgis_render.render(layer, "EPSG:4326", QgsRectangle(*BOX), path, 256)
    assert not errors, errors
    return f"WMS layer rendered: {colours_match(path, tolerance=2)}"


check("QGIS WMS raster layer", qgis_wms)
print(f"raster-layer-checks: {fails} failed", flush=True)
app.exitQgis()
sys.exit(fails)
