"""Charts (matplotlib), below both the GUI and the Word export: the app's views draw them on
a canvas (``gui/chart_canvas.py``), the reports as PNG in the chart worker
(``exporting/chart_jobs.py``). ``drawing``: fonts, colours and PNG output; ``cost_charts``:
the cost model's and the appraisal's charts."""
