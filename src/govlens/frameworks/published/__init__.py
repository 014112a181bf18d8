"""Rules files: published thresholds shared by frameworks and inspection schemes (``rules: census-2015``)."""
