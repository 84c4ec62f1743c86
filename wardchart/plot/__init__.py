"""The cycle-day chart drawn with pyqtgraph, shared by the window and the printouts."""
