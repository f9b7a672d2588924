"""Renders a QGIS layer headless to a PNG and counts the pixels drawn, for the PyQGIS client checks."""
from qgis.core import QgsCoordinateReferenceSystem, QgsMapRendererSequentialJob, QgsMapSettings
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

from client_checks import non_background


def render(layer, crs, rect, path, size=512):
    """(pixels drawn, pixels, the render job's errors) of the layer drawn over rect on white."""
    ms = QgsMapSettings()
    ms.setLayers([layer])
    ms.setDestinationCrs(QgsCoordinateReferenceSystem(crs))
    ms.setExtent(rect)
    ms.setOutputSize(QSize(size, size))
    ms.setBackgroundColor(QColor("white"))
    job = QgsMapRendererSequentialJob(ms)
    job.start()
    job.waitForFinished()
    img = job.renderedImage()
    assert not img.isNull() and img.save(path, "png"), "no image"
    errors = [f"{e.layerID}: {e.message}" for e in job.errors()]
    n, total = non_background(path)
    return n, total, errors
