"""placeholder"""
def write_gexf(*a, **k): raise NotImplementedError
def write_vosviewer(*a, **k): raise NotImplementedError
def write_edge_lists(*a, **k): raise NotImplementedError
